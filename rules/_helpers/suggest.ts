// "did you mean" for short closed vocabularies (pass names, architectures): the nearest candidate by edits.

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The candidate that `value` differs from only in case and surrounding whitespace, if any. */
export function sameIgnoringCase<T extends string>(value: string, candidates: readonly T[]): T | undefined {
  const v = value.trim().toLowerCase();
  return candidates.find((c) => c.toLowerCase() === v);
}

/** The closest candidate (case-insensitive) within about a third of its length in edits, if any. */
export function closest<T extends string>(value: string, candidates: readonly T[]): T | undefined {
  const v = value.trim().toLowerCase();
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(v, c.toLowerCase());
    if (d < bestDistance && d <= Math.ceil(c.length / 3)) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
