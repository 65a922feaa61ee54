// Configuration errors (exit 2 in the CLI) and the small helpers that make their messages precise.
import { editDistance } from '../util/edit-distance.js';
import path from 'node:path';

/** A problem with the user's configuration; the message names the file (or --rule) and the problem. */
export class ConfigError extends Error {
  /** Absolute path of the config file at fault, when there is one. */
  readonly filePath: string | undefined;

  constructor(message: string, filePath?: string) {
    super(message);
    this.name = 'ConfigError';
    this.filePath = filePath;
  }
}

/** A path as the user would like to read it: relative to cwd when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** `<file>: <problem>` as a ConfigError; `source` may also be a pseudo-source such as `--rule "…"`. */
export function configError(source: string, problem: string, filePath?: string): ConfigError {
  return new ConfigError(`${source}: ${problem}`, filePath);
}

/** `; did you mean "x"?` for the closest candidate within a small edit distance, else ''. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const [a, b] = [name.toLowerCase(), candidate.toLowerCase()];
    // A truncated or extended name ("warning" for "warn") counts as one edit.
    const d = Math.min(editDistance(a, b), a.length >= 3 && (a.startsWith(b) || b.startsWith(a)) ? 1 : Infinity);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : `; did you mean "${best}"?`;
}

/** The message of an unknown thrown value, without a stack. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
