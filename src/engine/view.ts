// What one side may see. Hidden: the random generator (future draws), the other side's
// undiscovered defections (they look like implementation), and the other side's brief.
import { produce } from 'immer';
import { otherSide, type GameState, type Scenario, type SideDef, type Side } from './types';

export type SideView = GameState & { viewer: Side };

export function viewFor(state: GameState, side: Side): SideView {
  const them = otherSide(side);
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

/** The scenario as one side knows it: the other side's priorities, red lines and brief removed. */
export type PublicScenario = Omit<Scenario, 'sides'> & {
  sides: Record<Side, SideDef | Omit<SideDef, 'priorities' | 'redLines' | 'brief' | 'goal'>>;
};

export function scenarioFor(scenario: Scenario, side: Side): PublicScenario {
  const them = otherSide(side);
  const { priorities: _p, redLines: _r, brief: _b, goal: _g, ...open } = scenario.sides[them];
  return { ...scenario, sides: { [side]: scenario.sides[side], [them]: open } as PublicScenario['sides'] };
}
