// The registry of output formats: the CLI looks names up here (--format) and nowhere else.
import { checkstyle } from './checkstyle.js';
import { compact } from './compact.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { text, textLines } from './text.js';
import type { Reporter } from './types.js';

export type { Reporter, ReporterContext } from './types.js';

export const formatters: Readonly<Record<string, Reporter>> = Object.freeze({ text, json, sarif, compact, github, gitlab, checkstyle, junit });

/** The reporter called `name`, or undefined for an unknown name (the CLI's usage error). */
export function getReporter(name: string): Reporter | undefined {
  // An own-property check, so that "toString" or "__proto__" are not taken for formats.
  return Object.hasOwn(formatters, name) ? formatters[name] : undefined;
}

/**
 * The report of format `name` as pieces to write one after another: the text format streams its lines (a report of
 * hundreds of thousands of findings is never one string); the others are one piece.
 */
export function reportPieces(name: string, results: Parameters<Reporter>[0], ctx: Parameters<Reporter>[1]): Iterable<string> {
  if (name === 'text') return textLines(results, ctx);
  const reporter = getReporter(name);
  return reporter ? [reporter(results, ctx)] : [];
}
