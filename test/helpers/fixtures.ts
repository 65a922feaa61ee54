// Fixture runner: lints an answer file with one rule and compares findings with inline expect markers.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../../src/source/decode.js';
import { createLineIndex } from '../../src/source/line-index.js';
import { DIRECTIVE_RULE_ID, lintSource } from '../../src/engine/run.js';
import type { AnyRule } from '../../src/engine/rule.js';
import { builtinRules } from '../../rules/index.js';
import type { FileResult } from '../../src/types.js';
import { kb, loadFixture } from './sidecar.js';

export { ROOT, FIXTURES, SHARED } from './paths.js';
export { loadFixture, type Fixture } from './sidecar.js';

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

/** Lints a fixture (or its .fixed.xml) with `rule`, the sidecar's other rules, options and settings. */
export function lintFixture(file: string, rule: AnyRule): FileResult {
  const fx = loadFixture(file, rule);
  return lintSource(readFileSync(file), {
    filePath: file,
    rules: fx.rules,
    kb,
    settings: fx.settings,
    knownRuleIds: new Set(builtinRules.map((r) => r.meta.id)),
    // Directive findings come from the engine, under the inline-directive rule's severity, as the linter does.
    directiveSeverity: fx.rules.find((r) => r.rule.meta.id === DIRECTIVE_RULE_ID)?.severity ?? 0,
  });
}

/** Compares a fixture's findings for `rule` with its markers; returns [actual, expected]. */
export function checkFixture(file: string, rule: AnyRule): [string[], string[]] {
  const text = decode(readFileSync(file)).text;
  const result = lintFixture(file, rule);
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
