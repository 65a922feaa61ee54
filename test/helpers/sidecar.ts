// A fixture's sidecar <name>.json, checked as strictly as a config file: a misspelt key or option fails the test
// instead of silently testing the defaults.
import { existsSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { resolveOptions, isPlainObject } from '../../src/config/rule-entry.js';
import { compileShapeCheck, configJsonSchema, describeAjvError } from '../../src/config/schema.js';
import { didYouMean, displayPath } from '../../src/config/errors.js';
import { parseTarget } from '../../src/kb/target.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import type { EnabledRule } from '../../src/engine/run.js';
import type { AnyRule } from '../../src/engine/rule.js';
import { builtinRules } from '../../rules/index.js';
import { ROOT } from './paths.js';

export const kb = loadKnowledgeBase();

// Set up as the config loader's (src/config/index.ts), so options get the same defaults and the same messages.
const ajv = new Ajv({ useDefaults: true, verbose: true, strict: false, allErrors: false });
const checkSidecar = ajv.compile({
  type: 'object',
  properties: {
    options: { type: 'object', description: "the rule's options, as in a config's rule entry" },
    settings: { type: 'object', description: 'shared settings, as in a config' },
    with: { type: 'array', items: { type: 'string' }, description: 'other rules to run alongside' },
  },
  additionalProperties: false,
});
const checkConfigShape = compileShapeCheck(ajv);
const schemaSettings = (configJsonSchema([...builtinRules]) as { properties: { settings: { properties: object } } }).properties.settings;
const KNOWN_SETTINGS = Object.keys(schemaSettings.properties);

export interface Fixture {
  /** The fixture's .xml (also for its .fixed.xml, which shares its sidecar). */
  file: string;
  /** The rule under test with the sidecar's options, then the `with` rules with their defaults. */
  rules: EnabledRule[];
  settings: Record<string, unknown>;
  /** The same run as a config file, for the linter's --fix loop. */
  config: { extends: []; rules: Record<string, unknown>; settings: Record<string, unknown> };
}

interface Sidecar {
  options?: Record<string, unknown>;
  settings?: Record<string, unknown>;
  with?: string[];
}

function readSidecar(json: string): Sidecar {
  if (!existsSync(json)) return {};
  const fail = (problem: string) => new Error(`${displayPath(json, ROOT)}: ${problem}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(json, 'utf8'));
  } catch (error) {
    throw fail(`not valid JSON: ${(error as Error).message}`);
  }
  if (!checkSidecar(raw)) throw fail(describeAjvError(checkSidecar.errors![0]!, 'sidecar'));
  const sidecar = raw as Sidecar;
  if (sidecar.settings) {
    if (!checkConfigShape({ settings: sidecar.settings })) throw fail(describeAjvError(checkConfigShape.errors![0]!, 'sidecar'));
    for (const key of Object.keys(sidecar.settings)) {
      if (!KNOWN_SETTINGS.includes(key)) throw fail(`unknown setting "${key}"${didYouMean(key, KNOWN_SETTINGS) || ` (known: ${KNOWN_SETTINGS.join(', ')})`}`);
    }
    try {
      parseTarget(kb, sidecar.settings['targetVersion']);
    } catch (error) {
      throw fail((error as Error).message);
    }
  }
  return sidecar;
}

const severityOf = (rule: AnyRule): 1 | 2 => (rule.meta.severity === 'error' ? 2 : 1);

/** A fixture's run: `rule` and the sidecar's other rules, options resolved and validated as a config's are. */
export function loadFixture(file: string, rule: AnyRule): Fixture {
  const xml = file.replace(/\.fixed\.xml$/i, '.xml');
  const json = xml.replace(/\.xml$/i, '.json');
  const label = displayPath(json, ROOT);
  const sidecar = readSidecar(json);
  const others = (sidecar.with ?? []).map((id) => {
    const other = builtinRules.find((b) => b.meta.id === id);
    if (!other || other === rule) throw new Error(`${label}: "with" names ${other ? 'the rule under test' : 'unknown rule'} "${id}"`);
    return other;
  });
  const user = sidecar.options ?? {};
  const rules: EnabledRule[] = [
    { rule, severity: severityOf(rule), options: resolveOptions(ajv, rule, user, label, json) },
    ...others.map((r) => ({ rule: r, severity: severityOf(r), options: resolveOptions(ajv, r, {}, label, json) })),
  ];
  const entries: Record<string, unknown> = { [rule.meta.id]: isPlainObject(sidecar.options) ? [rule.meta.severity, user] : rule.meta.severity };
  for (const r of others) entries[r.meta.id] = r.meta.severity;
  const settings = sidecar.settings ?? {};
  // "extends": [] so that the config enables these rules only, not the recommended ones as well.
  return { file: xml, rules, settings, config: { extends: [], rules: entries, settings } };
}
