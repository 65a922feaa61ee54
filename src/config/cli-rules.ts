// --rule 'id: severity' and --rule 'id: ["warn", {…}]' → one layer applied after every config.
import { configError, messageOf } from './errors.js';
import { parseRuleEntry, type EntrySource } from './rule-entry.js';
import type { Layer, RuleEntry } from './types.js';
import type { SchemaCompiler } from './validators.js';

const USAGE = `expected "rule-id: severity" or 'rule-id: ["warn", {…}]'`;

/** Parses every --rule; `source` says which rules are known (its label is replaced per flag). */
export function parseCliRules(compiler: SchemaCompiler, specs: string[], source: EntrySource): Layer {
  const rules = new Map<string, RuleEntry>();
  for (const spec of specs) {
    const label = `--rule "${spec}"`;
    const colon = spec.indexOf(':');
    const id = spec.slice(0, Math.max(colon, 0)).trim();
    const text = spec.slice(colon + 1).trim();
    if (colon < 0 || id === '' || text === '') throw configError(label, USAGE);
    rules.set(id, parseRuleEntry(compiler, id, parseValue(text, label), { ...source, label, filePath: undefined }));
  }
  return { rules, settings: {} };
}

// A bare word (warn, error, off) needs no quotes; anything else is JSON.
function parseValue(text: string, label: string): unknown {
  if (/^[a-z]+$/i.test(text)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw configError(label, `invalid JSON after the colon (${messageOf(error)}); ${USAGE}`);
  }
}
