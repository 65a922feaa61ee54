// Reading config files through cosmiconfig: loaders with precise error messages, upward search, "//" comments.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, PublicExplorer } from 'cosmiconfig';
import { ConfigError, configError, displayPath, messageOf } from './errors.js';
import { isPlainObject } from './rule-entry.js';
import { importFile } from '../util/import-file.js';
import { fsReason } from '../util/fs-error.js';

export const MODULE_NAME = 'unattendlint';

export interface ConfigFiles {
  /** Loads one config file (ConfigError if missing or invalid); `{}` for an empty file. */
  load(file: string): Promise<Record<string, unknown>>;
  /** Nearest config file from `dir` upward to the filesystem root, cached per directory. */
  search(dir: string): Promise<string | undefined>;
  /** Forgets the searches from the directories `stale` picks, and every file read, so they are read again. */
  forget(stale: (dir: string) => boolean): void;
}

/** cosmiconfig (and its YAML loader) is loaded on first use: a run with --no-config-lookup never needs it. */
let cosmiconfigModule: Promise<typeof import('cosmiconfig')> | undefined;
const loadCosmiconfig = () =>
  (cosmiconfigModule ??= import('cosmiconfig').then((mod) =>
    // CommonJS: Node's import() gives its named exports, the bundle's split-off module its module.exports as default.
    typeof mod.cosmiconfig === 'function' ? mod : (mod as unknown as { default: typeof mod }).default,
  ));

/**
 * What cosmiconfig looks for in a directory (its default search places, "package.json" with an "unattendlint" key,
 * and ".config/", which also holds its own meta config): a directory with none of them holds no config, which is
 * told without loading cosmiconfig.
 */
export const SEARCH_NAMES: readonly string[] = [
  'package.json',
  ...['', '.json', '.yaml', '.yml', '.js', '.ts', '.cjs', '.mjs'].map((ext) => `.${MODULE_NAME}rc${ext}`),
  '.config',
  ...['.js', '.ts', '.cjs', '.mjs'].map((ext) => `${MODULE_NAME}.config${ext}`),
];

/** False when `dir` cannot hold a config cosmiconfig would find: none of SEARCH_NAMES, or a package.json without a key for it. */
function mayHoldConfig(dir: string, packageKeys: readonly string[]): boolean {
  for (const name of SEARCH_NAMES) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) continue;
    if (name !== 'package.json') return true;
    try {
      const manifest: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (!isPlainObject(manifest) || packageKeys.some((key) => Object.hasOwn(manifest, key))) return true;
    } catch {
      return true; // cosmiconfig reads it and reports the problem
    }
  }
  return false;
}

/**
 * The first search place in `dir` that is there but cannot be read as a config file: a dangling symbolic link (a
 * shared config in a submodule that is not checked out), a directory, a file without read permission. cosmiconfig
 * would pass over it and the run would go on with other rules than the user set; the search stops there instead.
 * Undefined when the first readable place comes first (a package.json is read past: it may not hold the key).
 */
function unreadablePlace(dir: string): { file: string; problem: string } | undefined {
  for (const name of SEARCH_NAMES) {
    if (name === '.config') continue;
    const file = path.join(dir, name);
    const entry = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!entry) continue;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch (err) {
      const link = entry.isSymbolicLink() ? fs.readlinkSync(file) : undefined;
      return { file, problem: link !== undefined ? `cannot read config: it is a symbolic link to ${link}, which does not exist` : `cannot read config: ${fsReason(err)}` };
    }
    if (stat.isDirectory()) return { file, problem: 'is a directory, not a config file' };
    try {
      fs.accessSync(file, fs.constants.R_OK);
    } catch (err) {
      return { file, problem: `cannot read config: ${fsReason(err)}` };
    }
    if (name !== 'package.json') return undefined;
  }
  return undefined;
}

/** One cosmiconfig explorer (its caches belong to this loader only), made when a config is first looked for. */
export function createConfigFiles(cwd: string): ConfigFiles {
  // cosmiconfig's meta config (in cwd's package.json or .config/) could add search places: then every directory is
  // left to cosmiconfig.
  const quickSearch = !mayHoldConfig(cwd, ['cosmiconfig']);
  let explorerPromise: Promise<PublicExplorer> | undefined;
  let made: PublicExplorer | undefined;
  const explorer = (): Promise<PublicExplorer> => (explorerPromise ??= loadCosmiconfig().then(({ cosmiconfig }) => (made = cosmiconfig(MODULE_NAME, {
    // 'none' searches one directory; the walk upward is ours, so it stops at the root and skips global dirs.
    searchStrategy: 'none',
    ignoreEmptySearchPlaces: false,
    loaders: {
      '.json': loadJson,
      '.yaml': loadYaml,
      '.yml': loadYaml,
      noExt: loadYaml,
      '.js': loadModule,
      '.mjs': loadModule,
      '.cjs': loadModule,
    },
  }))));
  const searches = new Map<string, Promise<string | undefined>>();

  const wrap = (file: string, error: unknown): ConfigError => {
    if (error instanceof ConfigError) return error;
    if (error instanceof FileProblem) return configError(displayPath(file, cwd), error.message, file);
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return configError(displayPath(file, cwd), 'config file not found', file);
    if (code === 'EISDIR') return configError(displayPath(file, cwd), 'is a directory, not a config file', file);
    // cosmiconfig parses package.json itself, and its message is a code frame: say it as for other JSON files.
    const problem = /^JSON Error in /.test(messageOf(error)) ? jsonProblem(file) : undefined;
    if (problem) return configError(displayPath(file, cwd), problem, file);
    return configError(displayPath(file, cwd), `cannot read config: ${firstLine(messageOf(error), file)}`, file);
  };

  const search = (dir: string): Promise<string | undefined> => {
    let pending = searches.get(dir);
    if (!pending) {
      const bad = unreadablePlace(dir);
      const found = bad
        ? Promise.reject(configError(displayPath(bad.file, cwd), bad.problem, bad.file))
        : quickSearch && !mayHoldConfig(dir, [MODULE_NAME])
          ? Promise.resolve(null)
          : explorer().then((e) => e.search(dir));
      pending = found.then(
        (found) => {
          if (found) return found.filepath;
          const parent = path.dirname(dir);
          return parent === dir ? undefined : search(parent);
        },
        (error: unknown) => {
          throw wrap(String((error as { filepath?: unknown }).filepath ?? dir), error);
        },
      );
      searches.set(dir, pending);
    }
    return pending;
  };

  const load = async (file: string): Promise<Record<string, unknown>> => {
    let result;
    try {
      result = await (await explorer()).load(file);
    } catch (error) {
      throw wrap(file, error);
    }
    const config: unknown = result?.config ?? {};
    if (!isPlainObject(config)) {
      throw configError(displayPath(file, cwd), `a config must be an object, got ${describe(config)}`, file);
    }
    return stripComments(config, (problem) => configError(displayPath(file, cwd), problem, file)) as Record<string, unknown>;
  };

  const forget = (stale: (dir: string) => boolean): void => {
    for (const dir of searches.keys()) if (stale(dir)) searches.delete(dir);
    made?.clearCaches();
  };

  return { load, search, forget };
}

/** A loader's complaint about the file it was given; the caller adds the file's display path. */
class FileProblem extends Error {}

/** How deep a config's values may nest, and how many they may hold once YAML aliases and shared objects are expanded. */
export const CONFIG_DEPTH = 100;
export const CONFIG_VALUES = 100_000;

/**
 * Drops every key starting with "//" at any depth (comment keys are allowed anywhere). A config is data that later
 * steps walk as a tree (validation, merging, --print-config), so `fail` is thrown for one that is not: one that
 * holds itself (a YAML alias inside its own anchor, a JS object that refers to itself), nests deeper than
 * CONFIG_DEPTH, or holds more than CONFIG_VALUES values as a tree (aliases of aliases: "a billion laughs").
 */
export function stripComments(value: unknown, fail: (problem: string) => Error): unknown {
  measure(value, fail);
  return strip(value);
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (!key.startsWith('//')) out[key] = strip(item);
  return out;
}

/** Checks that `value` is a tree of bounded depth and size, counting a value met again (an alias) where it is met. */
function measure(value: unknown, fail: (problem: string) => Error): void {
  const onPath = new Set<object>();
  // The size of each array and object, worked out once: aliases of aliases are counted without being walked again.
  const sizes = new Map<object, number>();
  const sizeOf = (v: unknown, depth: number): number => {
    if (!Array.isArray(v) && !isPlainObject(v)) return 1;
    const known = sizes.get(v);
    if (known !== undefined) return known;
    if (onPath.has(v)) throw fail('the config holds itself (a YAML alias inside its own anchor, or an object that refers to itself)');
    if (depth > CONFIG_DEPTH) throw fail(`the config nests values more than ${CONFIG_DEPTH} levels deep`);
    onPath.add(v);
    let size = 1;
    for (const item of Array.isArray(v) ? v : Object.values(v)) size += sizeOf(item, depth + 1);
    onPath.delete(v);
    if (size > CONFIG_VALUES) throw fail(`the config holds more than ${CONFIG_VALUES.toLocaleString('en-US')} values once its YAML aliases are expanded`);
    sizes.set(v, size);
    return size;
  };
  sizeOf(value, 0);
}

// JSON.parse reports an offset; users need a line and column.
const loadJson: Loader = (file, content) => {
  try {
    return JSON.parse(content) as unknown;
  } catch (error) {
    const message = messageOf(error);
    const offset = /at position (\d+)/.exec(message);
    const where = offset ? ` at ${lineColumn(content, Number(offset[1]))}` : '';
    const problem = message.replace(/ in JSON at position \d+.*$/s, '').replace(/^./, (c) => c.toLowerCase());
    throw new FileProblem(`invalid JSON${where}: ${problem}`);
  }
};

/** What is wrong with a JSON file, as loadJson says it; undefined when it parses (or cannot be read). */
function jsonProblem(file: string): string | undefined {
  try {
    loadJson(file, fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof FileProblem) return error.message;
  }
  return undefined;
}

// YAML errors carry a mark; keep the reason and position, drop cosmiconfig's code frame.
const loadYaml: Loader = async (file, content) => {
  try {
    return await (await loadCosmiconfig()).defaultLoaders['.yaml']!(file, content);
  } catch (error) {
    const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
    const where = mark ? ` at line ${mark.line + 1}, column ${mark.column + 1}` : '';
    throw new FileProblem(`invalid YAML${where}: ${reason ?? messageOf(error)}`);
  }
};

// cosmiconfig's own JS loader falls back to require() and hides ESM syntax errors behind a Node assertion.
const loadModule: Loader = async (file) => {
  let mod: Record<string, unknown>;
  try {
    mod = (await importFile(pathToFileURL(fs.realpathSync(file)).href)) as Record<string, unknown>;
  } catch (error) {
    const kind = error instanceof SyntaxError ? 'syntax error' : 'error while loading';
    throw new FileProblem(`${kind}: ${firstLine(messageOf(error), file)}${lineFromStack(error, file)}`);
  }
  return 'default' in mod ? mod['default'] : { ...mod };
};

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

// CommonJS syntax errors start their stack with "<file>:<line>".
function lineFromStack(error: unknown, file: string): string {
  const stack = error instanceof Error ? error.stack ?? '' : '';
  const match = /^(.*):(\d+)\n/.exec(stack);
  return match && path.resolve(match[1]!) === path.resolve(file) ? ` (line ${match[2]})` : '';
}

function firstLine(message: string, file: string): string {
  return message.replace(`${file}:`, '').trim().split('\n')[0]!.trim();
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`;
}
