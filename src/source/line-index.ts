// Offset ↔ 1-based line/column conversion that treats CRLF, LF and lone CR as one line break each.
import type { Position, Range } from '../types.js';
import { lastAtOrBefore } from '../util/sorted.js';

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

/** What a line index reads of the text: a string, or a file's text read back on demand. */
export interface TextReader {
  readonly length: number;
  slice(start: number, end: number): string;
}

/** Builds a line index from the text fed in pieces (a file read in chunks): line breaks split across pieces count once. */
export interface LineIndexBuilder {
  feed(piece: string): void;
  /** The index of everything fed, reading line texts from `text` (which must be what was fed). */
  finish(text: TextReader): LineIndex;
}

export function createLineIndexBuilder(): LineIndexBuilder {
  // Line starts as 32-bit offsets (a tenth of a 100 MB file's lines as numbers would take twice the room).
  let starts = new Int32Array(64);
  let count = 1;
  let fed = 0;
  // A CR that ended the last piece: a line break either way, but CRLF or CR is known only from the next piece.
  let pendingCr = false;
  const lineEndings: LineEndings = { crlf: 0, lf: 0, cr: 0 };
  const push = (offset: number): void => {
    if (count === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = offset;
  };
  return {
    feed(piece) {
      if (piece.length === 0) return;
      let from = 0;
      if (pendingCr) {
        pendingCr = false;
        if (piece.charCodeAt(0) === 10) {
          lineEndings.crlf++;
          push(fed + 1);
          from = 1;
        } else {
          lineEndings.cr++;
          push(fed);
        }
      }
      // Jumps from terminator to terminator with indexOf (native search) rather than testing every character.
      let lf = piece.indexOf('\n', from);
      let cr = piece.indexOf('\r', from);
      while (lf >= 0 || cr >= 0) {
        if (cr >= 0 && (lf < 0 || cr < lf)) {
          if (cr === piece.length - 1) {
            pendingCr = true;
            break;
          }
          if (lf === cr + 1) {
            lineEndings.crlf++;
            push(fed + cr + 2);
            lf = piece.indexOf('\n', cr + 2);
          } else {
            lineEndings.cr++;
            push(fed + cr + 1);
          }
          cr = piece.indexOf('\r', cr + 1);
        } else {
          lineEndings.lf++;
          push(fed + lf + 1);
          lf = piece.indexOf('\n', lf + 1);
        }
      }
      fed += piece.length;
    },
    finish(text) {
      if (pendingCr) {
        pendingCr = false;
        lineEndings.cr++;
        push(fed);
      }
      return lineIndexOf(starts.subarray(0, count), lineEndings, text);
    },
  };
}

export function createLineIndex(text: string): LineIndex {
  const builder = createLineIndexBuilder();
  builder.feed(text);
  return builder.finish(text);
}

function lineIndexOf(starts: Int32Array, lineEndings: LineEndings, text: TextReader): LineIndex {
  const lineOf = (offset: number): number => lastAtOrBefore(starts, offset);
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
      return next >= 2 && text.slice(next - 2, next) === '\r\n' ? next - 2 : next - 1;
    },
  };
}
