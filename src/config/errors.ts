// Configuration errors (exit 2 in the CLI) and the small helpers that make their messages precise.
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

export { didYouMean } from '../util/did-you-mean.js';

/** The message of an unknown thrown value, without a stack. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
