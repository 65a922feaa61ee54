// Finding plugins and shareable configs: a relative/absolute path, or a package resolved from the config's dir.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const IMPORT_CONDITIONS = new Set(['import', 'node', 'default']);

/** True for "./x", "../x", "/x", "C:\x": a path rather than a package name. */
export function isPathSpec(spec: string): boolean {
  return spec.startsWith('.') || path.isAbsolute(spec) || path.win32.isAbsolute(spec);
}

/** Absolute file a spec refers to, or undefined when nothing is found. */
export function resolveSpec(spec: string, fromDir: string): string | undefined {
  return isPathSpec(spec) ? resolvePath(path.resolve(fromDir, spec)) : resolvePackage(spec, fromDir);
}

function resolvePath(target: string): string | undefined {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (stat?.isFile()) return target;
  if (stat?.isDirectory()) return entryOfPackageDir(target, '.');
  return undefined;
}

// require.resolve ignores "import"-only exports, so ESM-only packages are resolved by hand.
function resolvePackage(spec: string, fromDir: string): string | undefined {
  const parts = spec.split('/');
  const nameLength = spec.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const subpath = parts.length > nameLength ? `./${parts.slice(nameLength).join('/')}` : '.';
  const require = createRequire(path.join(fromDir, '__unattend-lint__.js'));
  for (const dir of require.resolve.paths(name) ?? []) {
    const packageDir = path.join(dir, name);
    if (fs.existsSync(path.join(packageDir, 'package.json'))) return entryOfPackageDir(packageDir, subpath);
  }
  return undefined;
}

function entryOfPackageDir(dir: string, subpath: string): string | undefined {
  const manifest = readManifest(dir);
  if (manifest?.exports !== undefined) {
    const target = pickExport(manifest.exports, subpath);
    return target === undefined ? undefined : resolvePath(path.join(dir, target));
  }
  if (subpath !== '.') return resolvePath(path.join(dir, subpath)) ?? resolvePath(path.join(dir, `${subpath}.js`));
  const main = manifest?.main ?? 'index.js';
  return [main, `${main}.js`, path.join(main, 'index.js')]
    .map((candidate) => path.join(dir, candidate))
    .find((file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile());
}

function readManifest(dir: string): { main?: string; exports?: unknown } | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { main?: string; exports?: unknown };
  } catch {
    return undefined;
  }
}

/** Node's "exports" lookup for one subpath under the import conditions (no "*" patterns). */
function pickExport(exports: unknown, subpath: string): string | undefined {
  if (typeof exports === 'string') return subpath === '.' ? exports : undefined;
  if (Array.isArray(exports)) {
    for (const item of exports) {
      const found = pickExport(item, subpath);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof exports !== 'object' || exports === null) return undefined;
  const map = exports as Record<string, unknown>;
  if (Object.keys(map).some((key) => key.startsWith('.'))) {
    return subpath in map ? pickExport(map[subpath], '.') : undefined;
  }
  for (const [condition, target] of Object.entries(map)) {
    if (!IMPORT_CONDITIONS.has(condition)) continue;
    const found = pickExport(target, subpath);
    if (found !== undefined) return found;
  }
  return undefined;
}
