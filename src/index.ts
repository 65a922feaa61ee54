// Public API for Node: the portable core (src/core-lint.ts; its reporters, with gitlab, through loadReporter) plus
// files, config search and walking: a long-lived linter for editors and services, and lintText / lintFiles, which keep
// one such linter per set of options.
import { resolve } from 'node:path';
import { findFiles } from './files.js';
import { linterFor, lintOne } from './parallel.js';
import type { FileResult } from './types.js';

export * from './core-lint.js';
// Every format, gitlab (whose fingerprints are hashed with node:crypto) included, loaded when asked for.
export { loadReporter, FORMAT_NAMES } from './reporters/index.js';
export { loadKnowledgeBase } from './kb/load.js';
export { ConfigError } from './config/index.js';
export { FileReadError } from './lint.js';

export interface ApiOptions {
  /** Base of relative paths and globs; the current directory when absent. */
  cwd?: string;
  configFile?: string;
  noConfigLookup?: boolean;
  /** Rule settings as on the command line, e.g. "mixed-architecture: off". */
  rules?: string[];
  /** Files to skip, as --ignore-pattern: globs relative to cwd, meaning what a config's "ignores" mean. */
  ignorePatterns?: string[];
}

export interface Linter {
  /** Lints answer-file text (or bytes); `filePath` names it and decides which config applies. */
  lintText(text: string | Uint8Array, filePath: string): Promise<FileResult>;
  /** Lints files, directories and globs as the CLI does. */
  lintFiles(patterns: string[]): Promise<{ results: FileResult[]; errors: string[] }>;
  /**
   * Forgets what was read from `path`: a config file (and every config extending it), or a directory with the config
   * files under it. Call it when a config file is edited, made or removed; the next lint reads it again.
   */
  invalidate(path: string): void;
}

/**
 * A linter that keeps what it works out: config files are found and read once, and rule options validated and
 * dispatch plans made once per config, for every file it lints, until `invalidate` says a config changed.
 */
export function createLinter(opts: ApiOptions = {}): Linter {
  // A Node API default: path.resolve() is the current directory.
  const cwd = resolve(opts.cwd ?? '');
  // The API's option names, as the CLI's setup: the CLI, its workers and this linter are made the same way.
  const linter = linterFor({
    cwd,
    ...(opts.configFile ? { configFile: opts.configFile } : {}),
    noConfigLookup: !!opts.noConfigLookup,
    cliRules: opts.rules ?? [],
    inlineConfig: true,
    ignorePatterns: opts.ignorePatterns ?? [],
  });
  return {
    lintText: (text, filePath) => linter.lintBytes(text, filePath),
    async lintFiles(patterns) {
      const search = findFiles(patterns, cwd);
      const results: FileResult[] = [];
      const errors = [...search.errors];
      // As in the CLI: what the walk could not read counts unless ignored, and a file that cannot be read (or that a
      // rule crashed on) is an error line, not an exception, so the other files are still linted.
      for (const u of search.unreadable) if (!(await linter.isIgnored(u.path))) errors.push(u.message);
      for (const f of search.files) {
        const outcome = await lintOne(linter, f.path, cwd, f.bytes);
        delete f.bytes;
        if (outcome.kind === 'result') results.push(outcome.result);
        else if (outcome.kind === 'problem') errors.push(outcome.message);
      }
      return { results, errors };
    },
    invalidate: (path) => linter.invalidate(resolve(cwd, path)),
  };
}

// lintText and lintFiles share a linter per set of options (the most recently used few are kept).
const KEPT = 8;
const linters = new Map<string, Linter>();

function sharedLinter(opts: ApiOptions): Linter {
  const key = JSON.stringify([resolve(opts.cwd ?? ''), opts.configFile ?? null, !!opts.noConfigLookup, opts.rules ?? [], opts.ignorePatterns ?? []]);
  let linter = linters.get(key);
  if (linter) linters.delete(key);
  else linter = createLinter(opts);
  linters.set(key, linter);
  if (linters.size > KEPT) linters.delete(linters.keys().next().value!);
  return linter;
}

/**
 * Lints answer-file text (or bytes); `filePath` names it and decides which config applies. Calls with the same options
 * share one linter, so config files are read once: after editing one, call `invalidate` with its path.
 */
export async function lintText(text: string | Uint8Array, filePath: string, opts: ApiOptions = {}): Promise<FileResult> {
  return sharedLinter(opts).lintText(text, filePath);
}

/** Lints files, directories and globs as the CLI does (sharing a linter with lintText for the same options). */
export async function lintFiles(patterns: string[], opts: ApiOptions = {}): Promise<{ results: FileResult[]; errors: string[] }> {
  return sharedLinter(opts).lintFiles(patterns);
}

/** Tells the linters lintText and lintFiles keep that a config file (or a directory of them) changed. */
export function invalidate(path: string): void {
  const changed = resolve(path);
  for (const linter of linters.values()) linter.invalidate(changed);
}
