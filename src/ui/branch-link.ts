// The link (?branch=...) or file that opens a finished game at one of its turns, for a teacher to hand a class.
import { RULES_VERSION, logOf } from '../engine';
import { BRANCH_FORMAT, BRANCH_VERSION, encodeBranch, type BranchPoint } from './branch';
import type { Session } from './session';

/** The branch point at `turn` of the session's game. */
export function branchPointOf(s: Session, turn: number): BranchPoint {
  const { side, opponent, difficulty, length } = s.settings;
  return {
    format: BRANCH_FORMAT,
    version: BRANCH_VERSION,
    rulesVersion: RULES_VERSION,
    scenario: s.scenario.id,
    seed: s.state.seed,
    turn,
    moves: logOf(s.state).moves,
    settings: { side, opponent, difficulty, ...(length ? { length } : {}) },
  };
}

export function branchLink(s: Session, turn: number, base: string = location.href): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  url.searchParams.set('branch', encodeBranch(branchPointOf(s, turn)));
  return url.href;
}
