// Public configuration API: find, load and resolve the config that applies to each linted file.
import path from 'node:path';
import type { AnyRule } from '../engine/rule.js';
import { parseCliRules } from './cli-rules.js';
import { displayPath } from './errors.js';
import { createConfigFiles } from './files.js';
import { createGlobs } from './globs.js';
import { entrySource, flatten, presetLayer } from './normalize.js';
import { deepMerge, resolveOptions } from './rule-entry.js';
import { configShapeSchema, lazyShapeCheck } from './schema.js';
import type { LoaderContext, NormalizedConfig, Origin, ResolvedConfig, RuleSetting } from './types.js';
import { createValidators } from './validators.js';

export { ConfigError } from './errors.js';
export { printConfig, type PrintedConfig } from './print.js';
export { configJsonSchema } from './schema.js';
export { createGlobs } from './globs.js';
export type { ResolvedConfig, RuleSetting } from './types.js';

export interface ConfigLoaderOptions {
  cwd: string;
  /** --config PATH (overrides lookup). */
  configFile?: string;
  /** --no-config-lookup: only defaults (+ cliRules); ignored when configFile is given. */
  noConfigLookup?: boolean;
  /** --rule 'id: severity' or 'id: ["warn", {…}]', applied last. */
  cliRules?: string[];
  builtinRules: AnyRule[];
}

export interface ConfigLoader {
  /** Registry of all rules: built-ins plus rules of plugins loaded by any config seen so far. */
  rules(): Map<string, AnyRule>;
  /** Effective config for one file (cosmiconfig search upward from the file's dir, cached per dir). */
  forFile(filePath: string): Promise<ResolvedConfig>;
  /** True when the file matches the effective config's ignores (relative to basePath). */
  isIgnored(filePath: string, config: ResolvedConfig): boolean;
  /**
   * Forgets what was read from `changed` (a config file, or a directory with everything under it): configs that
   * read it or extend it, and which config file applies in and under its directory, are read again when next used.
   */
  invalidate(changed: string): void;
}

/** True when a rule's schema fills in defaults of its own, so its default options need the validator too. */
const schemaHasDefaults = (rule: AnyRule): boolean => JSON.stringify(rule.meta.schema ?? {}).includes('"default"');

export function createConfigLoader(opts: ConfigLoaderOptions): ConfigLoader {
  const cwd = path.resolve(opts.cwd);
  // Nothing is compiled at run time for the built-in rules and the config shape: their validators are precompiled,
  // loaded (with ajv, when a plugin's schema needs it) only by a run that reads a config file or takes --rule.
  const validators = createValidators();
  const files = createConfigFiles(cwd);
  const globs = createGlobs();
  const ctx: LoaderContext = {
    cwd,
    validators,
    builtins: new Map(opts.builtinRules.map((rule) => [rule.meta.id, rule])),
    plugins: new Map(),
    checkShape: lazyShapeCheck(validators),
    loadFile: files.load,
  };
  const normalized = new Map<string, Promise<NormalizedConfig>>();
  // The files each normalized config read (itself and what it extends), for invalidate.
  const readFiles = new Map<string, Set<string>>();
  const resolved = new WeakMap<NormalizedConfig, Map<string, ResolvedConfig>>();
  const defaultOptions = new Map<AnyRule, Record<string, unknown>>();
  const explicit = opts.configFile === undefined ? undefined : path.resolve(cwd, opts.configFile);

  const builtinSchemas = [...ctx.builtins.values()].map((rule) => rule.meta.schema);
  const untrustedBuiltins = [...ctx.builtins.values()].some(schemaHasDefaults);

  const labelOf = (configFile: string | undefined): string => (configFile ? displayPath(configFile, cwd) : '(default config)');

  // The loader's context, noting in `read` each config file loaded through it.
  const noting = (read: Set<string>): LoaderContext => ({ ...ctx, loadFile: (file) => (read.add(path.resolve(cwd, file)), files.load(file)) });

  const normalize = async (configFile: string | undefined, read: Set<string>): Promise<NormalizedConfig> => {
    const ctx = noting(read);
    const plugins = new Set<string>();
    const origin: Origin = configFile
      ? { label: labelOf(configFile), filePath: configFile, dir: path.dirname(configFile) }
      : { label: labelOf(undefined), dir: cwd };
    if (configFile || opts.cliRules?.length || untrustedBuiltins) {
      await validators.prepare([...(configFile ? [configShapeSchema()] : []), ...builtinSchemas]);
    }
    const { layers, ignores } = configFile
      ? await flatten(ctx, await ctx.loadFile(configFile), origin, { stack: [configFile], plugins })
      : { layers: [presetLayer(ctx.builtins, 'recommended')!], ignores: [] };
    if (opts.cliRules?.length) layers.push(parseCliRules(validators, opts.cliRules, entrySource(ctx, origin, plugins)));
    return { configFile, basePath: origin.dir, layers, ignores, plugins };
  };

  const normalizedFor = (configFile: string | undefined) => {
    const key = configFile ?? '';
    let pending = normalized.get(key);
    if (!pending) {
      const read = new Set<string>();
      normalized.set(key, (pending = normalize(configFile, read)));
      readFiles.set(key, read);
    }
    return pending;
  };

  const optionsOf = (rule: AnyRule, label: string): Record<string, unknown> => {
    let options = defaultOptions.get(rule);
    // A built-in rule's defaults are checked against its schema by the tests, so a validator is not compiled
    // for a rule the config leaves at its defaults, unless its schema adds defaults of its own; plugin rules
    // are always validated.
    const trusted = ctx.builtins.get(rule.meta.id) === rule && !schemaHasDefaults(rule);
    if (!options) {
      options = trusted ? structuredClone((rule.meta.defaultOptions ?? {}) as Record<string, unknown>) : resolveOptions(validators, rule, {}, label);
      defaultOptions.set(rule, options);
    }
    return options;
  };

  // Files matching the same layers share one ResolvedConfig.
  const resolve = (config: NormalizedConfig, filePath: string): ResolvedConfig => {
    const applies = config.layers.map((layer) => globs.layerApplies(layer, config.basePath, filePath));
    const key = applies.map((yes) => (yes ? '1' : '0')).join('');
    const byKey = resolved.get(config) ?? new Map<string, ResolvedConfig>();
    resolved.set(config, byKey);
    const cached = byKey.get(key);
    if (cached) return cached;
    const label = labelOf(config.configFile);
    const rules = new Map<string, RuleSetting>();
    for (const [id, rule] of visibleRules(ctx, config.plugins)) rules.set(id, { severity: 0, options: optionsOf(rule, label) });
    let settings: Record<string, unknown> = {};
    config.layers.forEach((layer, i) => {
      if (!applies[i]) return;
      for (const [id, entry] of layer.rules) {
        rules.set(id, { severity: entry.severity, options: entry.options ?? rules.get(id)!.options });
      }
      settings = deepMerge(settings, layer.settings);
    });
    const result: ResolvedConfig = { rules, settings, ignores: config.ignores, basePath: config.basePath };
    if (config.configFile) result.configFile = config.configFile;
    byKey.set(key, result);
    return result;
  };

  return {
    rules: () => {
      const all = new Map(ctx.builtins);
      for (const plugin of ctx.plugins.values()) for (const [id, rule] of plugin.rules) all.set(id, rule);
      return all;
    },
    async forFile(filePath) {
      const absolute = path.resolve(cwd, filePath);
      const configFile = explicit ?? (opts.noConfigLookup ? undefined : await files.search(path.dirname(absolute)));
      return resolve(await normalizedFor(configFile), absolute);
    },
    isIgnored: (filePath, config) => globs.isIgnored(config.ignores, config.basePath, path.resolve(cwd, filePath)),
    invalidate(changed) {
      const target = path.resolve(cwd, changed);
      const within = (dir: string) => (p: string) => p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
      for (const [key, read] of readFiles) {
        if ([...read].some(within(target))) {
          normalized.delete(key);
          readFiles.delete(key);
        }
      }
      // A config file made, removed or renamed there changes which config applies in its directory and below.
      files.forget(within(path.dirname(target)));
    },
  };
}

function visibleRules(ctx: LoaderContext, plugins: Set<string>): Map<string, AnyRule> {
  const visible = new Map(ctx.builtins);
  for (const name of plugins) for (const [id, rule] of ctx.plugins.get(name)!.rules) visible.set(id, rule);
  return visible;
}
