// A teacher's crisis inject, at the engine: it changes meters, news and ledger exactly as the scenario's
// event says, leaves the game's random draws alone, can be refused with a reason, and replays exactly.
import { describe, expect, it } from 'vitest';
import { allLedger, allNews, applyInject, createGame, legalMoves, pendingSides, readMeter, whyNotInject, type GameState, type Inject, type MeterPath } from '../../src/engine';
import { advance, play, quietMove, shippedScenarios } from './engine-test-kit';

const scenario = new Map(shippedScenarios()).get('missile-defense-2011')!;
const clamp = (x: number) => Math.max(0, Math.min(100, x));

describe('crisis injects', () => {
  it("a scenario event fired by the teacher moves each meter by the event's own numbers, with its cause and article", () => {
    const ev = scenario.events.find((e) => e.id === 'rasmussen')!;
    const start = createGame(scenario, 7);
    const before = JSON.stringify(start);
    const after = applyInject(scenario, start, { kind: 'event', event: 'rasmussen' });
    expect(JSON.stringify(start)).toBe(before); // the old state is untouched
    const meterEffects = ev.effects.filter((e): e is { meter: MeterPath; delta: number } => 'meter' in e && 'delta' in e);
    expect(meterEffects.map((e) => e.meter)).toEqual(['allies.cee', 'trust.ru']);
    for (const e of meterEffects) expect(readMeter(after, e.meter)).toBe(clamp(readMeter(start, e.meter) + e.delta));
    const news = allNews(after).at(-1)!;
    expect(news.event).toBe('rasmussen');
    expect(news.cite).toEqual(['001_94fc22702ed82325.txt']);
    const ledger = allLedger(after).slice(allLedger(start).length);
    expect(ledger.map((l) => [l.meter, l.cause, l.cite])).toEqual([
      ['allies.cee', 'NATO stands by its missile-defense plans', '001_94fc22702ed82325.txt'],
      ['trust.ru', 'another rhetorical assurance instead of a guarantee', '001_94fc22702ed82325.txt'],
    ]);
    // The game's random generator is not drawn from: later random events come out as without the inject.
    expect(after.rng).toBe(start.rng);
    expect(Object.isFrozen(after.meters)).toBe(true);
  });

  it("a written inject without numbers is news only; with effects it moves the meters under the teacher's title", () => {
    const start = createGame(scenario, 3);
    const plain = applyInject(scenario, start, { kind: 'written', id: 'inject-1', title: 'A spy swap', text: 'Ten agents go home.' });
    expect(allNews(plain).at(-1)).toMatchObject({ event: 'inject-1', title: 'A spy swap', text: 'Ten agents go home.' });
    expect(plain.meters).toEqual(start.meters);
    const hard = applyInject(scenario, start, { kind: 'written', id: 'inject-2', title: 'A jet buzzes a ship', text: '', effects: [{ meter: 'trust.us', delta: -5 }] });
    expect(readMeter(hard, 'trust.us')).toBe(readMeter(start, 'trust.us') - 5);
    expect(allLedger(hard).at(-1)).toMatchObject({ meter: 'trust.us', delta: -5, cause: 'A jet buzzes a ship' });
  });

  it('an unknown event or a finished game is refused with a reason, and nothing changes', () => {
    const start = createGame(scenario, 1);
    const unknown: Inject = { kind: 'event', event: 'rasmusen' };
    expect(whyNotInject(scenario, start, unknown)).toBe('unknown event "rasmusen"');
    expect(() => applyInject(scenario, start, unknown)).toThrow('unknown event');
    const ended = advance(scenario, start, () => false);
    expect(ended.phase).toBe('ended');
    expect(whyNotInject(scenario, ended, { kind: 'event', event: 'rasmussen' })).toBe('the game is over');
  });

  it('the game goes on after an inject mid-turn, and the same moves and injects give the same game byte for byte', () => {
    const run = (): GameState => {
      let g = createGame(scenario, 11);
      for (let i = 0; i < 12; i++) g = play(scenario, g, quietMove(scenario, g));
      g = applyInject(scenario, g, { kind: 'event', event: 'rasmussen' });
      expect(legalMoves(scenario, g, pendingSides(g)[0]).length).toBeGreaterThan(0);
      return advance(scenario, g, () => false);
    };
    const a = run();
    expect(a.phase).toBe('ended');
    expect(JSON.stringify(run())).toBe(JSON.stringify(a));
  });
});
