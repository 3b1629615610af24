// One seat's view of the table (tableView, previewFor): what every screen and player reads. It holds nothing of the
// other side's secrets, its previews are what signing really does, and its turn and permissions are the rules' own.
import { describe, expect, it } from 'vitest';
import {
  allLedger,
  applyMove,
  concessionCost,
  createGame,
  escalationAtResolution,
  makeRandom,
  meterChanges,
  nextActors,
  otherSide,
  outcomeOf,
  previewFor,
  readMeter,
  scenarioFor,
  tableView,
  textOf,
  viewFor,
  type GameState,
  type PackageTerms,
  type Scenario,
  type Side,
} from '../../src/engine';
import { advance, giveable, must, play, randomMove, shippedScenarios } from './engine-test-kit';

const round1 = (x: number) => Math.round(x * 10) / 10 + 0;

/** The change of `side`'s score between two states: as its own table shows it, and as it truly is. */
function scoreChange(scenario: Scenario, before: GameState, after: GameState, side: Side) {
  const shown = round1(tableView(scenario, after, side).score.score - tableView(scenario, before, side).score.score);
  const truly = round1(outcomeOf(scenario, after).sides[side].score - outcomeOf(scenario, before).sides[side].score);
  // A defection this side has not found looks kept in its view: its score so far (rounded) may then differ by a tenth.
  const hidden = before.agreements.some((a) => a.obligations[otherSide(before.seats, side)].status === 'defected' && !a.obligations[otherSide(before.seats, side)].exposed);
  return { shown, truly, hidden };
}
const reset2009 = () => shippedScenarios().find(([id]) => id === 'reset-2009')![1];

/** States along random games of every shipped scenario (refused random packages are skipped). */
function sampledStates(perScenario: number, seed = 1): [string, Scenario, GameState][] {
  const out: [string, Scenario, GameState][] = [];
  for (const [id, scenario] of shippedScenarios()) {
    const random = makeRandom(seed * 101 + id.length);
    const pick = (n: number) => Math.floor(random() * n);
    let state = createGame(scenario, seed);
    for (let i = 0; out.filter(([x]) => x === id).length < perScenario && i < 5000; i++) {
      if (state.phase === 'ended') state = createGame(scenario, seed + i);
      const r = applyMove(scenario, state, randomMove(scenario, state, pick));
      if (!r.ok) continue;
      state = r.state;
      if (random() < 0.3) out.push([id, scenario, state]);
    }
  }
  return out;
}

/** The same scenario with everything `side` may not know about the other side changed. */
function otherSecrets(scenario: Scenario, side: Side): Scenario {
  const them = otherSide(scenario.seats, side);
  const theirs = scenario.sides[them];
  const priorities = Object.fromEntries(Object.keys(theirs.priorities).map((track, i) => [track, (i * 3 + 1) % 11]));
  const redLines = scenario.cards.filter((c) => c.side === them).slice(-2).map((c) => ({ card: c.id, why: 'A SECRET RED LINE' }));
  const counterpart = { ...(theirs.counterpart ?? {}), why: 'A SECRET STANCE' } as Scenario['sides'][string]['counterpart'];
  return { ...scenario, sides: { ...scenario.sides, [them]: { ...theirs, priorities, redLines, brief: 'A SECRET BRIEF', goal: 99, reservation: 7, counterpart } } };
}

describe('a seat’s view holds nothing of the other side’s secrets', () => {
  const states = sampledStates(40);

  it('the view and every preview in it are the same whatever the other side’s priorities, red lines, brief, goal, reservation and stance', () => {
    let offers = 0;
    for (const [id, scenario, state] of states)
      for (const side of scenario.seats) {
        const view = tableView(scenario, state, side);
        expect(tableView(otherSecrets(scenario, side), state, side), `${id}, turn ${state.turn}, ${state.phase}, ${side}`).toEqual(view);
        // ...and the same from only what the seat was sent: its public scenario and its own view.
        expect(tableView(scenarioFor(scenario, side), viewFor(state, side), side)).toEqual(view);
        const json = JSON.stringify(view);
        expect(json).not.toContain(textOf(scenario.sides[otherSide(scenario.seats, side)].brief).slice(0, 60));
        for (const r of scenario.sides[otherSide(scenario.seats, side)].redLines) expect(json).not.toContain(textOf(r.why));
        if (view.offer?.preview) offers++;
        // A package this side might build: asking for every card the other side still holds.
        const them = otherSide(scenario.seats, side);
        const terms = { give: [], ask: scenario.cards.filter((c) => c.side === them && !state.given[them].includes(c.id)).map((c) => c.id) };
        expect(previewFor(otherSecrets(scenario, side), state, side, terms)).toEqual(previewFor(scenario, state, side, terms));
      }
    expect(offers).toBeGreaterThan(5);
  });

  it('a package’s preview does not tell the other side’s red lines: it is previewed as if they could sign it', () => {
    const s = reset2009();
    const state = advance(s, createGame(s, 1), (g) => g.phase === 'proposals' && g.initiative === 'us');
    for (const red of s.sides.ru.redLines) {
      const terms = { give: [], ask: [red.card] };
      const preview = previewFor(s, state, 'us', terms);
      expect(preview.refused).toBeNull();
      expect(preview).toEqual(previewFor(otherSecrets(s, 'us'), state, 'us', terms));
      expect(Object.keys(preview.onSigning).length).toBeGreaterThan(0);
    }
  });

  it('a defection the other side has not been caught at looks, in the view, exactly like keeping its word', () => {
    const s = reset2009();
    const [give] = giveable(s, createGame(s, 2), 'us');
    const [ask] = giveable(s, createGame(s, 2), 'ru');
    let state = advance(s, createGame(s, 2), (g) => g.phase === 'proposals' && g.initiative === 'us');
    state = play(s, state, { type: 'propose', side: 'us', give: [give], ask: [ask] }, { type: 'accept', side: 'ru' });
    const kept = play(s, state, { type: 'implement', side: 'ru', agreement: 'A1' });
    const broken = play(s, state, { type: 'defect', side: 'ru', agreement: 'A1' });
    expect(broken.agreements[0].obligations.ru.status).toBe('defected');
    expect(tableView(s, broken, 'us')).toEqual(tableView(s, kept, 'us'));
    expect(JSON.stringify(tableView(s, broken, 'us'))).not.toContain('"defected"');
    // The side that defected knows it did.
    expect(tableView(s, broken, 'ru').view.agreements[0].obligations.ru.status).toBe('defected');
  });

  it('the other side’s statement, until this side has spoken, changes nothing in its view but that it has spoken', () => {
    const s = reset2009();
    const start = createGame(s, 4);
    const hostile = play(s, start, { type: 'statement', side: 'ru', tone: 'hostile' });
    const warm = play(s, start, { type: 'statement', side: 'ru', tone: 'conciliatory' });
    const view = tableView(s, hostile, 'us');
    expect(tableView(s, warm, 'us')).toEqual(view);
    expect(view.view.sealed).toEqual(['ru']);
    expect(view.nextActors).toEqual(['us']);
    expect(view.score.score).toBe(outcomeOf(s, start).sides.us.score);
  });

  it('only this side’s score is in it', () => {
    const [, scenario, state] = sampledStates(1)[0];
    const view = tableView(scenario, state, 'us');
    expect(Object.keys(view.score).sort()).toEqual(['goal', 'inOffice', 'parts', 'score', 'won']);
    expect(view.score.goal).toBe(scenario.sides.us.goal);
  });

  it('the scenario a seat receives leaves out the classroom limits, which name the other side’s candidate red lines', () => {
    for (const [id, scenario] of shippedScenarios()) {
      expect(scenario.classroom, `${id} declares classroom limits`).toBeDefined();
      for (const side of scenario.seats) {
        const open = scenarioFor(scenario, side);
        expect(open, `${id}, as ${side} receives it`).not.toHaveProperty('classroom');
        const them = otherSide(scenario.seats, side);
        for (const r of scenario.classroom!.vary[them]?.redLines?.from ?? []) expect(JSON.stringify(open)).not.toContain(JSON.stringify(textOf(r.why)));
      }
    }
  });
});

describe('the view says what the rules say', () => {
  const states = sampledStates(60, 3);

  it('who is asked to move is the engine’s turn order, from either side’s view (sealed statements included)', () => {
    for (const [, scenario, state] of states)
      for (const side of scenario.seats) {
        const view = tableView(scenario, state, side);
        expect(view.nextActors).toEqual(nextActors(state));
        expect(view.yourMove).toBe(nextActors(state).includes(side));
      }
  });

  it('a side may propose exactly when the rules take a proposal from it, and counter exactly when they take a counter-proposal', () => {
    let counters = 0;
    for (const [, scenario, state] of states)
      for (const side of scenario.seats) {
        const view = tableView(scenario, state, side);
        const them = otherSide(scenario.seats, side);
        for (const type of ['propose', 'counter'] as const) {
          // Every package of one card this side could send or ask for, as the rules answer it.
          const answers = scenario.cards.map((c) => applyMove(scenario, state, { type, side, give: c.side === side ? [c.id] : [], ask: c.side === them ? [c.id] : [] }));
          const any = answers.some((r) => r.ok);
          expect(view[type].may, `${type} by ${side} in ${state.phase}`).toBe(any);
          if (any) expect(view[type].why).toBeNull();
          else expect(answers.map((r) => (r.ok ? null : r.reason))).toContain(view[type].why);
        }
        if (view.counter.may) counters++;
      }
    expect(counters).toBeGreaterThan(3);
  });

  it('after a counter-proposal the side answering it may not counter again, and the view says why', () => {
    const s = reset2009();
    let state = advance(s, createGame(s, 5), (g) => g.phase === 'proposals');
    const by = state.initiative;
    const them = otherSide(s.seats, by);
    state = play(s, state, { type: 'propose', side: by, give: giveable(s, state, by).slice(0, 1), ask: [] });
    expect(tableView(s, state, them).counter).toEqual({ may: true, why: null });
    expect(tableView(s, state, by).counter.may).toBe(false);
    state = play(s, state, { type: 'counter', side: them, give: [], ask: giveable(s, state, by).slice(1, 2) });
    const answer = tableView(s, state, by);
    expect(answer.counter).toEqual({ may: false, why: 'a counter-proposal can only be accepted or rejected' });
    expect(answer.offer?.isCounter).toBe(true);
    expect(answer.moves.map((m) => m.type)).toEqual(['accept', 'reject']);
  });

  it('each track’s next step is the one the players can take', () => {
    const s = reset2009();
    const view = tableView(s, createGame(s, 1), 'us');
    expect(view.tracks.map((t) => t.track)).toEqual(s.tracks.map((t) => t.id));
    for (const t of view.tracks) {
      const def = s.tracks.find((x) => x.id === t.track)!;
      if (t.next) expect(def.stages.find((st) => st.id === t.stage)!.on[t.next.on]?.to).toBe(t.next.to);
    }
    expect(view.tracks.some((t) => t.next)).toBe(true);
  });
});

describe('a preview is what signing really does', () => {
  const states = sampledStates(80, 5).filter(([, , g]) => g.phase === 'proposals' || g.phase === 'responses');

  it('a package’s preview equals the meter changes, and the change of the sender’s score, after it is actually sent and signed', () => {
    let compared = 0;
    for (const [id, scenario, state] of states) {
      const side = state.phase === 'proposals' ? state.initiative : otherSide(scenario.seats, state.proposal!.by);
      const them = otherSide(scenario.seats, side);
      const terms: PackageTerms = { give: giveable(scenario, state, side).slice(0, 1), ask: giveable(scenario, state, them).slice(-1) };
      if (terms.give.length + terms.ask.length === 0) continue;
      const preview = previewFor(scenario, state, side, terms);
      const sent = applyMove(scenario, state, { type: state.phase === 'proposals' ? 'propose' : 'counter', side, ...terms });
      expect(preview.refused).toBe(sent.ok ? null : sent.reason);
      if (!sent.ok) continue;
      const signed = must(applyMove(scenario, sent.state, { type: 'accept', side: them }));
      expect(preview.onSigning, `${id} turn ${state.turn}`).toEqual(meterChanges(state, signed));
      const change = scoreChange(scenario, state, signed, side);
      expect(preview.score).toBe(change.shown);
      if (!change.hidden) expect(preview.score).toBe(change.truly);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('the preview of the package on the table equals the meter changes, and the change of the answering side’s score, after accepting it', () => {
    let compared = 0;
    for (const [, scenario, state] of states) {
      if (state.phase !== 'responses') continue;
      const side = otherSide(scenario.seats, state.proposal!.by);
      const offer = tableView(scenario, state, side).offer!;
      const accepted = applyMove(scenario, state, { type: 'accept', side });
      expect(offer.accept).toEqual({ may: accepted.ok, why: accepted.ok ? null : accepted.reason });
      if (!accepted.ok) {
        expect(offer.preview).toBeNull();
        continue;
      }
      expect(offer.preview!.onSigning).toEqual(meterChanges(state, accepted.state));
      const change = scoreChange(scenario, state, accepted.state, side);
      expect(offer.preview!.score).toBe(change.shown);
      if (!change.hidden) expect(offer.preview!.score).toBe(change.truly);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('the rules charge a concession’s giver what concessionCost says: louder hawks cost more, a venue less', () => {
    const s = reset2009();
    const state = advance(s, createGame(s, 1), (g) => g.phase === 'proposals' && g.initiative === 'us');
    const card = s.cards.find((c) => c.side === 'us' && c.cost >= 3 && giveable(s, state, 'us').includes(c.id) && s.tracks.find((t) => t.id === c.track)?.venue)!;
    const loud = { ...state, meters: { ...state.meters, hawks: { ...state.meters.hawks, us: 90 } } };
    const charged = (g: GameState, format: 'bilateral' | 'multilateral') => {
      const signed = play(s, g, { type: 'propose', side: 'us', give: [card.id], ask: [], format }, { type: 'accept', side: 'ru' });
      return allLedger(signed).find((e) => e.meter === 'support.us' && e.cause.includes('conceded'))!.delta;
    };
    const expected = (g: GameState, format: 'bilateral' | 'multilateral') => {
      const before = readMeter(g, 'support.us');
      return Math.round(before - concessionCost(s.rules, g.meters.hawks.us, card, format)) - before;
    };
    for (const g of [state, loud]) for (const f of ['bilateral', 'multilateral'] as const) expect(charged(g, f)).toBe(expected(g, f));
    expect(charged(loud, 'bilateral')).toBeLessThan(charged(state, 'bilateral'));
    expect(charged(state, 'multilateral')).toBeGreaterThan(charged(state, 'bilateral'));
  });

  it('the end of a turn moves escalation by the steps escalationAtResolution lists, in that order', () => {
    const s = shippedScenarios().find(([id]) => id === 'new-reset-2017')![1];
    let state = advance(s, createGame(s, 3), (g) => g.phase === 'proposals');
    state = { ...state, meters: { ...state.meters, hawks: { us: 75, ru: 80 } } };
    expect(state.end).toBeNull();
    const steps = escalationAtResolution(s, state.channels, state.meters.hawks);
    expect(steps.filter((x) => x.cause.includes('show of force')).length).toBe(2);
    const next = advance(s, state, (g) => g.turn > state.turn);
    const resolved = allLedger(next).filter((e) => e.turn === state.turn && e.meter === 'escalation').map((e) => e.cause);
    expect(resolved.filter((c) => steps.some((x) => x.cause === c))).toEqual(steps.filter((x) => x.delta !== 0).map((x) => x.cause));
  });
});
