// The default human format: ESLint's stylish layout plus a masked one-line code frame per finding.
import pc from 'picocolors';
import type { FileResult } from '../types.js';
import { codeFrame, oneLine, type Colors } from './frame.js';
import { displayPath } from './paths.js';
import { secretRedactor, messageText } from './secrets.js';
import type { Reporter, ReporterContext } from './types.js';

const digits = (n: number): number => String(n).length;

/** One file's lines, made one at a time: a file with 400,000 findings is never held as one list of lines. */
function* fileBlock(file: FileResult, ctx: ReporterContext, c: Colors): Generator<string> {
  const redact = secretRedactor(file);
  // Widths first (so columns line up), keeping only each message's text: a file with 400,000 findings holds
  // one string per finding here, not a row object of six.
  const messages: string[] = [];
  let line = 0;
  let column = 0;
  let severity = 0;
  let message = 0;
  for (const d of file.messages) {
    const text = oneLine(messageText(d, redact));
    messages.push(text);
    line = Math.max(line, digits(d.line));
    column = Math.max(column, digits(d.column));
    severity = Math.max(severity, d.severity === 2 ? 5 : 7);
    message = Math.max(message, text.length);
  }
  // Aligning rule ids after long messages leaves walls of blanks: align only when messages are short.
  if (message > 72) message = 0;
  yield c.underline(oneLine(displayPath(file.filePath, ctx.cwd)));
  for (let i = 0; i < file.messages.length; i++) {
    const d = file.messages[i]!;
    const pos = `${String(d.line).padStart(line)}:${String(d.column).padEnd(column)}`;
    const paint = d.severity === 2 ? c.red : c.yellow;
    // A finding --fix would fix says so after its rule id, as the summary counts them.
    const ruleId = d.fatal ? '(fatal)' : `${d.ruleId ?? ''}${d.fix ? ' (fixable)' : ''}`;
    // Padding is applied before colouring, so that escapes do not count as width.
    const cells = `${c.dim(pos)}  ${paint((d.severity === 2 ? 'error' : 'warning').padEnd(severity))}  ${messages[i]!.padEnd(message)}`;
    yield ruleId ? `  ${cells}  ${c.dim(ruleId)}` : `  ${cells}`.trimEnd();
    yield* codeFrame(file, d, c);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(errors: number, warnings: number, c: Colors): string {
  const total = errors + warnings;
  const line = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  return c.bold(errors > 0 ? c.red(line) : c.yellow(line));
}

function fixableSummary(errors: number, warnings: number, c: Colors): string {
  const line = `  ${plural(errors, 'error')} and ${plural(warnings, 'warning')} potentially fixable with the \`--fix\` option.`;
  return c.bold(errors > 0 ? c.red(line) : c.yellow(line));
}

/**
 * The report as it is written: each output line with its line end, one at a time, so that the CLI can write a
 * huge report as it is made (`text` joins the same lines).
 */
export function* textLines(results: FileResult[], ctx: ReporterContext): Generator<string> {
  const c = pc.createColors(ctx.color);
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  let any = false;
  for (const file of results) {
    if (file.messages.length === 0) continue;
    for (const d of file.messages) {
      if (d.severity === 2) errors++;
      else warnings++;
      if (d.fix && d.severity === 2) fixableErrors++;
      else if (d.fix) fixableWarnings++;
    }
    if (any) yield '\n';
    any = true;
    for (const line of fileBlock(file, ctx, c)) yield `${line}\n`;
  }
  const tail: string[] = [];
  if (errors + warnings > 0) tail.push(summary(errors, warnings, c));
  if (fixableErrors + fixableWarnings > 0) tail.push(fixableSummary(fixableErrors, fixableWarnings, c));
  if (tail.length === 0) return;
  if (any) yield '\n';
  for (const line of tail) yield `${line}\n`;
}

export const text: Reporter = (results, ctx) => {
  let out = '';
  for (const line of textLines(results, ctx)) out += line;
  return out;
};
