// Shocks from outside: scripted (on a turn or a condition) and random (seeded draws).
import { conditionsHold } from './conditions';
import { changeMeter, setMeter } from './meters';
import { openChannel, sendTrack } from './moves';
import { nextRandom } from './rng';
import { citeFiles, textOf } from './text';
import { appendToTurn } from './turn-log';
import type { EventDef, GameState, Scenario } from './types';

/** Draw from the game's own generator (on a draft). */
export function draw(g: GameState): number {
  const [next, x] = nextRandom(g.rng);
  g.rng = next;
  return x;
}

/** Fire the events whose triggers hold at the start of this turn, in scenario order. */
export function runBriefing(scenario: Scenario, g: GameState): void {
  for (const ev of scenario.events) {
    if (!ev.repeat && g.firedEvents.includes(ev.id)) continue;
    const t = ev.trigger;
    if (t.turn === undefined && t.when === undefined && t.chance === undefined) continue;
    if (t.turn !== undefined && t.turn !== g.turn) continue;
    if (!conditionsHold(g, t.when)) continue;
    if (t.chance !== undefined && draw(g) >= t.chance) continue;
    fireEvent(scenario, g, ev);
  }
}

export function fireEvent(scenario: Scenario, g: GameState, ev: EventDef): void {
  const title = textOf(ev.title);
  const cite = citeFiles(ev.cite);
  g.firedEvents.push(ev.id);
  appendToTurn(g, 'news', { turn: g.turn, event: ev.id, title, text: textOf(ev.text), cite });
  for (const e of ev.effects) {
    if ('meter' in e) {
      const cause = textOf(e.cause) || title;
      if ('set' in e) setMeter(g, e.meter, e.set, cause, cite[0]);
      else changeMeter(g, e.meter, damped(scenario, g, e.meter, e.delta), cause, cite[0]);
    } else if ('card' in e) {
      // The card is on the table from now on: firedEvents holds that (onTable reads it), nothing else changes.
    } else if ('track' in e) {
      sendTrack(scenario, g, e.track, e.send);
    } else if (e.open) {
      if (!g.channels[e.channel].open) openChannel(scenario, g, e.channel);
    } else {
      g.channels[e.channel] = { open: false, requested: [] };
    }
  }
}

/** Open channels halve the escalation an incident causes (002: channels damp accidents). */
function damped(scenario: Scenario, g: GameState, meter: string, delta: number): number {
  if (meter !== 'escalation' || delta <= 0) return delta;
  const anyOpen = scenario.channels.some((c) => g.channels[c.id].open);
  return anyOpen ? delta / 2 : delta;
}
