// The link that opens a finished game at one of its turns (?branch=...), for a teacher to hand a class.
import { RULES_VERSION, logOf } from '../engine';
import { BRANCH_FORMAT, BRANCH_VERSION, encodeBranch } from './branch';
import type { Session } from './session';

export function branchLink(s: Session, turn: number, base: string = location.href): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  const { side, opponent, difficulty, length } = s.settings;
  const point = {
    format: BRANCH_FORMAT,
    version: BRANCH_VERSION,
    rulesVersion: RULES_VERSION,
    scenario: s.scenario.id,
    seed: s.state.seed,
    turn,
    moves: logOf(s.state).moves,
    settings: { side, opponent, difficulty, ...(length ? { length } : {}) },
  } as const;
  url.searchParams.set('branch', encodeBranch(point));
  return url.href;
}
