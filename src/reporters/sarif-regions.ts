// Where a SARIF result points: a region the schema accepts, and the masked snippets (region.snippet,
// contextRegion) that let a viewer show the code without the checkout.
import { sourceView } from './source-view.js';
import type { FileResult, RelatedLocation } from '../types.js';
import { maskedView } from './secrets.js';

export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  snippet?: { text: string };
}

type Span = Pick<RelatedLocation, 'line' | 'column' | 'endLine' | 'endColumn'>;

// The context around a region is its lines and one line either side, but at most this many code units
// on each side of it: in a minified answer file one line is the whole file, and every result would carry it.
const CONTEXT = 200;
// A region longer than this (a hostile multi-megabyte value) gets no snippets rather than a copy of itself.
const MAX_SNIPPET = 4000;

// The schema (and GitHub) reject lines or columns below 1 and regions that end before they
// start; a finding about a whole file may come with zeros.
export function region(s: Span): Region {
  const startLine = Math.max(1, s.line || 1);
  const startColumn = Math.max(1, s.column || 1);
  const endLine = Math.max(startLine, s.endLine || startLine);
  let endColumn = Math.max(1, s.endColumn || startColumn);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  return { startLine, startColumn, endLine, endColumn };
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

export interface Located {
  region: Region;
  contextRegion?: Region;
}

/**
 * Adds to each region of a file the text it covers and a wider context region with its text, every secret
 * shown as the mask. Without the file's text, or for a region that does not lie inside it, the region is
 * returned as it is.
 */
export function snippets(file: FileResult): (r: Region) => Located {
  const source = sourceView(file);
  if (source === undefined) return (r) => ({ region: r });
  const text = (from: number, to: number): string => {
    const view = maskedView(source, from, to, file.secretRanges);
    return view.text(0, view.length);
  };
  return (r) => {
    const lines = source;
    if (r.endLine > lines.lineCount || !lines.has(r.startLine) || !lines.has(r.endLine)) return { region: r };
    const from = lines.lineStart(r.startLine) + r.startColumn - 1;
    const to = lines.lineStart(r.endLine) + r.endColumn - 1;
    if (from > lines.lineEnd(r.startLine) || to > lines.lineEnd(r.endLine) || to - from > MAX_SNIPPET) return { region: r };
    const region = { ...r, snippet: { text: text(from, to) } };
    let start = Math.max(lines.lineStart(Math.max(1, r.startLine - 1)), from - CONTEXT);
    let end = Math.min(lines.lineEnd(Math.min(lines.lineCount, r.endLine + 1)), to + CONTEXT);
    // A cut never splits a surrogate pair (its halves alone are not text).
    if (start > 0 && isLow(source.charCodeAt(start)) && isHigh(source.charCodeAt(start - 1))) start--;
    if (end < source.length && isLow(source.charCodeAt(end)) && isHigh(source.charCodeAt(end - 1))) end++;
    // SARIF wants the context to be larger than the region: a region that is its whole file gets none.
    if (start === from && end === to) return { region };
    const s = lines.position(start);
    const e = lines.position(end);
    const contextRegion = { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column, snippet: { text: text(start, end) } };
    return { region, contextRegion };
  };
}
