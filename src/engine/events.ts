// Shocks from outside: scripted (on a turn or a condition) and random (seeded draws).
import { conditionsHold } from './conditions';
import { changeMeter, setMeter } from './meters';
import { openChannel, sendTrack } from './moves';
import { nextRandom } from './rng';
import { addFiredEvent, baseOf, channelsOf, fieldOf, recordInTurn, setField, turnOf, writableChannels } from './working';
import { citeFiles, textOf } from './text';
import type { EventDef, GameState, Scenario } from './types';

/** Draw from the game's own generator (on a draft). */
export function draw(g: GameState): number {
  const [next, x] = nextRandom(fieldOf(g, 'rng'));
  setField(g, 'rng', next);
  return x;
}

/** Fire the events whose triggers hold at the start of this turn, in scenario order. */
export function runBriefing(scenario: Scenario, g: GameState): void {
  // Read once from the plain state (not the draft); events fired below are added as they fire.
  const fired = new Set(baseOf(g).firedEvents);
  const turn = turnOf(g);
  for (const ev of scenario.events) {
    if (!ev.repeat && fired.has(ev.id)) continue;
    const t = ev.trigger;
    if (t.turn !== undefined && t.turn !== turn) continue;
    if (!conditionsHold(g, t.when)) continue;
    if (t.chance !== undefined && draw(g) >= t.chance) continue;
    if (t.turn === undefined && t.when === undefined && t.chance === undefined) continue;
    fireEvent(scenario, g, ev);
    fired.add(ev.id);
  }
}

export function fireEvent(scenario: Scenario, g: GameState, ev: EventDef): void {
  const title = textOf(ev.title);
  const cite = citeFiles(ev.cite);
  addFiredEvent(g, ev.id);
  recordInTurn(g, 'news', { turn: turnOf(g), event: ev.id, title, text: textOf(ev.text), cite });
  for (const e of ev.effects) {
    if ('meter' in e) {
      const cause = textOf(e.cause) || title;
      if ('set' in e) setMeter(g, e.meter, e.set, cause, cite[0]);
      else changeMeter(g, e.meter, damped(scenario, g, e.meter, e.delta), cause, cite[0]);
    } else if ('track' in e) {
      sendTrack(scenario, g, e.track, e.send);
    } else if (e.open) {
      if (!channelsOf(g)[e.channel].open) openChannel(scenario, g, e.channel);
    } else {
      writableChannels(g)[e.channel] = { open: false, requested: [] };
    }
  }
}

/** Open channels halve the escalation an incident causes (002: channels damp accidents). */
function damped(scenario: Scenario, g: GameState, meter: string, delta: number): number {
  if (meter !== 'escalation' || delta <= 0) return delta;
  const channels = channelsOf(g);
  const anyOpen = scenario.channels.some((c) => channels[c.id].open);
  return anyOpen ? delta / 2 : delta;
}
