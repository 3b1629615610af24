// What sides have said they will not do: red lines declared in a statement, and refusals given with a reason. Both
// are read from the log, so a replay and every seat's view agree on them; the rules (moves.ts) and the computer
// counterpart read them here, and a later package's fate under a refusal is decided in one place (ruledOutBy).
import type { GameState, RefusalReason, Side } from './types';

/** The turn in which `side` declared `card` a red line, or null if it has not (in what this state shows). */
export function declaredRedLine(g: GameState, side: Side, card: string): { turn: number } | null {
  for (const log of g.history)
    for (const m of log.moves) if (m.type === 'statement' && m.side === side && m.redLine === card) return { turn: log.turn };
  return null;
}

/** Every card `side` has declared a red line, in the order declared. */
export function declaredRedLines(g: GameState, side: Side): string[] {
  const out: string[] = [];
  for (const log of g.history) for (const m of log.moves) if (m.type === 'statement' && m.side === side && m.redLine !== undefined) out.push(m.redLine);
  return out;
}

/** A package of `by`'s that the other side refused, saying why. */
export interface Refusal {
  turn: number;
  by: Side;
  give: string[];
  ask: string[];
  reason: RefusalReason;
}

/** Packages `by` proposed (or countered with) that were refused with a reason, oldest first. */
export function reasonedRefusals(g: GameState, by: Side): Refusal[] {
  const out: Refusal[] = [];
  for (const log of g.history) {
    log.moves.forEach((m, i) => {
      const answer = log.moves[i + 1];
      if ((m.type === 'propose' || m.type === 'counter') && m.side === by && answer?.type === 'reject' && answer.reason)
        out.push({ turn: log.turn, by, give: [...m.give], ask: [...m.ask], reason: answer.reason });
    });
  }
  return out;
}

/** Turns for which a "not now" rules out the same package: the turn of the refusal and the next. */
export const NOT_NOW_TURNS = 2;

/**
 * Does a refusal rule out sending `terms` in `turn`? "Crosses a red line": any package asking again for everything
 * it asked (one of those cards is the line). "Not enough": any package asking at least as much and giving no more.
 * "Not now": the same package, until NOT_NOW_TURNS turns have passed.
 */
export function ruledOutBy(r: Refusal, terms: { give: readonly string[]; ask: readonly string[] }, turn: number): boolean {
  const asksAll = r.ask.every((id) => terms.ask.includes(id));
  switch (r.reason) {
    case 'red-line':
      return r.ask.length > 0 && asksAll;
    case 'not-enough':
      return asksAll && terms.give.every((id) => r.give.includes(id));
    case 'not-now':
      return turn < r.turn + NOT_NOW_TURNS && asksAll && terms.ask.length === r.ask.length && terms.give.length === r.give.length && terms.give.every((id) => r.give.includes(id));
  }
}

/** The refusal that rules out `terms` for `by` now, or null. */
export function ruledOut(g: GameState, by: Side, terms: { give: readonly string[]; ask: readonly string[] }): Refusal | null {
  return reasonedRefusals(g, by).find((r) => ruledOutBy(r, terms, g.turn)) ?? null;
}
