// What one side may see. Hidden: the random generator (future draws), the other side's
// undiscovered defections (they look like implementation), and the other side's brief.
import { produce } from 'immer';
import { otherSide, type GameState, type Scenario, type SideDef, type Side } from './types';

export type SideView = GameState & { viewer: Side };

export function viewFor(state: GameState, side: Side): SideView {
  const them = otherSide(side);
  // Usually there is nothing to hide but the generator: the view is then the state with those two
  // numbers zeroed, the same object immer made below (same keys, same order, same values), without a
  // recipe per agent decision (a quarter of a game between scripted agents went there).
  if (!hasHiddenDefection(state, them)) return { ...state, rng: 0, seed: 0, viewer: side };
  // Read the plain state, write only what must be hidden: drafting the whole history cost most of an agent's move.
  const hidden = produce(state, (g) => {
    g.rng = 0;
    g.seed = 0;
    state.agreements.forEach((a, i) => {
      const o = a.obligations[them];
      if (o.status === 'defected' && !o.exposed) g.agreements[i].obligations[them].status = 'implemented';
    });
    state.history.forEach((t, i) => {
      if (t.moves.some((m) => m.side === them && m.type === 'defect'))
        g.history[i].moves = t.moves.map((m) => (m.side === them && m.type === 'defect' ? { ...m, type: 'implement' } : m));
    });
  });
  return { ...hidden, viewer: side };
}

/** Has `them` a defection not yet exposed, or a defect move in the log? (What viewFor hides.) */
function hasHiddenDefection(state: GameState, them: Side): boolean {
  for (const a of [...state.agreements]) {
    const o = a.obligations[them];
    if (o.status === 'defected' && !o.exposed) return true;
  }
  for (const t of [...state.history]) {
    const moves = [...t.moves];
    for (let i = 0; i < moves.length; i++) if (moves[i].side === them && moves[i].type === 'defect') return true;
  }
  return false;
}

/** The scenario as one side knows it: the other side's priorities, red lines and brief removed. */
export type PublicScenario = Omit<Scenario, 'sides'> & {
  sides: Record<Side, SideDef | Omit<SideDef, 'priorities' | 'redLines' | 'brief' | 'goal'>>;
};

export function scenarioFor(scenario: Scenario, side: Side): PublicScenario {
  const them = otherSide(side);
  const { priorities: _p, redLines: _r, brief: _b, goal: _g, ...open } = scenario.sides[them];
  return { ...scenario, sides: { [side]: scenario.sides[side], [them]: open } as PublicScenario['sides'] };
}
