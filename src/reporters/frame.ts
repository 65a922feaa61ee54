// A one-line code frame under a finding: the offending line, secrets masked, a caret under the range.
import type pc from 'picocolors';
import type { Diagnostic, FileResult } from '../types.js';
import { maskedView, type MaskedView } from './secrets.js';
import { sourceView } from './source-view.js';

export type Colors = ReturnType<typeof pc.createColors>;

// Wider lines (a minified answer file is one line) are cut to a window around the caret.
const MAX_WIDTH = 100;
const LEAD = 30;
const ELLIPSIS = '…';

// Control and bidi-override characters could rewrite the terminal or reorder what the reader
// sees (a hostile answer file); each is replaced one-for-one so columns stay aligned.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function sanitize(text: string): string {
  return text.replace(UNSAFE, '\uFFFD');
}

interface Window {
  text: string;
  caretStart: number;
  caretEnd: number;
}

// Only the window is built, so a frame in a minified file costs the same as in any other.
function clip(line: MaskedView, caretStart: number, caretEnd: number): Window {
  if (line.length <= MAX_WIDTH) return { text: sanitize(line.text(0, line.length)), caretStart, caretEnd };
  const from = Math.max(0, Math.min(caretStart - LEAD, line.length - MAX_WIDTH));
  const to = Math.min(line.length, from + MAX_WIDTH);
  const head = from > 0 ? ELLIPSIS : '';
  const tail = to < line.length ? ELLIPSIS : '';
  const shift = head.length - from;
  return {
    text: head + sanitize(line.text(from, to)) + tail,
    caretStart: Math.min(caretStart, to) + shift,
    caretEnd: Math.min(caretEnd, to) + shift,
  };
}

/**
 * Two lines (source line with a line-number gutter, then the caret), or none when the source or
 * the line is unavailable. Multi-line ranges show their first line only.
 */
export function codeFrame(file: FileResult, d: Diagnostic, c: Colors): string[] {
  const lines = sourceView(file);
  if (!lines || d.line < 1 || d.line > lines.lineCount || !lines.has(d.line)) return [];
  const start = lines.lineStart(d.line);
  const end = lines.lineEnd(d.line);
  const from = Math.min(start + Math.max(d.column, 1) - 1, end);
  const to = d.endLine === d.line ? Math.min(Math.max(start + d.endColumn - 1, from), end) : end;
  const line = maskedView(lines, start, end, file.secretRanges);
  const win = clip(line, line.toDisplay(from, 'start'), line.toDisplay(to, 'end'));
  const width = Math.max(1, win.caretEnd - win.caretStart);
  // Tabs are kept in the padding so the caret lines up however the terminal expands them.
  const pad = win.text.slice(0, win.caretStart).replace(/[^\t]/g, ' ');
  const paint = d.severity === 2 ? c.red : c.yellow;
  const gutter = String(d.line);
  return [
    `    ${c.dim(`${gutter} |`)} ${win.text}`,
    `    ${c.dim(`${' '.repeat(gutter.length)} |`)} ${pad}${paint(`^${'~'.repeat(width - 1)}`)}`,
  ];
}

/** Messages on one line, safe for a terminal and for line-oriented formats. */
export function oneLine(text: string): string {
  return sanitize(text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' '));
}
