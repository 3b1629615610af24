// Reading inside an immer recipe: every object read through a draft becomes a proxy (and its parent
// a copy), which is most of a move's cost. Rules that only read take the plain data behind the draft.
import { current, isDraft, type Draft } from 'immer';

/** The plain data behind a draft (the same object when nothing in it has changed); any other value as is. Read only. */
export function plain<T>(value: T): T {
  return isDraft(value) ? (current(value as Draft<T>) as T) : value;
}
