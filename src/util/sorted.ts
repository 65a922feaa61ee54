// Binary search over sorted data: the one "first index where…" behind offset lookups in rules, the model and secrets;
// and the one order of strings that output uses.

/** Code-unit order: the same in every locale (localeCompare follows LANG, and output must not). */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The least index in [0, n) for which `pred` holds, or n; `pred` must be false up to some index and true from it on. */
export function firstIndex(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The least index of `items` (ascending by range start) whose range starts at or after `offset`, or its length. */
export function firstStartingAt(items: readonly { readonly range: { readonly start: number } }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.range.start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The last index of ascending `offsets` (whose first is at or before `offset`) holding one at or before `offset`. */
export function lastAtOrBefore(offsets: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether ascending `offsets` hold one in [start, end). */
export function anyBetween(offsets: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length && offsets[lo]! < end;
}
