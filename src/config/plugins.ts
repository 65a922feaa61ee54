// Plugins: load the module, check its rules minimally, and register them under "<plugin>/<rule-id>".
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyRule } from '../engine/rule.js';
import { configError, displayPath, messageOf } from './errors.js';
import { isPathSpec, resolveSpec } from './modules.js';
import { isPlainObject } from './rule-entry.js';
import type { LoaderContext, Origin, PluginRecord } from './types.js';
import { importFile } from '../util/import-file.js';

const PREFIX = 'unattend-lint-plugin';

/** The namespace of a plugin: the object key, the package name without the prefix, or the file's base name. */
export function pluginName(spec: string, key?: string): string {
  if (key !== undefined) return key;
  if (!isPathSpec(spec)) {
    return spec.replace(new RegExp(`^(@[^/]+/)?${PREFIX}(-|$)`), (_, scope: string | undefined) => scope ?? '').replace(/\/$/, '');
  }
  const parsed = path.parse(spec.replace(/[\\/]+$/, ''));
  const base = parsed.name === 'index' ? path.basename(parsed.dir) : parsed.name;
  return base.startsWith(`${PREFIX}-`) ? base.slice(PREFIX.length + 1) : base;
}

/** Loads (or reuses) each declared plugin; returns their names. */
export async function loadPlugins(ctx: LoaderContext, declared: unknown, source: Origin): Promise<string[]> {
  const pairs: [string | undefined, string][] = Array.isArray(declared)
    ? declared.map((spec: string) => [undefined, spec])
    : Object.entries((declared ?? {}) as Record<string, string>);
  const names: string[] = [];
  for (const [key, spec] of pairs) names.push(await loadPlugin(ctx, spec, pluginName(spec, key), source));
  // Plugins' option schemas have no precompiled validators: this loads ajv when one of them has a schema.
  await ctx.validators.prepare(names.flatMap((name) => [...ctx.plugins.get(name)!.rules.values()].map((rule) => rule.meta.schema)));
  return names;
}

async function loadPlugin(ctx: LoaderContext, spec: string, name: string, source: Origin): Promise<string> {
  const fail = (problem: string) => configError(source.label, problem, source.filePath);
  if (!name || name.includes(' ')) throw fail(`plugin "${spec}" needs a name without spaces; use the object form`);
  const modulePath = resolveSpec(spec, source.dir);
  if (!modulePath) throw fail(`cannot find plugin "${spec}" (resolved from ${source.dir})`);
  const reuse = () => {
    const existing = ctx.plugins.get(name);
    if (existing && existing.modulePath !== modulePath) {
      throw fail(`plugin name "${name}" is already used by ${displayPath(existing.modulePath, ctx.cwd)}; give one of them another name`);
    }
    return existing !== undefined;
  };
  if (reuse()) return name;
  let mod: Record<string, unknown>;
  try {
    mod = (await importFile(pathToFileURL(modulePath).href)) as Record<string, unknown>;
  } catch (error) {
    throw fail(`cannot load plugin "${name}" from ${displayPath(modulePath, ctx.cwd)}: ${messageOf(error).split('\n')[0]}`);
  }
  const record = toRecord(name, modulePath, mod['default'] ?? mod, fail, displayPath(modulePath, ctx.cwd));
  if (!reuse()) ctx.plugins.set(name, record);
  return name;
}

function toRecord(
  name: string,
  modulePath: string,
  exported: unknown,
  fail: (problem: string) => Error,
  shownPath: string,
): PluginRecord {
  const where = `plugin "${name}" (${shownPath})`;
  const declared = isPlainObject(exported) ? exported['rules'] : undefined;
  const entries: [string | undefined, unknown][] = Array.isArray(declared)
    ? declared.map((rule) => [undefined, rule])
    : isPlainObject(declared)
      ? Object.entries(declared)
      : [];
  if (!Array.isArray(declared) && !isPlainObject(declared)) {
    throw fail(`${where} must export { rules: Rule[] | Record<string, Rule> }`);
  }
  const rules = new Map<string, AnyRule>();
  entries.forEach(([key, rule], index) => {
    const problem = ruleProblem(rule);
    const label = key !== undefined ? `rule "${key}"` : `rule #${index + 1}`;
    if (problem) throw fail(`${where}: ${label} ${problem}`);
    const valid = rule as AnyRule;
    const id = `${name}/${key ?? valid.meta.id}`;
    if (rules.has(id)) throw fail(`${where}: rule id "${id}" is defined twice`);
    rules.set(id, { ...valid, meta: { ...valid.meta, id } });
  });
  const configs = isPlainObject(exported) && isPlainObject(exported['configs']) ? exported['configs'] : {};
  return { name, modulePath, rules, configs };
}

function ruleProblem(rule: unknown): string | undefined {
  if (!isPlainObject(rule) || !isPlainObject(rule['meta'])) return 'has no meta object';
  const meta = rule['meta'];
  if (typeof meta['id'] !== 'string' || meta['id'] === '') return 'has no meta.id';
  if (meta['id'].includes('/')) return `has meta.id "${meta['id']}" containing "/"`;
  if (!isPlainObject(meta['messages'])) return `"${meta['id']}" has no meta.messages object`;
  if (typeof rule['create'] !== 'function') return `"${meta['id']}" has no create function`;
  return undefined;
}
