// Makes a directory and its missing parents, one level at a time. Node's mkdirSync(…, { recursive: true }) never
// returns for a path that the kernel answers with ENOENT although its parent exists (/proc/x on Linux: it steps
// back to the parent on ENOENT and forward again on EEXIST, forever); this walk is bounded by the path's depth.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const notDirectory = (path: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${path}'`), { code: 'ENOTDIR', path, syscall: 'mkdir' });

/** Whether `path` is a directory: false when it does not exist; throws ENOTDIR when it is something else. */
function isDirectory(path: string): boolean {
  try {
    if (statSync(path).isDirectory()) return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  throw notDirectory(path);
}

/**
 * Makes `dir` and the parents it lacks (with `mode`, as mkdir applies it). Throws the first level's error: ENOENT
 * where a level cannot be made under an existing parent (a kernel file system), EEXIST where a level is a dangling
 * symbolic link, ENOTDIR where a level is a file.
 */
export function makeDirectory(dir: string, mode?: number): void {
  const missing: string[] = [];
  for (let d = dir; !isDirectory(d); ) {
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    const level = missing[i]!;
    try {
      mkdirSync(level, mode === undefined ? undefined : { mode });
    } catch (err) {
      // Made meanwhile by another process: fine, if it is a directory.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !isDirectory(level)) throw err;
    }
  }
}
