// File paths without node:path, for the pure reporters: POSIX paths, or Windows ones (drive letters, UNC shares,
// either separator, letters compared without case), chosen from the shape of the directory the paths are taken
// relative to. For absolute paths these give what node:path and url.pathToFileURL give on the platform that made
// them (test/core-parity.ts compares them); a relative base is taken from the root, as there is no current directory.

export interface PathFlavour {
  readonly sep: '/' | '\\';
  isAbsolute(path: string): boolean;
  /** `path` resolved against the absolute directory `base`, normalised ("." and ".." folded, no trailing separator). */
  resolve(base: string, path: string): string;
  /** From one absolute path to another, as node:path's relative; '' when they are the same. */
  relative(from: string, to: string): string;
  basename(path: string): string;
  /** The file:// URL of an absolute path, as url.pathToFileURL writes it. */
  fileUrl(path: string): string;
}

interface Parsed {
  /** The root as written out: '/', 'C:\\', '\\\\server\\share\\', '\\' (Windows' current drive), 'C:' (drive-relative) or ''. */
  root: string;
  absolute: boolean;
  /** The drive or share, for Windows ('' for none). */
  device: string;
  segments: string[];
}

/** Folds "." and ".." ("..", above the root of an absolute path, stays there; in a relative one it is kept). */
function fold(segments: readonly string[], absolute: boolean): string[] {
  const out: string[] = [];
  for (const s of segments) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(s);
  }
  return out;
}

function flavour(sep: '/' | '\\', parse: (path: string) => Parsed, same: (a: string, b: string) => boolean, fileUrl: (path: string) => string): PathFlavour {
  const format = (p: Parsed): string => p.root + p.segments.join(sep);
  const resolved = (base: string, path: string): Parsed => {
    const b = parse(base);
    const root: Parsed = b.absolute ? b : { ...b, root: sep === '/' ? '/' : `${b.device}\\`, absolute: true };
    const p = parse(path);
    // "\dir" is on the base's drive; "D:dir" is on drive D, relative to the base only when that is drive D too
    // (and then spelt as the path spells it).
    let whole: Parsed;
    if (p.absolute && (p.device !== '' || sep === '/')) whole = p;
    else if (p.absolute) whole = { ...root, segments: p.segments };
    else if (p.device !== '' && !same(p.device, root.device)) whole = { ...p, root: `${p.device}\\`, absolute: true };
    else whole = { ...root, root: p.device + root.root.slice(p.device.length), segments: [...root.segments, ...p.segments] };
    return { ...whole, segments: fold(whole.segments, true) };
  };
  return {
    sep,
    isAbsolute: (path) => parse(path).absolute,
    resolve: (base, path) => format(resolved(base, path)),
    relative(from, to) {
      const f = resolved(from, '');
      const t = resolved(to, '');
      if (!same(f.root, t.root)) return format(t);
      let common = 0;
      while (common < f.segments.length && common < t.segments.length && same(f.segments[common]!, t.segments[common]!)) common++;
      return [...f.segments.slice(common).map(() => '..'), ...t.segments.slice(common)].join(sep);
    },
    basename: (path) => parse(path).segments.filter((s) => s !== '').at(-1) ?? '',
    fileUrl,
  };
}

// url.pathToFileURL's escapes (Node 20): what a file URL's path must not hold as it is; a backslash is a character of
// a POSIX name, but a separator on Windows.
const ESCAPES: Readonly<Record<string, string>> = {
  '%': '%25', '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', '#': '%23', '?': '%3F',
  '[': '%5B', ']': '%5D', '^': '%5E', '|': '%7C', '~': '%7E', '\\': '%5C',
};
const escapePath = (path: string, windows: boolean): string =>
  path.replace(windows ? /[%\t\n\r "#?[\]^|~]/g : /[%\t\n\r "#?[\]^|~\\]/g, (c) => ESCAPES[c]!);

export const posix: PathFlavour = flavour(
  '/',
  (path) => {
    const absolute = path.startsWith('/');
    return { root: absolute ? '/' : '', absolute, device: '', segments: path.split('/') };
  },
  (a, b) => a === b,
  (path) => {
    let resolved = posix.resolve('/', path);
    if (path.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
    return new URL(`file://${escapePath(resolved, false)}`).href;
  },
);

const UNC = /^[\\/]{2}([^\\/]+)[\\/]+([^\\/]+)(?:[\\/]+|$)/;
const DRIVE = /^([a-zA-Z]:)([\\/])?/;

export const win32: PathFlavour = flavour(
  '\\',
  (path) => {
    const unc = UNC.exec(path);
    if (unc && unc[1] !== '.' && unc[1] !== '?') {
      const device = `\\\\${unc[1]}\\${unc[2]}`;
      return { root: `${device}\\`, absolute: true, device, segments: path.slice(unc[0].length).split(/[\\/]/) };
    }
    const drive = DRIVE.exec(path);
    if (drive) {
      const absolute = drive[2] !== undefined;
      return { root: absolute ? `${drive[1]}\\` : drive[1]!, absolute, device: drive[1]!, segments: path.slice(drive[0].length).split(/[\\/]/) };
    }
    const absolute = /^[\\/]/.test(path);
    return { root: absolute ? '\\' : '', absolute, device: '', segments: path.split(/[\\/]/) };
  },
  (a, b) => a.toLowerCase() === b.toLowerCase(),
  (path) => {
    if (path.startsWith('\\\\')) {
      // \\server\share\… (or \\?\UNC\server\share\…): the server is the URL's host. Node throws for a share
      // path without a server or a path after it; such a path is written as a path on the drive instead.
      const start = path.startsWith('\\\\?\\UNC\\') ? 8 : 2;
      const end = path.indexOf('\\', start);
      if (end > 2) {
        const url = new URL('file://');
        url.hostname = path.slice(start, end);
        url.pathname = escapePath(path.slice(end).replace(/\\/g, '/'), true);
        return url.href;
      }
    }
    let resolved = win32.resolve('C:\\', path);
    if (/[\\/]$/.test(path) && !resolved.endsWith('\\')) resolved += '/';
    return new URL(`file://${escapePath(resolved, true)}`).href;
  },
);

/** Windows paths when `dir` has a Windows root (a drive letter or a UNC share), POSIX ones otherwise. */
export function flavourOf(dir: string): PathFlavour {
  return DRIVE.test(dir) || UNC.test(dir) ? win32 : posix;
}
