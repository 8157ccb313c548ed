// "did you mean" suggestions: the closest candidate within edit distance 2,
// or one that starts with what was written (or vice versa).

/** Levenshtein distance with adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  const prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    prev2.splice(0, prev2.length, ...prev);
    prev = row;
  }
  return prev[b.length]!;
}

/** The best candidate for a misspelt `word`, if one is close enough. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const lc = c.toLowerCase();
    const d = editDistance(w, lc);
    // Prefix matches rank after close spellings; short words need exact-ish matches.
    const prefix = w.length >= 3 && (lc.startsWith(w) || w.startsWith(lc)) ? 2.5 : Infinity;
    // A long shared start ("gradual" → "graduated") ranks after both.
    const shared = commonPrefix(w, lc);
    const stem = shared >= 5 && shared >= 0.7 * Math.min(w.length, lc.length) ? 2.8 : Infinity;
    const score = Math.min(d <= 2 && d < Math.max(w.length, 2) ? d : Infinity, prefix, stem);
    if (score < bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

const commonPrefix = (a: string, b: string): number => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/** ` — did you mean "x"?` or the empty string. */
export const didYouMean = (word: string, candidates: Iterable<string>): string => {
  const s = suggest(word, candidates);
  return s === undefined ? '' : ` — did you mean "${s}"?`;
};

/** Up to `max` items joined by commas, with "…" when there are more. */
export const listSome = (items: readonly string[], max = 8): string =>
  items.length === 0
    ? '(none)'
    : items.length <= max
      ? items.join(', ')
      : `${items.slice(0, max).join(', ')}, …`;
