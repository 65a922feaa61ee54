// Rule entries ("warn", ["error", {…}]) → severity and options validated against the rule's own schema.
import type { AnyRule } from '../engine/rule.js';
import type { Severity } from '../types.js';
import { configError, didYouMean, messageOf } from './errors.js';
import { describeAjvError } from './schema.js';
import type { RuleEntry } from './types.js';
import type { SchemaCompiler, Validate } from './validators.js';

const SEVERITY_BY_NAME: Record<string, Severity> = { off: 0, warn: 1, error: 2 };
export const SEVERITY_NAMES = ['off', 'warn', 'error'] as const;
const EXPECTED_SEVERITY = 'expected "off", "warn", "error", 0, 1 or 2';

/** Where an entry comes from and which rules it may name. */
export interface EntrySource {
  /** How messages name the source: a file path, or `--rule "…"`. */
  label: string;
  filePath?: string;
  lookup(id: string): AnyRule | undefined;
  knownIds(): Iterable<string>;
}

export function parseSeverity(value: unknown): Severity | undefined {
  if (value === 0 || value === 1 || value === 2) return value;
  return typeof value === 'string' ? SEVERITY_BY_NAME[value] : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key (later wins); arrays and scalars are replaced. */
export function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const previous = out[key];
    out[key] = isPlainObject(previous) && isPlainObject(value) ? deepMerge(previous, value) : value;
  }
  return out;
}

export function parseRuleEntry(compiler: SchemaCompiler, id: string, value: unknown, source: EntrySource): RuleEntry {
  const rule = source.lookup(id);
  const fail = (problem: string) => configError(source.label, problem, source.filePath);
  if (!rule) throw fail(`unknown rule "${id}"${didYouMean(id, source.knownIds())}`);
  const parts = Array.isArray(value) ? value : [value];
  if (parts.length < 1 || parts.length > 2) {
    throw fail(`rule "${id}": expected a severity or [severity, options], got a list of ${parts.length}`);
  }
  const severity = parseSeverity(parts[0]);
  if (severity === undefined) {
    const hint = typeof parts[0] === 'string' ? didYouMean(parts[0], SEVERITY_NAMES) : '';
    throw fail(`rule "${id}": invalid severity ${JSON.stringify(parts[0])}${hint || `; ${EXPECTED_SEVERITY}`}`);
  }
  if (parts.length === 1) return { severity };
  if (!isPlainObject(parts[1])) {
    throw fail(`rule "${id}": options must be an object, got ${JSON.stringify(parts[1])}`);
  }
  return { severity, options: resolveOptions(compiler, rule, parts[1], source.label, source.filePath) };
}

/** defaultOptions ⊕ user options, completed with schema defaults and validated; ConfigError otherwise. */
export function resolveOptions(
  compiler: SchemaCompiler,
  rule: AnyRule,
  user: Record<string, unknown>,
  label: string,
  filePath?: string,
): Record<string, unknown> {
  const id = rule.meta.id;
  const defaults = isPlainObject(rule.meta.defaultOptions) ? rule.meta.defaultOptions : {};
  const merged = deepMerge(structuredClone(defaults), structuredClone(user));
  if (!rule.meta.schema) {
    if (Object.keys(user).length > 0) throw configError(label, `rule "${id}" takes no options`, filePath);
    return merged;
  }
  const validate = compileOptionsSchema(compiler, rule, label, filePath);
  if (!validate(merged)) {
    const first = validate.errors?.[0];
    const problem = first ? describeAjvError(first, 'options') : 'options are invalid';
    throw configError(label, `rule "${id}": invalid options: ${problem}`, filePath);
  }
  return merged;
}

function compileOptionsSchema(compiler: SchemaCompiler, rule: AnyRule, label: string, filePath?: string): Validate {
  try {
    return compiler.compile(rule.meta.schema!);
  } catch (error) {
    throw configError(label, `rule "${rule.meta.id}" has an invalid options schema: ${messageOf(error)}`, filePath);
  }
}
