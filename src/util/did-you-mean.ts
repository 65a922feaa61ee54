// The nearest of a few names, for messages about a misspelt one (config keys, rule ids, options, formats).
import { editDistance } from './edit-distance.js';

/** `; did you mean "x"?` for the closest candidate within a small edit distance, else ''. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const [a, b] = [name.toLowerCase(), candidate.toLowerCase()];
    // A truncated or extended name ("warning" for "warn") counts as one edit.
    const d = Math.min(editDistance(a, b), a.length >= 3 && (a.startsWith(b) || b.startsWith(a)) ? 1 : Infinity);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : `; did you mean "${best}"?`;
}
