// Declared red lines and refusals with a reason: what a side says it will not do is public, binding on itself, and
// read by the other side.
import { describe, expect, it } from 'vitest';
import { applyMove, createGame, declaredRedLines, readMeter, ruledOut, viewFor, whyNot, type GameState, type Scenario } from '../../src/engine';
import { advance, giveable, play, shippedScenarios } from './engine-test-kit';

const s: Scenario = shippedScenarios().find(([id]) => id === 'reset-2009')![1];
const [US, RU] = s.seats;
const start = () => createGame(s, 5);

/** Both sides stated (the U.S. declaring `line` a red line), then the side with the initiative is to propose. */
function declared(line: string): GameState {
  return play(s, start(), { type: 'statement', side: US, tone: 'neutral', redLine: line }, { type: 'statement', side: RU, tone: 'neutral' });
}

describe('a red line declared in a statement', () => {
  it('wins support at home, is sealed with the statement, and is public once both have spoken', () => {
    const line = giveable(s, start(), US)[0];
    const plain = play(s, start(), { type: 'statement', side: US, tone: 'neutral' });
    const spoke = play(s, start(), { type: 'statement', side: US, tone: 'neutral', redLine: line });
    expect(readMeter(spoke, `support.${US}`)).toBeGreaterThan(readMeter(plain, `support.${US}`));
    // Russia has not spoken: it reads neither the statement nor the declaration, nor its mark on the meters.
    expect(declaredRedLines(viewFor(spoke, RU), US)).toEqual([]);
    expect(viewFor(spoke, RU).meters.support[US]).toBe(plain.meters.support[US]);
    const both = play(s, spoke, { type: 'statement', side: RU, tone: 'neutral' });
    expect(declaredRedLines(viewFor(both, RU), US)).toEqual([line]);
  });

  it('binds the side that declared it and cannot be asked for', () => {
    const line = giveable(s, start(), US)[0];
    const g = declared(line);
    const ruCard = giveable(s, g, RU)[0];
    const by = g.initiative;
    if (by === US) expect(whyNot(s, g, { type: 'propose', side: US, give: [line], ask: [ruCard] })).toMatch(/you declared it a red line in turn 1/);
    else expect(whyNot(s, g, { type: 'propose', side: RU, give: [ruCard], ask: [line] })).toMatch(/red line .* declared in turn 1/);
  });

  it('is refused for a card not the side’s own or declared twice', () => {
    const ruCard = giveable(s, start(), RU)[0];
    expect(whyNot(s, start(), { type: 'statement', side: US, tone: 'neutral', redLine: ruCard })).toMatch(/other side's concession/);
    const line = giveable(s, start(), US)[0];
    const later = advance(s, declared(line), (g) => g.turn === 2);
    expect(whyNot(s, later, { type: 'statement', side: US, tone: 'neutral', redLine: line })).toMatch(/already declared/);
  });
});

describe('a refusal with a reason', () => {
  function offered(): { g: GameState; by: string; to: string; give: string[]; ask: string[] } {
    const g0 = play(s, start(), { type: 'statement', side: US, tone: 'neutral' }, { type: 'statement', side: RU, tone: 'neutral' });
    const by = g0.initiative;
    const to = by === US ? RU : US;
    const give = [giveable(s, g0, by)[0]];
    const ask = [giveable(s, g0, to)[0]];
    return { g: play(s, g0, { type: 'propose', side: by, give, ask }), by, to, give, ask };
  }

  it('is shown to the proposer and rules out what it says', () => {
    const { g, by, to, give, ask } = offered();
    const r = applyMove(s, g, { type: 'reject', side: to, reason: 'not-enough' });
    expect(r.ok).toBe(true);
    const after = viewFor(r.state, by);
    expect(after.lastAnswer).toMatchObject({ answer: 'reject', reason: 'not-enough' });
    expect(ruledOut(after, by, { give, ask })).not.toBeNull();
    // Giving more for the same ask is not ruled out; asking less is not either.
    const more = giveable(s, after, by).filter((c) => !give.includes(c))[0];
    expect(ruledOut(after, by, { give: [...give, more], ask })).toBeNull();
    expect(ruledOut(after, by, { give, ask: [] })).toBeNull();
  });

  it('"crosses a red line" rules out asking the same cards again, whatever is offered', () => {
    const { g, by, to, ask } = offered();
    const after = play(s, g, { type: 'reject', side: to, reason: 'red-line' });
    expect(ruledOut(after, by, { give: giveable(s, after, by).slice(0, 2), ask })).not.toBeNull();
  });

  it('"not now" rules out the same package only for a while', () => {
    const { g, by, to, give, ask } = offered();
    const after = play(s, g, { type: 'reject', side: to, reason: 'not-now' });
    expect(ruledOut(after, by, { give, ask })).not.toBeNull();
    expect(ruledOut({ ...after, turn: after.turn + 2 }, by, { give, ask })).toBeNull();
  });

  it('refuses an unknown reason, and "red line" for a package that asks nothing', () => {
    const { g, to } = offered();
    expect(whyNot(s, g, { type: 'reject', side: to, reason: 'bored' as never })).toMatch(/red-line, not-enough or not-now/);
    const g0 = play(s, start(), { type: 'statement', side: US, tone: 'neutral' }, { type: 'statement', side: RU, tone: 'neutral' });
    const by = g0.initiative;
    const gift = play(s, g0, { type: 'propose', side: by, give: [giveable(s, g0, by)[0]], ask: [] });
    expect(whyNot(s, gift, { type: 'reject', side: by === US ? RU : US, reason: 'red-line' })).toMatch(/cannot cross your red line/);
  });
});
