// A config object → ordered layers: its plugins, then its extends (presets, plugin configs, files, packages), its own rules, its overrides.
import path from 'node:path';
import type { AnyRule } from '../engine/rule.js';
import { PRESETS, type PresetName } from '../engine/presets.js';
import { configError, didYouMean, displayPath } from './errors.js';
import { stripComments } from './files.js';
import { resolveSpec } from './modules.js';
import { loadPlugins } from './plugins.js';
import { isPlainObject, parseRuleEntry, parseSeverity, type EntrySource } from './rule-entry.js';
import { describeAjvError } from './schema.js';
import type { Layer, LoaderContext, Origin, RuleEntry } from './types.js';

export interface Flattened {
  layers: Layer[];
  ignores: string[];
}

/** Built-in presets: the chosen rules at their meta.severity. */
export function presetLayer(builtins: Map<string, AnyRule>, name: string): Layer | undefined {
  const include = Object.hasOwn(PRESETS, name) ? PRESETS[name as PresetName] : undefined;
  if (!include) return undefined;
  const rules = new Map<string, RuleEntry>();
  for (const [id, rule] of builtins) if (include(rule)) rules.set(id, { severity: parseSeverity(rule.meta.severity) ?? 1 });
  return { rules, settings: {} };
}

/** Rule lookup for entries: built-ins plus the rules of the plugins visible in this chain. */
export function entrySource(ctx: LoaderContext, origin: Origin, plugins: Set<string>): EntrySource {
  const pluginRules = () => [...plugins].map((name) => ctx.plugins.get(name)!.rules);
  return {
    label: origin.label,
    filePath: origin.filePath,
    lookup: (id) => ctx.builtins.get(id) ?? pluginRules().find((rules) => rules.has(id))?.get(id),
    knownIds: () => [...ctx.builtins.keys(), ...pluginRules().flatMap((rules) => [...rules.keys()])],
  };
}

/** The extends chain being walked: files (and plugin configs) above this one, and the plugins seen so far. */
export interface Chain {
  /** To catch cycles. */
  stack: string[];
  /** Plugin names visible to the whole chain (shared by every branch). */
  plugins: Set<string>;
}

/** Flattens one config object into layers and ignores. */
export async function flatten(ctx: LoaderContext, raw: Record<string, unknown>, origin: Origin, chain: Chain): Promise<Flattened> {
  const { plugins } = chain;
  if (!ctx.checkShape(raw)) {
    throw configError(origin.label, describeAjvError(ctx.checkShape.errors![0]!, 'config'), origin.filePath);
  }
  if (raw['plugins'] !== undefined) {
    for (const name of await loadPlugins(ctx, raw['plugins'], origin)) plugins.add(name);
  }
  const out: Flattened = { layers: [], ignores: [] };
  // The config found for a file (not one it extends) starts from the recommended rules unless it says where to
  // start: "extends": [] starts from nothing, every rule off.
  if (raw['extends'] === undefined && chain.stack.length === 1) out.layers.push(presetLayer(ctx.builtins, 'recommended')!);
  for (const spec of toList(raw['extends'])) {
    const base = await flattenExtends(ctx, spec, origin, chain);
    out.layers.push(...base.layers);
    out.ignores.push(...base.ignores);
  }
  const source = entrySource(ctx, origin, plugins);
  out.layers.push({ rules: parseRules(ctx, raw['rules'], source), settings: settingsOf(raw) });
  for (const override of (raw['overrides'] ?? []) as Record<string, unknown>[]) {
    const excluded = toList(override['excludedFiles']);
    out.layers.push({
      files: toList(override['files']),
      ...(excluded.length > 0 ? { excludedFiles: excluded } : {}),
      rules: parseRules(ctx, override['rules'], source),
      settings: settingsOf(override),
    });
  }
  out.ignores.push(...toList(raw['ignores']));
  return out;
}

async function flattenExtends(ctx: LoaderContext, spec: string, origin: Origin, chain: Chain): Promise<Flattened> {
  const fail = (problem: string) => configError(origin.label, problem, origin.filePath);
  if (spec.startsWith('unattend-lint:')) {
    const preset = presetLayer(ctx.builtins, spec.slice('unattend-lint:'.length));
    const known = Object.keys(PRESETS).map((name) => `unattend-lint:${name}`);
    if (!preset) throw fail(`unknown preset "${spec}" in extends${didYouMean(spec, known)} (known: ${known.join(', ')})`);
    return { layers: [preset], ignores: [] };
  }
  if (spec.startsWith('plugin:')) return flattenPluginConfig(ctx, spec, origin, chain);
  const file = resolveSpec(spec, origin.dir);
  if (!file) throw fail(`cannot find "${spec}" to extend (resolved from ${displayPath(origin.dir, ctx.cwd) || '.'})`);
  checkCycle(ctx, chain.stack, file, fail);
  const raw = await ctx.loadFile(file);
  const next: Origin = { label: displayPath(file, ctx.cwd), filePath: file, dir: path.dirname(file) };
  return flatten(ctx, raw, next, { ...chain, stack: [...chain.stack, file] });
}

async function flattenPluginConfig(ctx: LoaderContext, spec: string, origin: Origin, chain: Chain): Promise<Flattened> {
  const fail = (problem: string) => configError(origin.label, problem, origin.filePath);
  const match = /^plugin:(.+)\/([^/]+)$/.exec(spec);
  if (!match) throw fail(`invalid extends "${spec}"; expected "plugin:<plugin-name>/<config-name>"`);
  const [, name, configName] = match as unknown as [string, string, string];
  const plugin = chain.plugins.has(name) ? ctx.plugins.get(name) : undefined;
  if (!plugin) throw fail(`extends "${spec}" names plugin "${name}", which this config does not load; add it to "plugins"`);
  const config = plugin.configs[configName];
  if (!isPlainObject(config)) {
    const known = Object.keys(plugin.configs);
    throw fail(`plugin "${name}" has no config "${configName}"${didYouMean(configName, known)} (has: ${known.join(', ') || 'none'})`);
  }
  checkCycle(ctx, chain.stack, spec, fail);
  const next: Origin = { label: `${spec} (${displayPath(plugin.modulePath, ctx.cwd)})`, dir: path.dirname(plugin.modulePath) };
  return flatten(ctx, stripComments(config, (problem) => fail(`config "${configName}" of plugin "${name}": ${problem}`)) as Record<string, unknown>, next, { ...chain, stack: [...chain.stack, spec] });
}

function checkCycle(ctx: LoaderContext, stack: string[], next: string, fail: (problem: string) => Error): void {
  if (!stack.includes(next)) return;
  const chain = [...stack.slice(stack.indexOf(next)), next].map((item) => (path.isAbsolute(item) ? displayPath(item, ctx.cwd) : item));
  throw fail(`extends cycle: ${chain.join(' → ')}`);
}

function parseRules(ctx: LoaderContext, rules: unknown, source: EntrySource): Map<string, RuleEntry> {
  const out = new Map<string, RuleEntry>();
  for (const [id, value] of Object.entries((rules ?? {}) as Record<string, unknown>)) {
    out.set(id, parseRuleEntry(ctx.validators, id, value, source));
  }
  return out;
}

function settingsOf(raw: Record<string, unknown>): Record<string, unknown> {
  return isPlainObject(raw['settings']) ? raw['settings'] : {};
}

function toList(value: unknown): string[] {
  return value === undefined ? [] : ([] as string[]).concat(value as string | string[]);
}
