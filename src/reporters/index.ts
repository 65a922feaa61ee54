// The registry of output formats: the CLI looks names up here (--format) and nowhere else. Each format's module (and
// the built-in rules' docs, for the formats that show them) is loaded only by a run that writes that format.
import type { FileResult } from '../types.js';
import type { Reporter, ReporterContext } from './types.js';

export type { Reporter, ReporterContext } from './types.js';

interface Format {
  load(): Promise<Reporter>;
  /** The format shows rule docs (ReporterContext.ruleDoc). */
  docs?: true;
}

const FORMATS: Readonly<Record<string, Format>> = Object.freeze({
  text: { load: async () => (await import('./text.js')).text },
  json: { load: async () => (await import('./json.js')).json },
  sarif: { load: async () => (await import('./sarif.js')).sarif, docs: true },
  compact: { load: async () => (await import('./compact.js')).compact },
  github: { load: async () => (await import('./github.js')).github },
  gitlab: { load: async () => (await import('./gitlab.js')).gitlab },
  checkstyle: { load: async () => (await import('./checkstyle.js')).checkstyle },
  junit: { load: async () => (await import('./junit.js')).junit },
});

/** Every format name, in the order --help lists them. */
export const FORMAT_NAMES: readonly string[] = Object.freeze(Object.keys(FORMATS));

/** True for a format name (the CLI's usage check); an own-property check, so "toString" is not taken for one. */
export function isFormat(name: string): boolean {
  return Object.hasOwn(FORMATS, name);
}

/** The reporter called `name`, or undefined for an unknown name. */
export async function loadReporter(name: string): Promise<Reporter | undefined> {
  return isFormat(name) ? FORMATS[name]!.load() : undefined;
}

/** Every reporter by name (for tests and tools that run them all). */
export async function loadFormatters(): Promise<Readonly<Record<string, Reporter>>> {
  const loaded = await Promise.all(FORMAT_NAMES.map(async (name) => [name, await FORMATS[name]!.load()] as const));
  return Object.freeze(Object.fromEntries(loaded));
}

/** How a format's report is made: its pieces, made anew on each call, to write one after another. */
export type MakeReport = (results: FileResult[], ctx: ReporterContext) => Iterable<string>;

/**
 * The report of format `name` (undefined for an unknown name), loaded with what it needs: the text format streams its
 * lines (a report of hundreds of thousands of findings is never one string); the others are one piece. Formats that
 * show rule docs get the built-in rules' docs unless `ctx` brings its own reader.
 */
export async function loadReport(name: string): Promise<MakeReport | undefined> {
  if (name === 'text') {
    const { textLines } = await import('./text.js');
    return textLines;
  }
  if (!isFormat(name)) return undefined;
  const format = FORMATS[name]!;
  const [reporter, docs] = await Promise.all([format.load(), format.docs ? import('./rule-docs.js') : undefined]);
  return (results, ctx) => [reporter(results, docs && !ctx.ruleDoc ? { ...ctx, ruleDoc: docs.builtinRuleDocs() } : ctx)];
}
