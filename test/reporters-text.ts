// The text format: colour decided by the context, summary wording, and code frames on awkward lines.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { text } from '../src/reporters/text.js';
import type { Diagnostic, FileResult } from '../src/types.js';
import { context, CWD, sampleResults, span } from './reporters-sample.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

function one(source: string | undefined, d: Partial<Diagnostic>, secretRanges = [] as FileResult['secretRanges']): FileResult {
  const diag: Diagnostic = { ruleId: 'value-case', severity: 1, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, ...d };
  return { filePath: `${CWD}/u.xml`, messages: [diag], errorCount: 0, warningCount: 1, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, source, secretRanges };
}

/** The two code-frame lines of a single-finding output. */
function frame(out: string): [string, string] {
  const lines = out.split('\n');
  return [lines[2]!, lines[3]!];
}

test('colour only when the context asks for it', () => {
  assert.not.ok(ANSI.test(text(sampleResults(), context({ color: false }))));
  assert.ok(ANSI.test(text(sampleResults(), context({ color: true }))));
});

test('nothing at all for zero findings', () => {
  assert.is(text([], context()), '');
  assert.is(text(sampleResults().filter((r) => r.messages.length === 0), context()), '');
});

test('summary counts and singulars; the verdict on --max-warnings is the CLI\'s, not the report\'s', () => {
  const out = text([one('<a/>', {})], context());
  assert.ok(out.endsWith('✖ 1 problem (0 errors, 1 warning)\n'));
  assert.not.match(out, /too many warnings/);
  assert.ok(text(sampleResults(), context()).includes('✖ 5 problems (3 errors, 2 warnings)\n'));
});

test('a fixable finding is marked after its rule id, and the summary counts the fixable ones', () => {
  const fixable = one('<a>True</a>', { fix: { range: [3, 7], text: 'true' } });
  const out = text([fixable], context());
  assert.match(out, /1:1 {2}warning {2}m {2}value-case \(fixable\)\n/);
  assert.ok(out.endsWith('✖ 1 problem (0 errors, 1 warning)\n  0 errors and 1 warning potentially fixable with the `--fix` option.\n'));
  const plain = text([one('<a>True</a>', {})], context());
  assert.not.match(plain, /fixable/);
  const mixed = text([fixable, one('<b/>', { severity: 2, ruleId: 'envelope', fix: { range: [0, 0], text: '' } })], context());
  assert.match(mixed, /1 error and 1 warning potentially fixable/);
});

test('a fatal finding shows (fatal) where the rule id goes', () => {
  const out = text([one('<a>', { ruleId: null, fatal: true, severity: 2, message: 'unclosed root tag' })], context());
  assert.match(out, /1:1 {2}error {2}unclosed root tag {2}\(fatal\)\n/);
});

test('a long line is cut to a window around the caret', () => {
  const source = `<unattend>${'<x>1</x>'.repeat(100)}<Bad>v</Bad>${'<y/>'.repeat(50)}</unattend>`;
  const at = span(source, '<Bad>v</Bad>');
  const [code, caret] = frame(text([one(source, at)], context()));
  assert.ok(code.length < 130, `frame line is ${code.length} characters`);
  assert.ok(code.includes(' | …') && code.endsWith('…'));
  const col = caret.indexOf('^');
  assert.is(code.slice(col, col + at.range.end - at.range.start), '<Bad>v</Bad>');
  assert.is(caret.slice(col), `^${'~'.repeat(11)}`);
});

test('a multi-line range shows its first line, caret to the end of it', () => {
  const source = '<a>\n  <b>\n  </b>\n</a>\n';
  const [code, caret] = frame(text([one(source, span(source, '<b>\n  </b>'))], context()));
  assert.is(code, '    2 |   <b>');
  assert.is(caret, '      |   ^~~');
});

test('control and bidi characters in the source cannot reach the terminal', () => {
  const source = '<a>\u001b[2J\u202e<b/></a>';
  const out = text([one(source, span(source, '<b/>'))], context());
  assert.not.ok(out.includes('\u001b') || out.includes('\u202e'));
  const [code, caret] = frame(out);
  assert.is(code.indexOf('<b/>'), caret.indexOf('^'));
});

test('messages stay on one line; no frame without source', () => {
  const out = text([one(undefined, { message: 'first\nsecond' })], context());
  assert.is(out, `u.xml\n  1:1  warning  first second  value-case\n\n✖ 1 problem (0 errors, 1 warning)\n`);
});

test('a finding at the end of a line or past the last line', () => {
  const source = '<a>\r\n</a>';
  const [code, caret] = frame(text([one(source, { line: 1, column: 4, endLine: 1, endColumn: 4 })], context()));
  assert.is(code, '    1 | <a>');
  assert.is(caret, '      |    ^');
  const past = text([one(source, { line: 9, column: 1, endLine: 9, endColumn: 1 })], context());
  assert.not.ok(past.includes(' | '));
});

test.run();
