// "Did you mean ...?" for misspelled ids and field names, by edit distance.

/** Levenshtein distance, bounded: stops early once every cell exceeds `max`. */
export function editDistance(a: string, b: string, max = 64): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}

/** The closest known name, if it is close enough to be a likely typo. */
export function closest(word: string, known: Iterable<string>, atLeast = 1): string | undefined {
  const limit = Math.max(atLeast, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestD = Infinity;
  // Singular for plural (priority for priorities, redLine for redLines) is as likely as a typo.
  const stem = (w: string) => w.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  for (const k of known) {
    const d = Math.min(editDistance(word.toLowerCase(), k.toLowerCase(), limit), stem(word) === stem(k) ? 1 : limit + 1);
    if (d < bestD && d <= limit) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

export const didYouMean = (word: string, known: Iterable<string>): string => {
  const c = closest(word, known);
  return c ? `; did you mean "${c}"?` : '';
};

/** A value as a person would see it in a message, kept short. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  const s = JSON.stringify(value);
  return s.length > 40 ? `${s.slice(0, 37)}..."` : s;
}
