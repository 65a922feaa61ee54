// The default human format: ESLint's stylish layout plus a masked one-line code frame per finding.
import pc from 'picocolors';
import { TOOL_NAME } from '../meta.js';
import { createLineIndex } from '../source/line-index.js';
import type { Diagnostic, FileResult } from '../types.js';
import { codeFrame, oneLine, type Colors } from './frame.js';
import { displayPath } from './paths.js';
import { secretRedactor } from './secrets.js';
import type { Reporter, ReporterContext } from './types.js';

interface Row {
  diagnostic: Diagnostic;
  line: string;
  column: string;
  severity: string;
  message: string;
  ruleId: string;
}

function toRow(d: Diagnostic, redact: (s: string) => string): Row {
  return {
    diagnostic: d,
    line: String(d.line),
    column: String(d.column),
    severity: d.severity === 2 ? 'error' : 'warning',
    message: oneLine(redact(d.message)),
    ruleId: d.fatal ? '(fatal)' : (d.ruleId ?? ''),
  };
}

// A loop, not Math.max(...rows): spreading 200,000 arguments overflows the stack.
function widest(rows: Row[], key: 'line' | 'column' | 'severity' | 'message'): number {
  let w = 0;
  for (const r of rows) w = Math.max(w, r[key].length);
  return w;
}

function fileBlock(file: FileResult, ctx: ReporterContext, c: Colors): string[] {
  const redact = secretRedactor(file);
  const rows = file.messages.map((d) => toRow(d, redact));
  const w = {
    line: widest(rows, 'line'),
    column: widest(rows, 'column'),
    severity: widest(rows, 'severity'),
    message: widest(rows, 'message'),
  };
  // Aligning rule ids after long messages leaves walls of blanks: align only when messages are short.
  if (w.message > 72) w.message = 0;
  const lines = file.source === undefined ? undefined : createLineIndex(file.source);
  const out = [c.underline(oneLine(displayPath(file.filePath, ctx.cwd)))];
  for (const r of rows) {
    const pos = `${r.line.padStart(w.line)}:${r.column.padEnd(w.column)}`;
    const paint = r.diagnostic.severity === 2 ? c.red : c.yellow;
    const cells = [c.dim(pos), paint(r.severity.padEnd(w.severity)), r.message.padEnd(w.message)];
    // Padding is applied before colouring, so that escapes do not count as width.
    out.push(r.ruleId ? `  ${cells.join('  ')}  ${c.dim(r.ruleId)}` : `  ${cells.join('  ')}`.trimEnd());
    for (const frameLine of codeFrame(file, r.diagnostic, lines, c)) out.push(frameLine);
  }
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(errors: number, warnings: number, c: Colors): string {
  const total = errors + warnings;
  const line = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  return c.bold(errors > 0 ? c.red(line) : c.yellow(line));
}

export const text: Reporter = (results, ctx) => {
  const c = pc.createColors(ctx.color);
  // Every output line in one list, joined once: a report of 400,000 findings is built without copying it twice.
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of results) {
    if (file.messages.length === 0) continue;
    for (const d of file.messages) {
      if (d.severity === 2) errors++;
      else warnings++;
    }
    if (lines.length > 0) lines.push('');
    for (const line of fileBlock(file, ctx, c)) lines.push(line);
  }
  const tail: string[] = [];
  if (errors + warnings > 0) tail.push(summary(errors, warnings, c));
  const over = ctx.maxWarningsExceeded;
  if (over) {
    tail.push(c.red(`${TOOL_NAME} found too many warnings (${over.count}, maximum: ${over.max})`));
  }
  if (lines.length === 0 && tail.length === 0) return '';
  if (tail.length > 0) {
    if (lines.length > 0) lines.push('');
    for (const line of tail) lines.push(line);
  }
  lines.push('');
  return lines.join('\n');
};
