// What one side may see. Hidden: the random generator (future draws), the other side's
// undiscovered defections (they look like implementation), the other side's brief, and the other
// side's statement of this turn until this side has spoken too (statements are simultaneous).
import { produce, type Draft } from 'immer';
import { clampMeter } from './meters';
import { isStatementCause } from './moves';
import { otherSide, type GameState, type MeterPath, type Scenario, type SideDef, type Side } from './types';

/**
 * `sealed`: the sides that have made this turn's statement, which this side may not read yet (it has not spoken):
 * their tone, the statement in the history and its effects on the meters are left out until it has.
 */
export type SideView = GameState & { viewer: Side; sealed?: Side[] };

/** Has `them` spoken this turn while `side` has not? Then what they said stays sealed from `side`. */
export function statementSealed(state: GameState, side: Side): boolean {
  const them = otherSide(state.seats, side);
  return state.phase === 'statements' && state.thisTurn.statements[them] !== undefined && state.thisTurn.statements[side] === undefined;
}

export function viewFor(state: GameState, side: Side): SideView {
  const them = otherSide(state.seats, side);
  // Usually there is nothing to hide but the generator: the view is then the state with those two
  // numbers zeroed, the same object immer made below (same keys, same order, same values), without a
  // recipe per agent decision (a quarter of a game between scripted agents went there).
  const sealed = statementSealed(state, side);
  if (!sealed && !hasHiddenDefection(state, them)) return { ...state, rng: 0, seed: 0, viewer: side };
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
    if (sealed) sealStatement(state, g, them);
  });
  return sealed ? { ...hidden, viewer: side, sealed: [them] } : { ...hidden, viewer: side };
}

/**
 * The state as it was before `them` spoke this turn, as far as the viewer can tell: the tone, the statement move and
 * its ledger lines are left out, and the meters it moved are moved back (later lines on those meters read as if it
 * had not been made). The viewer has made no statement yet, so every statement line of this turn is theirs.
 */
function sealStatement(state: GameState, g: Draft<GameState>, them: Side): void {
  delete g.thisTurn.statements[them];
  const last = state.history.length - 1;
  const turn = state.history[last];
  g.history[last].moves = turn.moves.filter((m) => !(m.side === them && m.type === 'statement'));
  const moved = new Map<MeterPath, number>();
  const ledger = [];
  for (const e of turn.ledger) {
    if (isStatementCause(e.cause)) moved.set(e.meter, (moved.get(e.meter) ?? 0) + e.delta);
    else ledger.push(moved.has(e.meter) ? { ...e, value: clampMeter(e.value - moved.get(e.meter)!) } : e);
  }
  g.history[last].ledger = ledger;
  for (const [path, delta] of moved) {
    const [group, key] = path.split('.') as [keyof GameState['meters'], string | undefined];
    if (key === undefined) (g.meters as unknown as Record<string, number>)[group] = clampMeter((state.meters as unknown as Record<string, number>)[group] - delta);
    else {
      const values = g.meters[group] as unknown as Record<string, number>;
      values[key] = clampMeter(values[key] - delta);
    }
  }
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

/**
 * The scenario as one side knows it: the other side's priorities, red lines and brief removed, and its stance
 * as a computer counterpart (what it wants most and will never give would tell its brief).
 */
export type PublicScenario = Omit<Scenario, 'sides' | 'classroom'> & {
  sides: Record<Side, SideDef | Omit<SideDef, 'priorities' | 'redLines' | 'brief' | 'goal' | 'reservation' | 'counterpart'>>;
};

export function scenarioFor(scenario: Scenario, side: Side): PublicScenario {
  const them = otherSide(scenario.seats, side);
  // The other side's hidden brief: what it values, will not give, counts as success, can get without a deal, and how its computer plays.
  const { priorities: _p, redLines: _r, brief: _b, goal: _g, reservation: _v, counterpart: _c, ...open } = scenario.sides[them];
  // The classroom's limits name the other side's candidate red lines and how far its priorities may move: not a seat's to read.
  const { classroom: _limits, ...shared } = scenario;
  return { ...shared, sides: { [side]: scenario.sides[side], [them]: open } as PublicScenario['sides'] };
}
