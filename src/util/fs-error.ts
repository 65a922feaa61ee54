// Why a file could not be read or written, in words, for the one-line messages of unreadable paths.

const REASONS: Record<string, string> = {
  ENOENT: 'it no longer exists',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of its path is not a directory',
  ELOOP: 'a loop of symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENOSPC: 'no space left on the device',
  EROFS: 'a read-only file system',
  EIO: 'an input/output error',
  EFBIG: 'over the file size limit',
  ENAMETOOLONG: 'the name is too long',
};

/** "permission denied (EACCES)": the reason of a file system error in words, with its code. */
export function fsReason(err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return err instanceof Error ? err.message : String(err);
  const words = REASONS[code];
  return words ? `${words} (${code})` : code;
}

/**
 * The reason a file could not be made (its directory made first, then the file opened), in words: mkdir says
 * EEXIST where a part of the path is a file or a dangling symbolic link, and ENOENT where the directory cannot be
 * made under an existing parent (a kernel file system such as /proc), which is not a file that "no longer exists".
 */
export function writeReason(err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (code === 'EEXIST') return fsReason({ code: 'ENOTDIR' });
  if (code === 'ENOENT') return 'its directory does not exist and cannot be made (ENOENT)';
  return fsReason(err);
}
