// Offset ↔ 1-based line/column conversion that treats CRLF, LF and lone CR as one line break each.
import type { Position, Range } from '../types.js';

/** Start and end of a range as diagnostics and related locations carry them. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** How many of each line terminator a text has. */
export interface LineEndings {
  crlf: number;
  lf: number;
  cr: number;
}

export interface LineIndex {
  /** 1-based line and column (UTF-16 code units) of an offset. */
  position(offset: number): Position;
  span(range: Range): Span;
  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number;
  /** Text of a 1-based line without its terminator. */
  lineText(line: number): string;
  /** Offset of the end of a 1-based line's text, before its terminator. */
  lineEnd(line: number): number;
  readonly lineCount: number;
  readonly lineEndings: LineEndings;
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  const lineEndings: LineEndings = { crlf: 0, lf: 0, cr: 0 };
  // Jumps from terminator to terminator with indexOf (native search) rather than testing every character.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      if (lf === cr + 1) {
        lineEndings.crlf++;
        starts.push(cr + 2);
        lf = text.indexOf('\n', cr + 2);
      } else {
        lineEndings.cr++;
        starts.push(cr + 1);
      }
      cr = text.indexOf('\r', cr + 1);
    } else {
      lineEndings.lf++;
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const position = (offset: number): Position => {
    const o = Math.max(0, Math.min(offset, text.length));
    const l = lineOf(o);
    return { line: l + 1, column: o - starts[l]! + 1 };
  };
  return {
    lineCount: starts.length,
    lineEndings,
    position,
    span(range) {
      const s = position(range.start);
      const e = position(range.end);
      return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
    },
    lineStart(line) {
      return starts[Math.max(0, Math.min(line - 1, starts.length - 1))]!;
    },
    lineText(line) {
      const start = this.lineStart(line);
      const next = line < starts.length ? starts[line]! : text.length;
      return text.slice(start, next).replace(/\r?\n$|\r$/, '');
    },
    lineEnd(line) {
      const l = Math.max(1, Math.min(line, starts.length));
      if (l === starts.length) return text.length;
      const next = starts[l]!;
      return text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
    },
  };
}
