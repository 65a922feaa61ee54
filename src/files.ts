// Finds the answer files to lint from the command line's files, directories and globs.
import { readdirSync, statSync, lstatSync, readlinkSync, realpathSync, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { join, resolve, relative, sep } from 'node:path';
import { picomatch } from './util/picomatch.js';
import { decode } from './source/decode.js';
import { displayPath } from './reporters/paths.js';
import { fsReason } from './util/fs-error.js';
import { byCodeUnits } from './util/sorted.js';

export interface FoundFile {
  path: string;
  /** Named on the command line (linted whatever its name or root element). */
  explicit: boolean;
  /**
   * The file's bytes, when the walk read it whole to find its root element (a walked file of up to WHOLE_BYTES,
   * while the walk keeps no more than its budget in all): it is linted from them instead of being read again.
   */
  bytes?: Uint8Array;
}

/** A walked file up to this size is read whole to find its root, and its bytes kept for its lint. */
export const WHOLE_BYTES = 64 * 1024;
/** The bytes of walked files a search keeps for their lint, in all (the rest are read again when linted). */
export const KEPT_BYTES = 16 * 1024 * 1024;
/** The root element is looked for in this much of the start of a file. */
const HEAD_BYTES = 4096;

export interface FindOptions {
  /** The bytes of walked files kept for their lint, in all (default KEPT_BYTES; 0 keeps none). */
  keptBytes?: number;
}

/** A path met while walking that could not be read or followed; `path` lets a caller drop those its ignores cover. */
export interface WalkProblem {
  path: string;
  message: string;
}

export interface FileSearch {
  /** In the order of their absolute paths (code units, as ESLint orders its results), whatever the arguments' order. */
  files: FoundFile[];
  /** One-line problems with the arguments (missing file, glob without matches). */
  errors: string[];
  /** The globs that matched no file (their errors are unmatchedMessage(glob)). */
  unmatched: string[];
  /** Directories and candidate files met while walking that could not be read, and symbolic link loops. */
  unreadable: WalkProblem[];
}

export const unmatchedMessage = (glob: string): string => `no files match the pattern "${glob}"`;

/** An argument that is neither a file or directory nor a glob picomatch can compile (a usage error). */
export class PatternError extends Error {}

const SKIP_DIRS = new Set(['node_modules', '.git']);
const ANSWER_NAME = /unattend[^/\\]*\.xml$/i;
const XML_NAME = /\.xml$/i;
const GLOB_CHARS = /[*?[\]{}]/;

const within = (path: string, dir: string): boolean => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

interface DirLink {
  path: string;
  /** Real path of the directory holding the link, and of the directory it leads to. */
  parentReal: string;
  real: string;
}

/**
 * The files below `root` that `match` accepts. Symbolic links are followed, to files and to directories; each real
 * directory is walked once, real paths before links to them, so that the walk always ends and a directory inside
 * the tree is reported under its own path. FIFOs, sockets and devices are never opened.
 */
function walk(root: string, match: (p: string) => boolean, cwd: string): { files: string[]; problems: WalkProblem[] } {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const seen = new Set<string>();
  const pending: { path: string; parentReal: string }[] = [];
  const links: DirLink[] = [];
  const cannotRead = (path: string, reason: string) => problems.push({ path, message: `cannot read ${displayPath(path, cwd)}: ${reason}` });
  const followLink = (p: string, name: string, parentReal: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      // A loop of links is reported whatever its name: it may have been meant as a directory.
      if ((err as NodeJS.ErrnoException).code === 'ELOOP' || match(p)) cannotRead(p, linkReason(p, err));
      return;
    }
    if (st.isFile() && match(p)) files.push(p);
    else if (st.isDirectory() && !SKIP_DIRS.has(name)) pending.push({ path: p, parentReal });
  };
  const walkDir = (dir: string, real: string): void => {
    seen.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ path: dir, message: `cannot list the directory ${displayPath(dir, cwd)}: ${fsReason(err)}` });
      return;
    }
    for (const e of entries.sort((a, b) => byCodeUnits(a.name, b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !seen.has(join(real, e.name))) walkDir(p, join(real, e.name));
      } else if (e.isFile()) {
        if (match(p)) files.push(p);
      } else if (e.isSymbolicLink()) followLink(p, e.name, real);
    }
  };
  let rootReal;
  try {
    rootReal = realpathSync(root);
  } catch {
    // A directory argument was there a moment ago; a glob's base that is not there matches nothing.
    return { files, problems };
  }
  walkDir(root, rootReal);
  for (let i = 0; i < pending.length; i++) {
    const { path, parentReal } = pending[i]!;
    try {
      const real = realpathSync(path);
      links.push({ path, parentReal, real });
      if (!seen.has(real) && !within(parentReal, real)) walkDir(path, real);
    } catch (err) {
      cannotRead(path, linkReason(path, err));
    }
  }
  for (const l of loops(links)) {
    problems.push({ path: l.path, message: `${displayPath(l.path, cwd)} is a symbolic link loop: it leads back to a directory that holds it; remove the link or ignore it (each directory is linted once)` });
  }
  return { files, problems };
}

/** The links through which a walk that followed every link would come back to where it was: it would never end. */
function loops(links: DirLink[]): DirLink[] {
  return links.filter((link) => {
    const reached = new Set([link.real]);
    for (const dir of reached) {
      if (within(link.parentReal, dir)) return true;
      for (const next of links) if (within(next.parentReal, dir)) reached.add(next.real);
    }
    return false;
  });
}

/** Why a path could not be followed: for a dangling link, where it points. */
function linkReason(path: string, err: unknown): string {
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
    try {
      if (lstatSync(path).isSymbolicLink()) return `a symbolic link to ${readlinkSync(path)}, which does not exist (ENOENT)`;
    } catch {
      // The link itself is gone as well: it disappeared during the walk.
    }
  }
  return fsReason(err);
}

/** What rootIn says when the text read so far ends inside the prolog (a long comment, a DOCTYPE): read on. */
const MORE = Symbol('more');

/**
 * The local name of a file's root element, read from the start of its text: the first start tag after the prolog
 * (XML declaration, processing instructions, comments, a DOCTYPE with its internal subset), never one written inside
 * a comment. MORE when `head` ends inside the prolog and is not the whole file; undefined when no start tag follows.
 * Text before the prolog (bytes in front of the declaration) is passed over: such a file is still linted.
 */
function rootIn(head: Uint8Array, complete: boolean): string | typeof MORE | undefined {
  const t = decode(head).text;
  const more = complete ? undefined : MORE;
  for (let i = 0; ; ) {
    i = t.indexOf('<', i);
    if (i < 0) return more;
    if (t.startsWith('<?', i) || t.startsWith('<!--', i)) {
      const close = t.startsWith('<?', i) ? t.indexOf('?>', i + 2) : t.indexOf('-->', i + 4);
      if (close < 0) return more;
      i = close + 2;
      continue;
    }
    if (t.startsWith('<!', i)) {
      // <!DOCTYPE name [ <!ENTITY …> … ]>: the internal subset's brackets and quoted literals hold ">" of their own.
      let depth = 0;
      let quote = '';
      let k = i + 2;
      for (; k < t.length; k++) {
        const c = t[k]!;
        if (quote) quote = c === quote ? '' : quote;
        else if (c === '"' || c === "'") quote = c;
        else if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      if (k >= t.length) return more;
      i = k + 1;
      continue;
    }
    const m = /<([A-Za-z_][\w.:-]*)/y;
    m.lastIndex = i;
    const name = m.exec(t)?.[1];
    if (name) return name.replace(/^.*:/, '');
    i++;
  }
}

/** How much of a file's start is read, at most, to get past its prolog (a long licence comment, a DOCTYPE). */
const PROLOG_BYTES = 1024 * 1024;

/**
 * Whether a walked file is an answer file, or the error when it cannot be read; with its bytes when it is one small
 * enough to read whole and `keep` allows that many.
 */
function sniff(path: string, keep: number): { answer?: boolean; error?: unknown; bytes?: Uint8Array } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const whole = size <= WHOLE_BYTES && size <= keep;
    let buf = Buffer.allocUnsafe(whole ? size : Math.min(size, HEAD_BYTES));
    // A read may return fewer bytes than asked: each part is read to its end (or the file's).
    const readTo = (from: number, to: number): number => {
      let n = from;
      for (let got = -1; n < to && got !== 0; n += got) got = readSync(fd!, buf, n, to - n, n);
      return n;
    };
    // The head first: the rest of a file kept whole is read only when its root makes it an answer file; a head that
    // ends inside the prolog is read on, four times as far each time.
    let have = readTo(0, Math.min(buf.length, HEAD_BYTES));
    let root = rootIn(buf.subarray(0, have), have >= size);
    while (root === MORE && have < Math.min(size, PROLOG_BYTES)) {
      const next = Math.min(size, PROLOG_BYTES, have * 4);
      if (buf.length < next) {
        const grown = Buffer.allocUnsafe(next);
        buf.copy(grown, 0, 0, have);
        buf = grown;
      }
      have = readTo(have, next);
      root = rootIn(buf.subarray(0, have), have >= size);
    }
    const answer = typeof root === 'string' ? root === 'unattend' : ANSWER_NAME.test(path);
    if (!whole || !answer) return { answer };
    return { answer, bytes: buf.subarray(0, have < buf.length ? readTo(have, buf.length) : have) };
  } catch (error) {
    return { error };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The matcher of a glob argument, relative to its base directory; PatternError when it is not a usable glob. */
function globMatcher(arg: string, cwd: string): { base: string; isMatch: (rel: string) => boolean } {
  const scan = picomatch().scan(arg.split(sep).join('/'));
  const fail = (why: string) => new PatternError(`"${arg}" is not a file, a directory or a valid glob pattern (${why})`);
  // picomatch reads an unclosed "[" as a literal name, which left nothing to match here.
  if (!scan.glob) throw fail('an unclosed "[" or "{"?');
  try {
    return { base: resolve(cwd, scan.base || '.'), isMatch: picomatch()(scan.glob, { dot: false, nocase: sep === '\\' }) };
  } catch (err) {
    throw fail((err as Error).message);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Why an argument that is no file, directory or glob cannot be linted. */
function argumentError(arg: string, abs: string, err: unknown): string {
  if (err === undefined) return `cannot read ${arg}: it is not a regular file or a directory`;
  const reason = linkReason(abs, err);
  return reason.startsWith('a symbolic link') || (err as NodeJS.ErrnoException).code !== 'ENOENT' ? `cannot read ${arg}: ${reason}` : `no such file or directory: ${arg}`;
}

/**
 * The files to lint. Without arguments the current directory is walked as a directory argument is (so that a bare
 * run and \`unattend-lint .\` lint the same files); throws PatternError for an argument that is no usable glob.
 */
export function findFiles(args: string[], cwd: string, opts: FindOptions = {}): FileSearch {
  const found = new Map<string, FoundFile>();
  let keep = opts.keptBytes ?? KEPT_BYTES;
  const errors: string[] = [];
  const unmatched: string[] = [];
  const unreadable: WalkProblem[] = [];
  const add = (path: string, explicit: boolean, bytes?: Uint8Array): void => {
    const prev = found.get(path);
    if (!prev || (explicit && !prev.explicit)) found.set(path, bytes ? { path, explicit, bytes } : { path, explicit });
  };
  // A walked .xml file is an answer file when its root is <unattend> (or, with no start tag near the top, when its name says so).
  const walkInto = (dir: string, match: (p: string) => boolean): void => {
    const { files, problems } = walk(dir, match, cwd);
    unreadable.push(...problems);
    for (const p of files) {
      // A file already found (by an earlier argument) keeps what it has.
      const { answer, error, bytes } = sniff(p, found.has(p) ? 0 : keep);
      if (error !== undefined) unreadable.push({ path: p, message: `cannot read ${displayPath(p, cwd)}: ${fsReason(error)}` });
      else if (answer) {
        if (bytes) keep -= bytes.length;
        add(p, false, bytes);
      }
    }
  };
  if (args.length === 0) walkInto(cwd, (p) => XML_NAME.test(p));
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let stat;
    let statError: unknown;
    try {
      stat = statSync(abs);
    } catch (err) {
      statError = err;
    }
    if (stat?.isFile()) add(abs, true);
    else if (stat?.isDirectory()) walkInto(abs, (p) => XML_NAME.test(p));
    else if (!stat && GLOB_CHARS.test(arg)) {
      const before = found.size;
      const { base, isMatch } = globMatcher(arg, cwd);
      if (isDirectory(base)) walkInto(base, (p) => isMatch(relative(base, p).split(sep).join('/')));
      if (found.size === before) {
        errors.push(unmatchedMessage(arg));
        unmatched.push(arg);
      }
    } else errors.push(argumentError(arg, abs, statError));
  }
  const files = [...found.values()].sort((a, b) => byCodeUnits(a.path, b.path));
  const seenProblem = new Set<string>();
  const problems = unreadable.filter((p) => !seenProblem.has(p.message) && seenProblem.add(p.message));
  return { files, errors, unmatched, unreadable: problems.sort((a, b) => byCodeUnits(a.path, b.path)) };
}
