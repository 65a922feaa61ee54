// Levenshtein distance, the one measure behind every "did you mean" in config errors and rule messages.

/**
 * The edit distance of `a` and `b`; with `limit`, any distance above it is returned as limit + 1 (the work stops as
 * soon as no cheaper alignment is left, and strings whose lengths differ by more are not compared at all).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const row: number[] = new Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      const d = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = d;
      if (d < best) best = d;
      diagonal = above;
    }
    if (best > limit) return limit + 1;
  }
  return Math.min(row[b.length]!, limit + 1);
}
