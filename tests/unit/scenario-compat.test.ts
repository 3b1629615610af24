// A scenario edited under a running game: the game goes on with new numbers, and restarts (with the
// reason) when the state names something the new file no longer has.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMove, createGame, legalMoves, pendingSides, type GameState, type Scenario } from '../../src/engine';
import { canKeepGame } from '../../src/scenario/compat';
import { loadScenarioText } from '../../src/scenario/load';

const SMALL = readFileSync(resolve(import.meta.dirname, '../fixtures/scenarios/valid/small.yaml'), 'utf8');
const load = (text: string): Scenario => {
  const r = loadScenarioText(text, 'small.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.scenario;
};

/** A game some moves in, each side taking its first legal move. */
function playSome(s: Scenario, moves: number): GameState {
  let g = createGame(s, 7);
  for (let i = 0; i < moves && g.phase !== 'ended'; i++) {
    const side = pendingSides(g)[0];
    const r = applyMove(s, g, legalMoves(s, g, side)[0]);
    if (!r.ok) throw new Error(r.reason);
    g = r.state;
  }
  return g;
}

describe('a scenario edited under a running game', () => {
  const before = load(SMALL);
  const game = playSome(before, 12);

  it('new numbers keep the game, and the next moves follow them', () => {
    const after = load(SMALL.replace('    value: 4\n  - id: cut-launchers', '    value: 5\n  - id: cut-launchers').replace('turns: 8 ', 'turns: 10'));
    expect(after.cards[0].value).toBe(5);
    expect(canKeepGame(after, game)).toEqual({ keep: true });
    const side = pendingSides(game)[0];
    expect(applyMove(after, game, legalMoves(after, game, side)[0]).ok).toBe(true);
  });

  it('a removed track, an occupied stage renamed, another id or too few turns restart it, saying why', () => {
    expect(game.turn).toBeGreaterThan(1);
    const noTrade = load(SMALL.replace('    priorities: { arms: 8, trade: 3 }', '    priorities: { arms: 8 }').replace('    priorities: { arms: 5, trade: 7 }', '    priorities: { arms: 5 }').replace(/  - id: trade\n[\s\S]*?(?=\n# Concessions)/, '').replace(/  - id: lift-tariffs\n(    .*\n){5}  - id: open-market\n(    .*\n){5}/, ''));
    expect(canKeepGame(noTrade, game)).toEqual({ keep: false, reason: 'track "trade" was removed' });
    const stageAt = game.tracks.arms.stage;
    const renamed = load(SMALL.replaceAll(new RegExp(`\\b${stageAt}\\b(?!-)`, 'g'), 'renamed-stage'));
    expect(canKeepGame(renamed, game)).toEqual({ keep: false, reason: `track "arms" stands at stage "${stageAt}", which was removed` });
    expect(canKeepGame(load(SMALL.replace('id: small', 'id: other')), game)).toMatchObject({ keep: false });
    expect(canKeepGame(load(SMALL.replace('turns: 8 ', 'turns: 1 ')), game)).toEqual({ keep: false, reason: `the game is on turn ${game.turn}, past the new last turn (1)` });
  });
});
