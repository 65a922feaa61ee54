// A file's secret ranges, kept sorted so that "does this range touch a secret?" is a binary search.
import type { Range } from '../types.js';
import { firstIndex } from '../util/sorted.js';

export interface SecretRanges {
  add(range: Range): void;
  overlaps(range: Range): boolean;
  /** Every range (unsorted across sources). */
  list(): Range[];
}

/** Non-empty ranges, sorted and merged (overlapping or touching ones become one): what masking walks once. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** One sorted run of ranges with the running maximum of their ends (a range may span later ones). */
function sortedRun(initial: readonly Range[]) {
  const ranges = initial.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  const rebuild = (from: number): void => {
    for (let i = from; i < ranges.length; i++) maxEnd[i] = Math.max(ranges[i]!.end, i > 0 ? maxEnd[i - 1]! : 0);
  };
  rebuild(0);
  return {
    ranges,
    add(range: Range): void {
      // Element secrets arrive in document order, so this is an append nearly always.
      let i = ranges.length;
      while (i > 0 && ranges[i - 1]!.start > range.start) i--;
      ranges.splice(i, 0, { start: range.start, end: range.end });
      rebuild(i);
    },
    overlaps(start: number, end: number): boolean {
      // Ranges starting before the end (an empty range counts as one character); any of them reaching past start.
      const limit = Math.max(end, start + 1);
      const before = firstIndex(ranges.length, (i) => ranges[i]!.start >= limit);
      return before > 0 && maxEnd[before - 1]! > start;
    },
  };
}

/** `found`: ranges found by shape before the parse (sorted once); later ranges come from elements and rules. */
export function createSecretRanges(found: readonly Range[]): SecretRanges {
  const fixed = sortedRun(found);
  const added = sortedRun([]);
  return {
    add(range) {
      if (range.end > range.start) added.add(range);
    },
    overlaps: ({ start, end }) => fixed.overlaps(start, end) || added.overlaps(start, end),
    list: () => {
      // Elements the binder marks were often found by shape already: each range once.
      const seen = new Set<string>();
      return [...fixed.ranges, ...added.ranges].filter((r) => {
        const key = `${r.start}:${r.end}`;
        return !seen.has(key) && !!seen.add(key);
      });
    },
  };
}
