// The CI formats (gitlab, checkstyle, junit) against their consumers' schemas: GitLab's documented code
// quality fields, a Checkstyle report schema, Jenkins' JUnit schema; escaping, secrets, fingerprints.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { SaxesParser } from 'saxes';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { validateXML } from 'xmllint-wasm';
import { loadFormatters } from '../src/reporters/index.js';
import type { FileResult } from '../src/types.js';
import { context, CWD, DOMAIN_PASSWORD, PASSWORD, ROOT, sampleResults, span } from './reporters-sample.js';

const formatters = await loadFormatters();

const DATA = path.join(ROOT, 'test', 'data');
const XSD = { checkstyle: 'checkstyle/checkstyle.xsd', junit: 'junit/junit-10.xsd' } as const;

async function xsdErrors(format: keyof typeof XSD, xml: string): Promise<string[]> {
  const schema = { fileName: path.basename(XSD[format]), contents: readFileSync(path.join(DATA, XSD[format]), 'utf8') };
  const r = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [schema] });
  return r.errors.map((e) => e.rawMessage);
}

const gitlabSchema = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(path.join(DATA, 'gitlab', 'codequality.schema.json'), 'utf8')));

// Every character XML must escape, and some it cannot carry at all.
const NASTY = `a & b < c > d " e ' f \u0000 g \u0007 h \u001b[31m i \ud800 j \uffff k\tl\nm\r\nn`;
// What a parser must read back: the characters XML cannot carry are U+FFFD, the rest as written.
const NASTY_READ = NASTY.replace(/[\u0000\u0007\u001b\ud800\uffff]/g, '\uFFFD');

function hostile(): FileResult {
  const source = '<unattend>\n  <x>value</x>\n</unattend>\n';
  const at = span(source, '<x>value</x>');
  return {
    filePath: `${CWD}/odd & "dir" <1>/it's.xml`,
    messages: [{ ruleId: 'value-case', severity: 1, message: NASTY, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn }],
    errorCount: 0, warningCount: 1, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, source,
  };
}

interface Node { name: string; attributes: Record<string, string>; text: string }

/** Every element with its attributes and text, as a conforming XML parser reads the output. */
function parseXml(xml: string): Node[] {
  const nodes: Node[] = [];
  const open: Node[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (t) => {
    const node = { name: t.name, attributes: t.attributes as Record<string, string>, text: '' };
    nodes.push(node);
    open.push(node);
  });
  parser.on('text', (t) => {
    if (open.length) open[open.length - 1]!.text += t;
  });
  parser.on('closetag', () => void open.pop());
  parser.write(xml).close();
  return nodes;
}

for (const format of ['checkstyle', 'junit'] as const) {
  test(`${format}: valid against ${XSD[format]} for the sample, a clean run and hostile text`, async () => {
    for (const [label, results] of [['sample', sampleResults()], ['empty', []], ['hostile', [hostile()]]] as const) {
      assert.equal(await xsdErrors(format, formatters[format]!(results as FileResult[], context())), [], `${label}`);
    }
  });

  test(`${format}: the schema check can fail`, async () => {
    const broken = formatters[format]!(sampleResults(), context()).replace(format === 'junit' ? /(<testsuite) name="[^"]*"/ : /(<error) line="[^"]*"/, '$1');
    assert.ok((await xsdErrors(format, broken)).length > 0);
  });

  test(`${format}: & < > " ' and control characters read back as written (those XML cannot carry as U+FFFD)`, () => {
    const nodes = parseXml(formatters[format]!([hostile()], context()));
    const message = nodes.find((n) => n.attributes['message'] !== undefined)!;
    assert.is(message.attributes['message'], NASTY_READ);
    const file = nodes.find((n) => n.name === (format === 'junit' ? 'testsuite' : 'file'))!;
    assert.is(file.attributes['name'], `odd & "dir" <1>/it's.xml`);
    if (format === 'junit') assert.is(message.text, `odd & "dir" <1>/it's.xml:2:3: warning ${NASTY_READ.replace(/\r\n/g, '\n')} [value-case]`);
  });
}

test('checkstyle: a file element per linted file, an error per finding, severities and sources', () => {
  const nodes = parseXml(formatters.checkstyle!(sampleResults(), context()));
  assert.equal(nodes.filter((n) => n.name === 'file').map((n) => n.attributes['name']), ['unattend.xml', 'sites/Branch Office #2/autounattend.xml', 'images/unattend.xml', 'clean/unattend.xml']);
  const errors = nodes.filter((n) => n.name === 'error');
  assert.equal(errors.map((e) => [e.attributes['line'], e.attributes['column'], e.attributes['severity'], e.attributes['source']]), [
    ['5', '7', 'error', 'unattend-lint.rules.setting-pass-invalid'],
    ['8', '11', 'error', 'unattend-lint.rules.password-plaintext'],
    ['12', '17', 'warning', 'unattend-lint.rules.value-case'],
    ['5', '68', 'error', 'unattend-lint.rules.parse-error'],
    ['7', '3', 'warning', 'unattend-lint.rules.component-duplicate'],
  ]);
});

test('junit: a suite per file, a failed case per finding, an error for a file that is not XML, a passing case for a clean file', () => {
  const nodes = parseXml(formatters.junit!(sampleResults(), context()));
  const root = nodes[0]!;
  assert.equal([root.name, root.attributes['tests'], root.attributes['failures'], root.attributes['errors']], ['testsuites', '6', '4', '1']);
  const suites = nodes.filter((n) => n.name === 'testsuite');
  assert.equal(suites.map((s) => [s.attributes['name'], s.attributes['tests'], s.attributes['failures'], s.attributes['errors']]), [
    ['unattend.xml', '3', '3', '0'],
    ['sites/Branch Office #2/autounattend.xml', '1', '0', '1'],
    ['images/unattend.xml', '1', '1', '0'],
    ['clean/unattend.xml', '1', '0', '0'],
  ]);
  assert.is(nodes.filter((n) => n.name === 'failure').length, 4);
  assert.is(nodes.find((n) => n.name === 'error')!.attributes['type'], 'parse-error');
  const cases = nodes.filter((n) => n.name === 'testcase').map((n) => n.attributes['name']);
  assert.equal(cases, ['setting-pass-invalid at 5:7', 'password-plaintext at 8:11', 'value-case at 12:17', 'parse-error at 5:68', 'component-duplicate at 7:3', 'unattend-lint']);
});

test('gitlab: valid by GitLab\'s documented fields, severities, unique fingerprints', () => {
  const issues = JSON.parse(formatters.gitlab!(sampleResults(), context())) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
  assert.ok(gitlabSchema(issues), JSON.stringify(gitlabSchema.errors));
  assert.equal(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin]), [
    ['setting-pass-invalid', 'major', 'unattend.xml', 5],
    ['password-plaintext', 'critical', 'unattend.xml', 8],
    ['value-case', 'minor', 'unattend.xml', 12],
    ['parse-error', 'blocker', 'sites/Branch Office #2/autounattend.xml', 5],
    ['component-duplicate', 'minor', 'images/unattend.xml', 7],
  ]);
  assert.is(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  assert.equal(JSON.parse(formatters.gitlab!([], context())), []);
  assert.not.ok(gitlabSchema([{ ...issues[0], severity: 'error' }]), 'the schema check can fail');
});

test('gitlab: fingerprints follow the line text, not its number or a password; repeats on equal lines differ', () => {
  const prints = (edit: (s: string) => string, secret: string): string[] => {
    const [file] = sampleResults();
    const source = edit(file!.source!);
    const shift = source.split('\n').length - file!.source!.split('\n').length;
    file!.source = source;
    file!.secretRanges = [span(source, secret).range];
    for (const d of file!.messages) d.line += shift;
    return (JSON.parse(formatters.gitlab!([file!], context())) as { fingerprint: string }[]).map((i) => i.fingerprint);
  };
  const base = prints((s) => s, PASSWORD);
  assert.equal(prints((s) => s.replace('<unattend', '<!-- moved -->\n\n<unattend'), PASSWORD), base);
  assert.equal(prints((s) => s.replace(PASSWORD, 'quite another secret'), 'quite another secret'), base);
  const twice = { ...hostile(), messages: [hostile().messages[0]!, hostile().messages[0]!] };
  const [a, b] = JSON.parse(formatters.gitlab!([twice], context())) as { fingerprint: string }[];
  assert.is.not(a!.fingerprint, b!.fingerprint);
});

test('no CI format shows a secret', () => {
  for (const format of ['gitlab', 'checkstyle', 'junit']) {
    const results = sampleResults();
    // Messages quoting the secrets, as a careless plugin rule might write them.
    results[0]!.messages[0]!.message += ` (${PASSWORD})`;
    results[1]!.messages[0]!.message += ` (${DOMAIN_PASSWORD})`;
    const out = formatters[format]!(results, context());
    assert.not.ok(out.includes(PASSWORD) || out.includes(DOMAIN_PASSWORD), format);
    assert.ok(out.includes('(********)'), format);
  }
});

test.run();
