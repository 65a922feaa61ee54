// Fixture runner: lints an answer file with one rule and compares findings with inline expect markers.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../../src/source/decode.js';
import { createLineIndex } from '../../src/source/line-index.js';
import { lintSource, type EnabledRule } from '../../src/engine/run.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import type { AnyRule } from '../../src/engine/rule.js';
import { builtinRules } from '../../rules/index.js';
import { DIRECTIVE_RULE_ID } from '../../src/engine/run.js';
import type { FileResult } from '../../src/types.js';

export { ROOT, FIXTURES, SHARED } from './paths.js';

const MARKER = /<!--\s*expect:\s*([^>]*?)\s*-->/g;

/** (rule id, line) pairs the markers of a fixture expect, as sorted "rule@line" strings. */
export function expectedMarkers(text: string): string[] {
  const lines = createLineIndex(text);
  const out: string[] = [];
  for (const m of text.matchAll(MARKER)) {
    const line = lines.position(m.index).line;
    for (const item of m[1]!.split(',')) {
      const [, id, shift] = /^\s*([\w/-]+)\s*(?:@([+-]\d+))?\s*$/.exec(item) ?? [];
      if (!id) throw new Error(`bad expect marker "${m[0]}" at line ${line}`);
      out.push(`${id}@${line + Number(shift ?? 0)}`);
    }
  }
  return out.sort();
}

interface Sidecar {
  options?: Record<string, unknown>;
  settings?: Record<string, unknown>;
  /** Other rules to run alongside (their findings count against the markers too). */
  with?: string[];
}

/** Options for a fixture from a sidecar `<name>.json` ({ "options": {...}, "settings": {...}, "with": [...] }). */
function sidecar(file: string): Sidecar {
  const json = file.replace(/\.xml$/i, '.json');
  return existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : {};
}

export function lintFixture(file: string, rules: AnyRule[], extra: Partial<EnabledRule> = {}): FileResult {
  const { options, settings } = sidecar(file);
  return lintSource(readFileSync(file), {
    filePath: file,
    rules: rules.map((rule) => ({
      rule,
      severity: rule.meta.severity === 'error' ? 2 : 1,
      options: { ...(rule.meta.defaultOptions ?? {}), ...(options ?? {}), ...(extra.options ?? {}) },
    })),
    kb: loadKnowledgeBase(),
    settings: settings ?? {},
    knownRuleIds: new Set(builtinRules.map((r) => r.meta.id)),
    // Directive findings come from the engine, under the inline-directive rule's severity.
    directiveSeverity: rules.some((r) => r.meta.id === DIRECTIVE_RULE_ID) ? 1 : 0,
  });
}

/** Compares a fixture's findings for `rule` with its markers; returns [actual, expected]. */
export function checkFixture(file: string, rule: AnyRule): [string[], string[]] {
  const text = decode(readFileSync(file)).text;
  const others = (sidecar(file).with ?? []).map((id) => {
    const r = builtinRules.find((b) => b.meta.id === id);
    if (!r) throw new Error(`${file}: "with" names unknown rule ${id}`);
    return r;
  });
  const result = lintFixture(file, [rule, ...others]);
  const actual = result.messages.map((m) => `${m.ruleId ?? 'fatal'}@${m.line}`).sort();
  return [actual, expectedMarkers(text)];
}

export function fixtureFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.xml$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}
