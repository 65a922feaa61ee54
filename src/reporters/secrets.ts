// Keeps secrets (passwords, credentials) out of every output format: masking, redaction, fix vetting.
import { MASK, maskSecrets } from '../engine/secrets.js';
import type { Fix, FileResult, Range } from '../types.js';

/** The engine's mask: fixed-length, so it does not leak the length of the secret. */
export const SECRET_MASK = MASK;

// A file's secret ranges are merged, and its secret values collected, once per result rather than once
// per finding: every code frame, message and fix of the file asks for them.
const mergedCache = new WeakMap<readonly Range[], Range[]>();
const valuesCache = new WeakMap<FileResult, string[]>();

/** Non-empty secret ranges, sorted and merged so that masking can walk them once. */
export function mergedSecretRanges(ranges: readonly Range[] | undefined): Range[] {
  if (!ranges) return [];
  let merged = mergedCache.get(ranges);
  if (!merged) mergedCache.set(ranges, (merged = merge(ranges)));
  return merged;
}

function merge(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ start: r.start, end: r.end });
  }
  return merged;
}

function secretValues(file: FileResult): string[] {
  let values = valuesCache.get(file);
  if (!values) valuesCache.set(file, (values = collectValues(file)));
  return values;
}

function collectValues(file: FileResult): string[] {
  if (file.source === undefined) return [];
  const values = new Set<string>();
  for (const r of mergedSecretRanges(file.secretRanges)) {
    const value = file.source.slice(r.start, r.end);
    values.add(value);
    // A value written with surrounding blanks may be quoted trimmed by a message.
    if (value.trim()) values.add(value.trim());
  }
  // Longest first, so a secret that contains another is replaced whole.
  return [...values].sort((a, b) => b.length - a.length);
}

/**
 * Returns a function that masks any secret value of `file` quoted in free text (messages).
 * The engine already masks messages; this second line of defence covers results that did not
 * come through it (API users, plugins, cached results) and the related-location messages.
 */
export function secretRedactor(file: FileResult): (text: string) => string {
  const values = secretValues(file);
  if (values.length === 0) return (text) => text;
  return (text) => maskSecrets(text, values);
}

/** The fix if it is safe to show, else undefined: it must not touch or carry a secret. */
export function showableFix(fix: Fix | undefined, file: FileResult): Fix | undefined {
  if (!fix) return undefined;
  const [start, end] = fix.range;
  for (const r of mergedSecretRanges(file.secretRanges)) {
    // An insertion strictly inside a secret would still reveal where the secret splits.
    if ((start < r.end && r.start < end) || (start > r.start && start < r.end)) return undefined;
  }
  if (secretValues(file).some((v) => fix.text.includes(v))) return undefined;
  return fix;
}

/** A slice of source with secrets masked, and where source offsets land in the masked text. */
export interface MaskedSlice {
  text: string;
  /** Position in `text` of a source offset; offsets inside a secret snap to the mask's edge. */
  toDisplay(offset: number, edge: 'start' | 'end'): number;
}

/** Masks every secret range that intersects source[start, end) with SECRET_MASK. */
export function maskSlice(source: string, start: number, end: number, secrets: readonly Range[]): MaskedSlice {
  const hits = mergedSecretRanges(secrets)
    .filter((r) => r.start < end && r.end > start)
    .map((r) => ({ start: Math.max(r.start, start), end: Math.min(r.end, end) }));
  let text = '';
  let cursor = start;
  // Each mask: source span and where it starts in the display text.
  const masks: { start: number; end: number; at: number }[] = [];
  for (const r of hits) {
    text += source.slice(cursor, r.start);
    masks.push({ start: r.start, end: r.end, at: text.length });
    text += SECRET_MASK;
    cursor = r.end;
  }
  text += source.slice(cursor, end);
  const toDisplay = (offset: number, edge: 'start' | 'end'): number => {
    let shift = 0;
    for (const m of masks) {
      if (offset <= m.start) break;
      if (offset < m.end) return edge === 'start' ? m.at : m.at + SECRET_MASK.length;
      shift += SECRET_MASK.length - (m.end - m.start);
    }
    return offset - start + shift;
  };
  return { text, toDisplay };
}
