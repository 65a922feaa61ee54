// What reporters read of a file's text: the whole text of a file read whole, or the lines kept of one linted as a
// stream. Both answer the same questions (where a line starts and ends, the text of a range on kept lines).
import { createLineIndex, type LineIndex } from '../source/line-index.js';
import type { FileResult, Position, SourceExcerpt } from '../types.js';
import { lastAtOrBefore } from '../util/sorted.js';

export interface SourceView {
  readonly length: number;
  readonly lineCount: number;
  /** Whether the text of a 1-based line is at hand. */
  has(line: number): boolean;
  lineStart(line: number): number;
  /** Offset of the end of a line's text, before its terminator. */
  lineEnd(line: number): number;
  position(offset: number): Position;
  /** Text of [start, end), which must lie on lines at hand. */
  slice(start: number, end: number): string;
  charCodeAt(offset: number): number;
}

const views = new WeakMap<FileResult, SourceView | null>();

/** The view of a result's text, or undefined when it has none (a file read from nowhere, or an API result without it). */
export function sourceView(file: FileResult): SourceView | undefined {
  let view = views.get(file);
  if (view === undefined) {
    view = file.source !== undefined ? wholeView(file.source, createLineIndex(file.source)) : file.excerpt ? excerptView(file.excerpt) : null;
    views.set(file, view);
  }
  return view ?? undefined;
}

function wholeView(text: string, lines: LineIndex): SourceView {
  return {
    length: text.length,
    lineCount: lines.lineCount,
    has: (line) => line >= 1 && line <= lines.lineCount,
    lineStart: (line) => lines.lineStart(line),
    lineEnd: (line) => lines.lineEnd(line),
    position: (offset) => lines.position(offset),
    slice: (start, end) => text.slice(start, end),
    charCodeAt: (offset) => text.charCodeAt(offset),
  };
}

function excerptView(excerpt: SourceExcerpt): SourceView {
  const { lines, length, lineCount } = excerpt;
  const byLine = new Map(lines.map((l, i) => [l.line, i]));
  const starts = lines.map((l) => l.start);
  const at = (line: number) => lines[byLine.get(line) ?? -1];
  /** The kept line holding an offset (the last kept line starting at or before it). */
  const holding = (offset: number) => lines[lastAtOrBefore(starts, offset)];
  const lineEnd = (line: number): number => {
    const l = at(line);
    if (!l) return length;
    return l.start + l.text.replace(/\r?\n$|\r$/, '').length;
  };
  return {
    length,
    lineCount,
    has: (line) => byLine.has(line),
    lineStart: (line) => at(line)?.start ?? length,
    lineEnd,
    position(offset) {
      const l = holding(offset);
      return l && offset >= l.start ? { line: l.line, column: offset - l.start + 1 } : { line: 1, column: 1 };
    },
    slice(start, end) {
      let out = '';
      // Along consecutive kept lines only: a range is asked for only on lines kept for it.
      for (let i = lastAtOrBefore(starts, start), next = -1; i < lines.length && out.length < end - start; i++) {
        const l = lines[i]!;
        if (next >= 0 && l.start !== next) break;
        out += l.text.slice(Math.max(0, start - l.start), Math.max(0, end - l.start));
        next = l.start + l.text.length;
      }
      return out;
    },
    charCodeAt(offset) {
      const l = holding(offset);
      return l && offset >= l.start ? l.text.charCodeAt(offset - l.start) : NaN;
    },
  };
}
