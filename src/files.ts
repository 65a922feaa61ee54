// Finds the answer files to lint from the command line's files, directories and globs.
import { readdirSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { join, resolve, relative, sep } from 'node:path';
import { picomatch } from './util/picomatch.js';
import { decode } from './source/decode.js';

export interface FoundFile {
  path: string;
  /** Named on the command line (linted whatever its name or root element). */
  explicit: boolean;
}

export interface FileSearch {
  files: FoundFile[];
  /** One-line problems with the arguments (missing file, glob without matches). */
  errors: string[];
  /** The globs that matched no file (their errors are unmatchedMessage(glob)). */
  unmatched: string[];
}

export const unmatchedMessage = (glob: string): string => `no files match the pattern "${glob}"`;

/** An argument that is neither a file or directory nor a glob picomatch can compile (a usage error). */
export class PatternError extends Error {}

const SKIP_DIRS = new Set(['node_modules', '.git']);
const ANSWER_NAME = /unattend[^/\\]*\.xml$/i;
const XML_NAME = /\.xml$/i;
const GLOB_CHARS = /[*?[\]{}]/;

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, out);
    } else if (e.isFile()) out.push(p);
  }
}

/** Local name of the first start tag in the file's first 4 KiB, or undefined when none is there. */
function rootElementName(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = decode(buf.subarray(0, n)).text.replace(/<!--[\s\S]*?-->/g, '');
    const m = /<([A-Za-z_][\w.:-]*)/.exec(text.replace(/<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g, ''));
    return m ? m[1]!.replace(/^.*:/, '') : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A walked .xml file is an answer file when its root is <unattend> (or, unreadable, when its name says so). */
function looksLikeAnswerFile(path: string): boolean {
  const root = rootElementName(path);
  return root === undefined ? ANSWER_NAME.test(path) : root === 'unattend';
}

/** The matcher of a glob argument, relative to its base directory; PatternError when it is not a usable glob. */
function globMatcher(arg: string, cwd: string): { base: string; isMatch: (rel: string) => boolean } {
  const scan = picomatch().scan(arg.split(sep).join('/'));
  const fail = (why: string) => new PatternError(`"${arg}" is not a file, a directory or a valid glob pattern (${why})`);
  // picomatch reads an unclosed "[" as a literal name, which left nothing to match here.
  if (!scan.glob) throw fail('an unclosed "[" or "{"?');
  try {
    return { base: resolve(cwd, scan.base || '.'), isMatch: picomatch()(scan.glob, { dot: false, nocase: process.platform === 'win32' }) };
  } catch (err) {
    throw fail((err as Error).message);
  }
}

/**
 * The files to lint. Without arguments the current directory is walked as a directory argument is (so that a bare
 * run and \`unattend-lint .\` lint the same files); throws PatternError for an argument that is no usable glob.
 */
export function findFiles(args: string[], cwd: string): FileSearch {
  const found = new Map<string, FoundFile>();
  const errors: string[] = [];
  const unmatched: string[] = [];
  const add = (path: string, explicit: boolean): void => {
    const prev = found.get(path);
    if (!prev || (explicit && !prev.explicit)) found.set(path, { path, explicit });
  };
  const walkInto = (dir: string, match: (p: string) => boolean): void => {
    const all: string[] = [];
    walk(dir, all);
    for (const p of all) if (match(p) && looksLikeAnswerFile(p)) add(p, false);
  };
  if (args.length === 0) walkInto(cwd, (p) => XML_NAME.test(p));
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) add(abs, true);
    else if (stat?.isDirectory()) walkInto(abs, (p) => XML_NAME.test(p));
    else if (GLOB_CHARS.test(arg)) {
      const before = found.size;
      const { base, isMatch } = globMatcher(arg, cwd);
      walkInto(base, (p) => isMatch(relative(base, p).split(sep).join('/')));
      if (found.size === before) {
        errors.push(unmatchedMessage(arg));
        unmatched.push(arg);
      }
    } else errors.push(`no such file or directory: ${arg}`);
  }
  return { files: [...found.values()], errors, unmatched };
}
