// Glob matching for ignores and overrides, relative to the config's directory, with matchBase-like patterns.
import path from 'node:path';
import { picomatch } from '../util/picomatch.js';
import type { Layer } from './types.js';

/** Always ignored, wherever they appear in the path. */
const ALWAYS_IGNORED = new Set(['node_modules', '.git']);

export interface Globs {
  /** True when the layer applies to the file (no `files` = every file). */
  layerApplies(layer: Layer, basePath: string, filePath: string): boolean;
  /** True when the file (or a directory above it, below basePath) matches the ignores. */
  isIgnored(ignores: string[], basePath: string, filePath: string): boolean;
}

/** Path from basePath with "/" separators; undefined when the file lies outside basePath. */
function relativePath(basePath: string, filePath: string): string | undefined {
  const rel = path.relative(basePath, path.resolve(basePath, filePath));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

export function createGlobs(): Globs {
  const compiled = new Map<string, (rel: string) => boolean>();
  // picomatch's own `basename` option also rewrites patterns that contain "/", so matchBase is done here.
  const matcher = (pattern: string) => {
    let match = compiled.get(pattern);
    if (!match) {
      const clean = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
      const test = picomatch()(clean, { dot: true });
      match = clean.includes('/') ? test : (rel: string) => test(path.posix.basename(rel));
      compiled.set(pattern, match);
    }
    return match;
  };
  const any = (patterns: string[], rel: string) => patterns.some((pattern) => matcher(pattern)(rel));

  return {
    layerApplies(layer, basePath, filePath) {
      if (!layer.files) return true;
      const rel = relativePath(basePath, filePath);
      if (rel === undefined) return false;
      return any(layer.files, rel) && !any(layer.excludedFiles ?? [], rel);
    },
    isIgnored(ignores, basePath, filePath) {
      const absolute = path.resolve(basePath, filePath);
      const fromBase = path.relative(basePath, absolute).split(path.sep).filter((part) => part !== '..');
      if (fromBase.some((part) => ALWAYS_IGNORED.has(part))) return true;
      if (ignores.length === 0) return false;
      const rel = relativePath(basePath, absolute);
      if (rel === undefined) return false;
      const parts = rel.split('/');
      const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
      let ignored = false;
      for (const pattern of ignores) {
        if (pattern.startsWith('!')) {
          if (ignored && matcher(pattern.slice(1))(rel)) ignored = false;
        } else if (!ignored && candidates.some((candidate) => matcher(pattern)(candidate))) {
          ignored = true;
        }
      }
      return ignored;
    },
  };
}
