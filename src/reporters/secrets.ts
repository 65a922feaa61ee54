// Keeps secrets (passwords, credentials) out of every output format: masking, redaction, fix vetting.
import { MASK, maskFound, messageSecretFinder, secretValuesOf } from '../engine/secrets.js';
import { mergeRanges } from '../engine/secret-ranges.js';
import type { Diagnostic, Fix, FileResult, Range } from '../types.js';
import { firstIndex } from '../util/sorted.js';

/** The engine's mask: fixed-length, so it does not leak the length of the secret. */
export const SECRET_MASK = MASK;

/** A file's secret ranges, sorted and merged, with the total length of the ranges before each. */
interface Merged {
  ranges: Range[];
  lengthBefore: number[];
}

/** A file's secret values, and their finder and masker built once. */
interface Values {
  find: (text: string) => Range[];
  mask: (text: string) => string;
}

// A file's secret ranges are merged, and its secret values collected, once per result rather than once
// per finding: every code frame, message and fix of the file asks for them.
const mergedCache = new WeakMap<readonly Range[], Merged>();
const valuesCache = new WeakMap<FileResult, Values>();

function merged(ranges: readonly Range[] | undefined): Merged {
  if (!ranges) return { ranges: [], lengthBefore: [0] };
  let m = mergedCache.get(ranges);
  if (!m) mergedCache.set(ranges, (m = merge(ranges)));
  return m;
}

/** Non-empty secret ranges, sorted and merged so that masking can walk them once. */
export function mergedSecretRanges(ranges: readonly Range[] | undefined): Range[] {
  return merged(ranges).ranges;
}

function merge(ranges: readonly Range[]): Merged {
  const out = mergeRanges(ranges);
  const lengthBefore = [0];
  for (const r of out) lengthBefore.push(lengthBefore[lengthBefore.length - 1]! + r.end - r.start);
  return { ranges: out, lengthBefore };
}

/** Index of the first range that ends after `offset` (ranges.length if none). */
function firstEndingAfter(ranges: readonly Range[], offset: number): number {
  return firstIndex(ranges.length, (i) => ranges[i]!.end > offset);
}

function secretValues(file: FileResult): Values {
  let v = valuesCache.get(file);
  if (!v) {
    const values = collectValues(file);
    const find = messageSecretFinder(values, file.messages.length);
    valuesCache.set(file, (v = { find, mask: (text) => maskFound(text, find(text)) }));
  }
  return v;
}

function collectValues(file: FileResult): string[] {
  if (file.source !== undefined) return secretValuesOf(file.source, mergedSecretRanges(file.secretRanges));
  return file.excerpt?.secretValues ?? [];
}

/**
 * Returns a function that masks any secret value of `file` quoted in free text (messages).
 * The engine already masks messages; this second line of defence covers results that did not
 * come through it (API users, plugins, cached results) and the related-location messages.
 */
export function secretRedactor(file: FileResult): (text: string) => string {
  // Worked out on the first message, so a file without findings costs nothing.
  return (text) => secretValues(file).mask(text);
}

/** A finding's message as reporters print it: as the engine vetted it, or with the file's secrets masked. */
export function messageText(d: Diagnostic, redact: (text: string) => string): string {
  return d.vetted ? d.message : redact(d.message);
}

/** The fix if it is safe to show, else undefined: it must not touch or carry a secret. */
export function showableFix(fix: Fix | undefined, file: FileResult): Fix | undefined {
  if (!fix) return undefined;
  const [start, end] = fix.range;
  const ranges = mergedSecretRanges(file.secretRanges);
  // Earlier ranges end before the fix; later ones start after the first that ends after its start.
  const r = ranges[firstEndingAfter(ranges, start)];
  // An insertion strictly inside a secret would still reveal where the secret splits.
  if (r && (r.start < end || start > r.start)) return undefined;
  if (secretValues(file).find(fix.text).length > 0) return undefined;
  return fix;
}

/** Part of the source seen with its secrets masked, read without building more of it than is asked for. */
export interface MaskedView {
  /** Length of the masked text. */
  readonly length: number;
  /** Position in the masked text of a source offset; offsets inside a secret snap to the mask's edge. */
  toDisplay(offset: number, edge: 'start' | 'end'): number;
  /** The masked text between two of its positions. */
  text(from: number, to: number): string;
}

/**
 * source[start, end) with every secret range that intersects it (cut to it) shown as SECRET_MASK.
 * Building the view and each call take time logarithmic in the number of secrets (plus the length of the
 * text asked for), so a code frame costs the same in a file with one secret and in one with a hundred
 * thousand, and in a minified file whose one line holds them all.
 */
export function maskedView(source: { slice(start: number, end: number): string }, start: number, end: number, secrets: readonly Range[] | undefined): MaskedView {
  const { ranges, lengthBefore } = merged(secrets);
  const first = firstEndingAfter(ranges, start);
  const last = Math.max(first, firstIndex(ranges.length, (i) => ranges[i]!.start >= end));
  const count = last - first;
  // Mask j covers source [maskStart(j), maskEnd(j)): its range cut to the slice.
  const maskStart = (j: number): number => Math.max(ranges[first + j]!.start, start);
  const maskEnd = (j: number): number => Math.min(ranges[first + j]!.end, end);
  // Source length of masks [0, j) (only the first and the last can be cut by the slice's edges).
  const maskedBefore = (j: number): number =>
    lengthBefore[first + j]! - lengthBefore[first]! -
    (j > 0 ? maskStart(0) - ranges[first]!.start : 0) -
    (j === count && j > 0 ? ranges[last - 1]!.end - maskEnd(j - 1) : 0);
  // How far masks [0, j) move the text that follows them.
  const shift = (j: number): number => SECRET_MASK.length * j - maskedBefore(j);
  const maskAt = (j: number): number => maskStart(j) - start + shift(j);
  const length = end - start + shift(count);
  const toDisplay = (offset: number, edge: 'start' | 'end'): number => {
    const j = firstIndex(count, (i) => maskEnd(i) > offset || maskStart(i) >= offset);
    if (j < count && offset > maskStart(j) && offset < maskEnd(j)) {
      return edge === 'start' ? maskAt(j) : maskAt(j) + SECRET_MASK.length;
    }
    return offset - start + shift(j);
  };
  const text = (from: number, to: number): string => {
    let out = '';
    let d = Math.max(0, from);
    const stop = Math.min(to, length);
    let j = firstIndex(count, (i) => maskAt(i) + SECRET_MASK.length > d);
    while (d < stop) {
      const at = j < count ? maskAt(j) : Infinity;
      const next = Math.min(stop, d < at ? at : at + SECRET_MASK.length);
      if (d < at) out += source.slice(start + d - shift(j), start + next - shift(j));
      else {
        out += SECRET_MASK.slice(d - at, next - at);
        j++;
      }
      d = next;
    }
    return out;
  };
  return { length, toDisplay, text };
}

/** A slice of source with secrets masked, and where source offsets land in the masked text. */
export interface MaskedSlice {
  text: string;
  /** Position in `text` of a source offset; offsets inside a secret snap to the mask's edge. */
  toDisplay(offset: number, edge: 'start' | 'end'): number;
}

/** Masks every secret range that intersects source[start, end) with SECRET_MASK. */
export function maskSlice(source: string, start: number, end: number, secrets: readonly Range[]): MaskedSlice {
  const view = maskedView(source, start, end, secrets);
  return { text: view.text(0, view.length), toDisplay: view.toDisplay };
}
