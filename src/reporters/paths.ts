// Where a finding is: paths relative to cwd for people and CI annotations, URIs for SARIF. Paths are Windows or POSIX
// ones as cwd is (src/util/path.ts), so reporters need no node:path.
import { flavourOf } from '../util/path.js';

/** Relative to cwd; names that are not paths (e.g. "<stdin>") are shown as given. */
export function displayPath(filePath: string, cwd: string): string {
  const path = flavourOf(cwd);
  if (!path.isAbsolute(filePath)) return filePath;
  return path.relative(cwd, filePath) || path.basename(filePath);
}

/** Forward slashes on every platform: GitHub resolves these against the workspace root. */
export function posixPath(filePath: string, cwd: string): string {
  return displayPath(filePath, cwd).split(flavourOf(cwd).sep).join('/');
}

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

export const SRCROOT = '%SRCROOT%';

/** file:// URL of a directory, with the trailing slash SARIF needs for a base URI. */
export function directoryUri(dir: string): string {
  const href = flavourOf(dir).fileUrl(dir);
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * Relative to %SRCROOT% (= cwd) when inside it, so GitHub alerts survive a checkout elsewhere;
 * an absolute file URL otherwise, since "../" would escape the repository root.
 */
export function artifactLocation(filePath: string, cwd: string): SarifArtifactLocation {
  const path = flavourOf(cwd);
  const abs = path.resolve(cwd, filePath);
  const rel = path.relative(cwd, abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    return { uri: path.fileUrl(abs) };
  }
  const uri = rel.split(path.sep).map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SRCROOT };
}
