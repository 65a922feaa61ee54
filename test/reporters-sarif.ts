// SARIF output against the OASIS 2.1.0 schema and GitHub code scanning's extra requirements.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sarif, toSarifLog } from '../src/reporters/sarif.js';
import { helpMarkdown, pascalCase, ruleName } from '../src/reporters/sarif-rules.js';
import { SECRET_MASK } from '../src/reporters/secrets.js';
import type { FileResult } from '../src/types.js';
import { context, CWD, DOMAIN_PASSWORD, PASSWORD, ROOT, RULES, sampleResults, span } from './reporters-sample.js';

// A CommonJS module whose typings declare an ES default export: the class is at .default.
const Ajv = AjvDraft04.default;
// The OASIS schema, vendored so that every clone validates against the same bytes (provenance beside it).
const SCHEMA = path.join(ROOT, 'test', 'data', 'sarif', 'sarif-schema-2.1.0.json');

function validator(): (log: unknown) => string | undefined {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv ships no formats; these three are all the schema uses, checked as the RFCs define them.
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/') && !/[\s\\]/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  return (log) => (validate(log) ? undefined : ajv.errorsText(validate.errors, { separator: '\n' }));
}

// Built on first use, so a schema that does not compile fails the tests that need it instead of
// aborting the whole test run at import time.
let cached: ((log: unknown) => string | undefined) | undefined;
function check(log: unknown): string | undefined {
  cached ??= validator();
  return cached(log);
}

function assertValid(results: FileResult[], label: string): void {
  const log = JSON.parse(sarif(results, context()));
  const errors = check(log);
  assert.is(errors, undefined, `${label} is not valid SARIF 2.1.0:\n${errors}`);
}

function bare(filePath: string, over: Partial<FileResult['messages'][number]> = {}): FileResult {
  const d = { ruleId: 'setting-pass-invalid', severity: 2 as const, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, ...over };
  return { filePath, messages: [d], errorCount: 1, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
}

test('sample output is valid against the OASIS schema', () => {
  assertValid(sampleResults(), 'sample');
  assertValid([], 'empty run');
});

test('the validator rejects what GitHub rejects (a test that can fail)', () => {
  const log = toSarifLog(sampleResults(), context());
  log.runs[0].results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
  assert.ok(check(log), 'startLine 0 must be rejected');
});

test('edge positions are clamped into a valid region', () => {
  const log = toSarifLog([bare(`${CWD}/a.xml`, { line: 0, column: 0, endLine: 0, endColumn: 0 })], context());
  assert.equal(log.runs[0].results[0]!.locations[0]!.physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  assertValid([bare(`${CWD}/a.xml`, { line: 3, column: 9, endLine: 2, endColumn: 1 })], 'reversed range');
});

test('every result points at its rule through ruleIndex; every known rule is listed, also in a clean run', () => {
  const run = toSarifLog(sampleResults(), context()).runs[0];
  const ids = run.tool.driver.rules.map((r) => r.id);
  assert.equal(ids, [...ids].sort());
  for (const r of run.results) assert.is(ids[r.ruleIndex], r.ruleId);
  assert.equal(ids, [...RULES.keys(), 'parse-error'].sort());
  const clean = toSarifLog([], context()).runs[0];
  assert.equal(clean.tool.driver.rules.map((r) => r.id), ids);
  assert.equal(clean.results, []);
});

test('rule descriptors carry what code scanning shows', () => {
  const rules = toSarifLog(sampleResults(), context()).runs[0].tool.driver.rules;
  const pw = rules.find((r) => r.id === 'password-plaintext')!;
  assert.is(pw.name, 'PasswordPlaintext');
  assert.is(pw.helpUri, RULES.get('password-plaintext')!.docsUrl);
  assert.ok(pw.help.markdown.includes(`(${pw.helpUri})`));
  assert.is(pw.properties['security-severity'], '8.9');
  assert.equal(pw.properties.tags, ['security', 'credentials']);
  const vc = rules.find((r) => r.id === 'value-case')!;
  assert.is(vc.defaultConfiguration.level, 'warning');
  assert.is(vc.properties['security-severity'], undefined);
  for (const r of rules) {
    assert.ok(r.shortDescription.text && r.fullDescription.text && r.help.text, `${r.id} lacks a description`);
  }
});

test('a rule without metadata still gets a complete descriptor; tags are capped at 20', () => {
  const rules = new Map(RULES);
  rules.set('many-tags', { id: 'many-tags', summary: 's', category: 'policy', severity: 'warn', messages: {}, tags: Array.from({ length: 30 }, (_, i) => `t${i}`) });
  const results = [bare(`${CWD}/a.xml`, { ruleId: 'plugin/some-rule' }), bare(`${CWD}/b.xml`, { ruleId: 'many-tags', severity: 1 })];
  const log = toSarifLog(results, context({ rules }));
  assert.is(check(log), undefined);
  const byId = new Map(log.runs[0].tool.driver.rules.map((r) => [r.id, r]));
  const [tags, plugin] = [byId.get('many-tags'), byId.get('plugin/some-rule')];
  assert.is(tags!.properties.tags.length, 20);
  assert.is(plugin!.id, 'plugin/some-rule');
  assert.is(plugin!.name, 'PluginSomeRule');
  assert.is(plugin!.defaultConfiguration.level, 'error');
});

test('paths: relative and percent-encoded inside cwd, absolute file URL outside, base URI ends in /', () => {
  const log = toSarifLog([bare(`${CWD}/sites/Branch Office #2/x.xml`), bare('/etc/other/unattend.xml'), bare('<stdin>')], context());
  const locs = log.runs[0].results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);
  assert.equal(locs[0], { uri: 'sites/Branch%20Office%20%232/x.xml', uriBaseId: '%SRCROOT%' });
  assert.equal(locs[1], { uri: 'file:///etc/other/unattend.xml' });
  assert.equal(locs[2], { uri: '%3Cstdin%3E', uriBaseId: '%SRCROOT%' });
  assert.equal(log.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: `file://${CWD}/` } });
  assert.is(log.runs[0].automationDetails.id, 'unattend-lint/');
});

test('results without source have no fingerprint rather than a wrong one', () => {
  const log = toSarifLog([bare(`${CWD}/a.xml`)], context());
  assert.is(log.runs[0].results[0]!.partialFingerprints, undefined);
});

test('pascalCase', () => {
  assert.is(pascalCase('no-plaintext-password'), 'NoPlaintextPassword');
  assert.is(pascalCase('parse-error'), 'ParseError');
});

test('a rule name never equals its id, even ignoring case (SARIF 3.49.7)', () => {
  assert.is(ruleName('setting-pass'), 'SettingPass');
  assert.is(ruleName('envelope'), 'EnvelopeCheck');
  assert.is(ruleName('plugin/locale'), 'PluginLocale');
  const rules = new Map(RULES);
  rules.set('locale', { id: 'locale', summary: 's', category: 'correctness', severity: 'error', messages: {} });
  for (const r of toSarifLog([bare(`${CWD}/a.xml`, { ruleId: 'locale' })], context({ rules })).runs[0].tool.driver.rules) {
    assert.is.not(r.name.toLowerCase(), r.id.toLowerCase());
  }
});

test('parse-error has a help URI and a help text of its own', () => {
  const pe = toSarifLog(sampleResults(), context()).runs[0].tool.driver.rules.find((r) => r.id === 'parse-error')!;
  assert.match(pe.helpUri!, /\/docs\/formats\.md#parse-error$/);
  assert.match(pe.help.markdown, /no rule ran on it/);
});

test('help.markdown is the rule doc: title dropped, relative links absolute, credentials masked', () => {
  const doc = [
    '# value-case', '', 'Enumerated values should use their documented spelling', '',
    'See [value-type](value-type.md), [the config](../docs/configuration.md#rules), [Microsoft](https://learn.microsoft.com/x) and [below](#bad).',
    'The `<Password>` element holds the secret; this prose stays as written.',
    '', '## Bad', '', '```xml', '<ProductKey><Key>VK7JG-NPHTM-C97JM-9MPGT-3V66T</Key></ProductKey>', '<Path>net user admin Hunter2 /add</Path>',
    '<Credentials><Password>D0main-Pa55-Doc</Password></Credentials>', '<AdministratorPassword><Value>Adm1n-Doc-Pw</Value></AdministratorPassword>', '```',
  ].join('\n');
  const ruleDoc = (id: string): string | undefined => (id === 'value-case' ? doc : undefined);
  const rules = toSarifLog(sampleResults(), context({ ruleDoc })).runs[0].tool.driver.rules;
  const vc = rules.find((r) => r.id === 'value-case')!;
  const md = vc.help.markdown;
  assert.not.match(md, /^# /m);
  assert.ok(md.startsWith('Enumerated values'), md);
  assert.ok(md.includes('[value-type](https://unattend-lint.example.com/rules/value-type.md)'), md);
  assert.ok(md.includes('[the config](https://unattend-lint.example.com/docs/configuration.md#rules)'), md);
  assert.ok(md.includes('[Microsoft](https://learn.microsoft.com/x)') && md.includes('[below](#bad)'), md);
  assert.ok(md.includes('## Bad') && md.includes(`<Key>${SECRET_MASK}</Key>`), md);
  assert.not.ok(md.includes('VK7JG') || md.includes('Hunter2') || md.includes('D0main-Pa55-Doc') || md.includes('Adm1n-Doc-Pw'), md);
  assert.ok(md.includes(`<Password>${SECRET_MASK}</Password>`) && md.includes(`<Value>${SECRET_MASK}</Value>`), md);
  assert.ok(md.includes('The `<Password>` element holds the secret; this prose stays as written.'), md);
  assert.ok(md.endsWith(`[Documentation](${vc.helpUri})`));
  // Rules without a doc keep the summary and the link.
  const pw = rules.find((r) => r.id === 'password-plaintext')!;
  assert.is(pw.help.markdown, `${pw.shortDescription.text}\n\n[Documentation](${pw.helpUri})`);
  assert.is(helpMarkdown('# x\n\nbody', undefined), 'body');
});

test('every built-in rule doc the CLI hands over becomes help.markdown (rules/<id>.md, shipped)', async () => {
  const { builtinRuleDocs } = await import('../src/reporters/rule-docs.js');
  const read = builtinRuleDocs();
  const envelope = read('envelope');
  assert.ok(envelope?.startsWith('# envelope'), 'rules/envelope.md read');
  assert.is(read('../package'), undefined);
  assert.is(read('plugin/x'), undefined);
  assert.is(read('no-such-rule'), undefined);
});

test('regions carry their text and a context region, secrets masked', () => {
  const log = toSarifLog(sampleResults(), context());
  const out = JSON.stringify(log);
  assert.not.ok(out.includes(PASSWORD) || out.includes(DOMAIN_PASSWORD));
  const results = log.runs[0].results;
  const pw = results.find((r) => r.ruleId === 'password-plaintext')!.locations[0]!.physicalLocation;
  assert.is(pw.region.snippet!.text, `<Value>${SECRET_MASK}</Value>`);
  assert.match(pw.contextRegion!.snippet!.text, /<AdministratorPassword>\n {10}<Value>\*{8}<\/Value>\n {10}<PlainText>true/);
  for (const r of results) {
    const { region: g, contextRegion: c } = r.locations[0]!.physicalLocation;
    assert.ok(g.snippet && c?.snippet, r.ruleId);
    const before = (a: { line: number; column: number }, b: { line: number; column: number }): boolean => a.line < b.line || (a.line === b.line && a.column <= b.column);
    assert.ok(before({ line: c!.startLine, column: c!.startColumn }, { line: g.startLine, column: g.startColumn }), 'context starts before the region');
    assert.ok(before({ line: g.endLine, column: g.endColumn }, { line: c!.endLine, column: c!.endColumn }), 'context ends after the region');
  }
});

test('context regions stay short on a long line and never split a surrogate pair', () => {
  const key = '\u{1F511}';
  const source = `<a>${'x'.repeat(500)}${key}${'y'.repeat(199)}<b>bad</b>${'z'.repeat(199)}${key}${'w'.repeat(500)}</a>`;
  const at = span(source, '<b>bad</b>');
  const file: FileResult = { ...bare(`${CWD}/a.xml`, { line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn }), source };
  const loc = toSarifLog([file], context()).runs[0].results[0]!.locations[0]!.physicalLocation;
  assert.is(loc.region.snippet!.text, '<b>bad</b>');
  const text = loc.contextRegion!.snippet!.text;
  assert.ok(text.length <= 10 + 2 * 200 + 2, `${text.length}`);
  assert.ok(text.startsWith(key) && text.endsWith(key), 'a pair at the cut is kept whole');
  assert.is(loc.contextRegion!.startColumn, source.indexOf(key) + 1);
  assert.is(check(toSarifLog([file], context())), undefined);
});

test('no snippet for a region outside the text, nor a context region equal to the region', () => {
  const outside = { ...bare(`${CWD}/a.xml`, { line: 3, column: 1, endLine: 3, endColumn: 2 }), source: 'one line' };
  assert.equal(toSarifLog([outside], context()).runs[0].results[0]!.locations[0]!.physicalLocation, {
    artifactLocation: { uri: 'a.xml', uriBaseId: '%SRCROOT%' },
    region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 2 },
  });
  const whole = { ...bare(`${CWD}/a.xml`, { line: 1, column: 1, endLine: 1, endColumn: 9 }), source: 'one line' };
  const loc = toSarifLog([whole], context()).runs[0].results[0]!.locations[0]!.physicalLocation;
  assert.is(loc.region.snippet!.text, 'one line');
  assert.is(loc.contextRegion, undefined);
});

test.run();
