// Play it again from any turn: a game's log replayed up to the start of a turn is a branch point; from there the game
// goes on as a new branch, and its debrief sets the two endings side by side. A branch point travels as a link
// (?branch=...) a teacher hands a class: the built-in scenario's id, the seed, the turn, the players' settings and the
// first game's whole log (so each student's debrief can show the first ending too). Replays go through the engine.
import { RULES_VERSION, applyMove, createGame, type GameLog, type GameState, type Move, type Scenario, type Side } from '../engine';

export const BRANCH_FORMAT = 'reset-branch';
export const BRANCH_VERSION = 1;

export interface BranchPoint {
  format: typeof BRANCH_FORMAT;
  version: number;
  rulesVersion: number;
  /** A built-in scenario's id. */
  scenario: string;
  seed: number;
  /** The turn the branch starts at: every move before it is replayed. */
  turn: number;
  /** The first game's whole log (its moves); the branch replays those made before `turn`. */
  moves: Move[];
  settings: { side: Side; opponent: 'computer' | 'hotseat'; difficulty: 'easy' | 'normal' | 'hard'; length?: 'full' | 'class' };
}

/** The turns a branch may start at: 1 (the start) up to the turn the game ended in. */
export function branchTurns(state: GameState): number[] {
  const last = state.end?.turn ?? state.turn;
  return Array.from({ length: last }, (_, i) => i + 1);
}

/**
 * The game at the start of `turn` (statements not yet made): the log replayed move by move while the game is in an
 * earlier turn. Throws when a move is refused (the log is not of this scenario) or the game never reached the turn.
 */
export function replayToTurn(scenario: Scenario, log: GameLog, turn: number): GameState {
  if (log.scenario !== scenario.id) throw new Error(`the log is of scenario "${log.scenario}", not "${scenario.id}"`);
  let state = createGame(scenario, log.seed);
  for (const [i, move] of log.moves.entries()) {
    if (state.turn >= turn || state.phase === 'ended') break;
    const r = applyMove(scenario, state, move);
    if (!r.ok) throw new Error(`move ${i + 1} (${move.type} by ${move.side}) was refused: ${r.reason}`);
    state = r.state;
  }
  if (state.turn !== turn || state.phase === 'ended') throw new Error(`the game never reached the start of turn ${turn} (it ended in turn ${state.end?.turn ?? state.turn})`);
  return state;
}

/** The branch point as text for a link: base64url of its JSON. */
export function encodeBranch(point: BranchPoint): string {
  const bytes = new TextEncoder().encode(JSON.stringify(point));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A link's branch point, or a sentence saying what is wrong with it. */
export function decodeBranch(text: string): BranchPoint | { problem: string } {
  let point: unknown;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    point = JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
  } catch {
    return { problem: 'the link is cut short or damaged: ask for it again' };
  }
  return checkBranch(point, 'link');
}

/** A branch point file's text (what the debrief's download wrote), or null when the text is no branch point at all. */
export function readBranchFile(text: string): BranchPoint | { problem: string } | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  return data && typeof data === 'object' && (data as { format?: unknown }).format === BRANCH_FORMAT ? checkBranch(data, 'file') : null;
}

/** The branch point file's text for a download. */
export const branchFileText = (point: BranchPoint): string => JSON.stringify(point, null, 1);

function checkBranch(data: unknown, what: 'link' | 'file'): BranchPoint | { problem: string } {
  const point = data as BranchPoint;
  if (!point || point.format !== BRANCH_FORMAT || typeof point.turn !== 'number' || !Array.isArray(point.moves) || typeof point.seed !== 'number' || !point.settings)
    return { problem: `the ${what} does not hold a branch point of this game` };
  const { side, opponent, difficulty, length } = point.settings;
  if (typeof side !== 'string' || !['computer', 'hotseat'].includes(opponent) || !['easy', 'normal', 'hard'].includes(difficulty) || ![undefined, 'full', 'class'].includes(length))
    return { problem: `the ${what}'s players are not ones this game knows (side, opponent, difficulty or length)` };
  if (point.version !== BRANCH_VERSION) return { problem: `the ${what} is in branch format ${point.version}; this game reads format ${BRANCH_VERSION}` };
  if (point.rulesVersion !== RULES_VERSION) return { problem: `the game in the ${what} was played under other rules (rules version ${point.rulesVersion}; this game has ${RULES_VERSION}) and does not replay` };
  return point;
}
