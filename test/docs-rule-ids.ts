// Every rule id the docs name (in example output, config snippets and links) is a rule that exists, so the
// docs cannot drift from the rules when one is renamed or an example is made up.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { builtinRules } from '../rules/index.js';
import { ROOT } from './helpers/paths.js';

const ID = String.raw`[a-z][a-z0-9]*(?:-[a-z0-9]+)*`;
// Places where a doc names a rule, each capturing the id.
const MENTIONS: RegExp[] = [
  new RegExp(String.raw`^\S.*:\d+:\d+: (?:error|warning) .* \[(${ID})\]$`, 'gm'), // compact
  new RegExp(String.raw`^\s+\d+:\d+\s+(?:error|warning)\s+.*?\s{2}(${ID})(?: \(fixable\))?$`, 'gm'), // text (stylish)
  new RegExp(String.raw`title=(${ID})::`, 'g'), // github
  new RegExp(String.raw`"(?:ruleId|check_name)":\s*"(${ID})"`, 'g'), // json, sarif, gitlab
  new RegExp(String.raw`source="unattend-lint\.rules\.(${ID})"`, 'g'), // checkstyle
  new RegExp(String.raw`<testcase name="(${ID}) at `, 'g'), // junit
  new RegExp(String.raw`(?<![\w-])rules/(${ID})(?=\.md\b|["')\s]|$)`, 'gm'), // links to rule docs
  new RegExp(String.raw`["'](${ID})["']\s*:\s*(?:\[\s*)?["'](?:off|warn|error)["']`, 'g'), // config entries
  new RegExp(String.raw`--rule\s+["']?(${ID}):`, 'g'), // command-line rule settings
  new RegExp(String.raw`unattend-lint-disable(?:-next-line|-line|-file)?\s+(${ID})`, 'g'), // directives
];
// Named on purpose without being rules: findings without a rule, the junit case of a clean file, the
// placeholder of the usage text.
const NOT_RULES = new Set(['parse-error', 'unattend-lint', 'id']);

function docs(): { file: string; text: string }[] {
  const dir = join(ROOT, 'docs');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => join('docs', f));
  return ['README.md', ...files].map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));
}

/** Rule ids named in a text, with where; quoted examples of an unknown rule ("unknown rule …") are left out. */
export function namedRuleIds(text: string): { id: string; line: number }[] {
  const found: { id: string; line: number }[] = [];
  for (const re of MENTIONS) {
    for (const m of text.matchAll(re)) {
      const line = text.slice(0, m.index).split('\n').length;
      if (/unknown rule/.test(text.split('\n')[line - 1]!)) continue;
      found.push({ id: m[1]!, line });
    }
  }
  return found;
}

test('the mention patterns find ids in each kind of place (a test that can fail)', () => {
  const sample = [
    'a.xml:5:8: error m [value-type]',
    '   5:8   error    msg  setting-pass',
    '  12:17  warning  msg  computer-name (fixable)',
    '::error file=a,line=1,title=value-case::m',
    '"ruleId": "envelope", "check_name": "locale"',
    'source="unattend-lint.rules.reseal" <testcase name="route at 1:2"',
    'not rules/index.ts nor org-rules/plugin-rule; see [x](../rules/order-unique.md) and `--rule "pass-name: off"`, { "time-zone": "warn" }',
    '<!-- unattend-lint-disable-next-line name-case: reason -->',
    'unknown rule "duplicate-settings"; did you mean "duplicate-setting"?',
  ].join('\n');
  assert.equal(namedRuleIds(sample).map((m) => m.id).sort(), ['computer-name', 'envelope', 'locale', 'name-case', 'order-unique', 'pass-name', 'reseal', 'route', 'setting-pass', 'time-zone', 'value-case', 'value-type']);
});

test('every rule id named in README.md and docs/ exists', () => {
  const ids = new Set(builtinRules.map((r) => r.meta.id));
  const missing: string[] = [];
  let count = 0;
  for (const { file, text } of docs()) {
    for (const { id, line } of namedRuleIds(text)) {
      count++;
      if (!ids.has(id) && !NOT_RULES.has(id)) missing.push(`${file}:${line}: ${id}`);
    }
  }
  assert.ok(count > 20, `only ${count} mentions found: the patterns no longer match the docs`);
  assert.equal(missing, []);
});

test.run();
