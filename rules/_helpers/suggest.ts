// "did you mean" for short closed vocabularies (pass names, architectures): the nearest candidate by edits.
import { editDistance } from '../../src/util/edit-distance.js';

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
    const max = Math.ceil(c.length / 3);
    const d = editDistance(v, c.toLowerCase(), Math.min(max, bestDistance - 1));
    if (d < bestDistance && d <= max) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
