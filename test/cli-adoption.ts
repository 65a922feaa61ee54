// The CLI for adoption: no silent pass, autofix that shows what it does, and bulk suppressions (a baseline).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree, hasStack } from './helpers/cli.js';
import { FIXTURES } from './helpers/paths.js';
import type { FileResult } from '../src/types.js';

const CLEAN = readFileSync(join(FIXTURES, 'examples', 'autounattend-uefi.xml'), 'utf8');
const NOT_ANSWER_FILE = '<?xml version="1.0"?><project><name>x</name></project>';
// Two fixable warnings (value-case); an error that has no fix (duplicate-setting).
const FIXABLE = CLEAN.replace('<TimeZone>UTC</TimeZone>', '<TimeZone>utc</TimeZone>').replace('processorArchitecture="amd64"', 'processorArchitecture="AMD64"');
const WITH_ERROR = CLEAN.replace('<TimeZone>UTC</TimeZone>', '<TimeZone>UTC</TimeZone><TimeZone>UTC</TimeZone>');
const SECRET = 'Sup3r-S3cret-Pw';
const WITH_PASSWORD = FIXABLE.replace('<TimeZone>utc</TimeZone>', `<TimeZone>utc</TimeZone><UserAccounts><AdministratorPassword><Value>${SECRET}</Value><PlainText>true</PlainText></AdministratorPassword></UserAccounts>`);

type Json = { filePath: string; messages: { ruleId: string | null; severity: number }[]; warningCount: number; errorCount: number; fixes?: { ruleId: string; range?: number[]; text?: string; withheld?: true; pass: number }[] }[];
const json = (stdout: string) => JSON.parse(stdout) as Json;

test('no answer file found is exit 2 with one line on stderr, unless --no-error-on-unmatched-pattern', () => {
  const dir = tempTree({ 'pom.xml': NOT_ANSWER_FILE, 'empty/readme.txt': 'x' });
  for (const args of [[], ['.'], ['empty']]) {
    const r = runCli(args, { cwd: dir });
    assert.is(r.code, 2, args.join(' '));
    assert.is(r.stdout, '');
    assert.is(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^unattend-lint: no answer files found in /);
  }
  const glob = runCli(['nothing/**/*.xml'], { cwd: dir });
  assert.is(glob.code, 2);
  assert.match(glob.stderr, /no files match the pattern "nothing\/\*\*\/\*\.xml"/);
  for (const args of [[], ['nothing/**/*.xml']]) {
    const r = runCli(['--no-error-on-unmatched-pattern', ...args], { cwd: dir });
    assert.equal([r.code, r.stdout, r.stderr], [0, '', ''], args.join(' '));
  }
});

test('every walked answer file ignored is exit 2 as well; a named ignored file is skipped without a finding', () => {
  const dir = tempTree({ '.unattendlintrc.json': '{"ignores": ["vendor/**"]}', 'vendor/unattend.xml': WITH_ERROR });
  const walked = runCli([], { cwd: dir });
  assert.is(walked.code, 2);
  assert.match(walked.stderr, /every answer file found in \. is ignored/);
  const named = runCli(['--max-warnings', '0', '-f', 'sarif', 'vendor/unattend.xml'], { cwd: dir });
  assert.is(named.code, 0, named.stderr);
  assert.is(named.stderr, '');
  const sarif = JSON.parse(named.stdout) as { runs: { results: unknown[] }[] };
  assert.equal(sarif.runs[0]!.results, []);
});

test('a bad glob is a usage error (exit 2), not an internal error', () => {
  const dir = tempTree({ 'unattend.xml': CLEAN });
  for (const glob of ['[', 'sub/[']) {
    const r = runCli([glob], { cwd: dir });
    assert.is(r.code, 2, glob);
    assert.match(r.stderr, /is not a file, a directory or a valid glob pattern/);
    assert.not.match(r.stderr, /internal error/);
    assert.not.ok(hasStack(r.stderr));
  }
});

test('the --max-warnings verdict is one line on stderr in every format, and not in the report', () => {
  const dir = tempTree({ 'unattend.xml': FIXABLE });
  for (const format of ['text', 'compact', 'json', 'sarif', 'github']) {
    const r = runCli(['-f', format, '--max-warnings', '1', 'unattend.xml'], { cwd: dir });
    assert.is(r.code, 1, format);
    assert.is(r.stderr, 'unattend-lint found too many warnings (2, maximum: 1)\n', format);
    assert.not.match(r.stdout, /too many warnings/, format);
    const within = runCli(['-f', format, '--max-warnings', '2', 'unattend.xml'], { cwd: dir });
    assert.equal([within.code, within.stderr], [0, ''], format);
  }
});

test('a config with only rules keeps the recommended rules; "extends": [] starts from nothing', () => {
  const dir = tempTree({ 'a/.unattendlintrc.json': '{"rules":{"value-case":"off"}}', 'a/unattend.xml': WITH_ERROR, 'b/.unattendlintrc.json': '{"extends":[],"rules":{"value-case":"warn"}}', 'b/unattend.xml': WITH_ERROR });
  const a = runCli(['-f', 'json', 'a/unattend.xml'], { cwd: dir });
  assert.is(a.code, 1, 'duplicate-setting is still on');
  assert.ok(json(a.stdout)[0]!.messages.some((m) => m.ruleId === 'duplicate-setting'));
  const b = runCli(['-f', 'json', 'b/unattend.xml'], { cwd: dir });
  assert.is(b.code, 0, b.stdout);
  assert.equal(json(b.stdout)[0]!.messages, []);
});

test('the text report marks fixable findings and counts them', () => {
  const dir = tempTree({ 'unattend.xml': FIXABLE });
  const r = runCli(['unattend.xml'], { cwd: dir });
  assert.equal(r.stdout.split('\n').filter((l) => / {2}value-case \(fixable\)$/.test(l)).length, 2, r.stdout);
  assert.match(r.stdout, /\n {2}0 errors and 2 warnings potentially fixable with the `--fix` option\.\n$/);
});

test('--fix says on stderr what it changed, per file; unchanged files get no line', () => {
  const dir = tempTree({ 'a/unattend.xml': FIXABLE, 'b/unattend.xml': CLEAN });
  const r = runCli(['--fix', '-f', 'json', 'a', 'b'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stderr, `unattend-lint: fixed ${join('a', 'unattend.xml')}: 2 fixes (value-case ×2)\n`);
  assert.ok(readFileSync(join(dir, 'a', 'unattend.xml'), 'utf8').includes('<TimeZone>UTC</TimeZone>'));
  assert.equal(json(r.stdout).map((f) => f.messages), [[], []]);
});

test('--fix-dry-run prints the fixed text (also from --stdin) and writes nothing', () => {
  const dir = tempTree({ 'unattend.xml': FIXABLE });
  const r = runCli(['--fix-dry-run', 'unattend.xml'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  // The example's (encoded) local account password is masked like every secret shown.
  const masked = (text: string) => text.replace(/<Value>UABhAHMA[^<]*<\/Value>/, '<Value>********</Value>');
  assert.is(r.stdout, masked(FIXABLE.replace('utc', 'UTC').replace('"AMD64"', '"amd64"')));
  assert.match(r.stderr, /would fix unattend\.xml: 2 fixes \(value-case ×2\)/);
  assert.is(readFileSync(join(dir, 'unattend.xml'), 'utf8'), FIXABLE, 'the file is untouched');
  const stdin = runCli(['--fix-dry-run', '--stdin', '--stdin-filename', 'x/unattend.xml'], { cwd: dir, input: WITH_ERROR });
  assert.is(stdin.code, 1, 'what remains decides the exit code');
  assert.is(stdin.stdout, masked(WITH_ERROR), 'no fix: the text as it is');
  writeFileSync(join(dir, 'clean.xml'), CLEAN);
  writeFileSync(join(dir, 'more.xml'), FIXABLE);
  const several = runCli(['--fix-dry-run', 'unattend.xml', 'clean.xml', 'more.xml'], { cwd: dir });
  assert.equal(several.stdout.split('\n').filter((l) => l.startsWith('==> ')), ['==> more.xml <==', '==> unattend.xml <=='], 'files without fixes are left out, the others in the order of their paths');
  assert.is(several.stdout.split('<TimeZone>UTC</TimeZone>').length, 3);
  assert.is(runCli(['--fix', '--fix-dry-run', 'unattend.xml'], { cwd: dir }).code, 2);
  assert.is(runCli(['--fix-dry-run', '-f', 'sarif', 'unattend.xml'], { cwd: dir }).code, 2);
});

test('--fix-dry-run --format json gives the edits; the fixed text shown never holds a secret', () => {
  const dir = tempTree({ 'unattend.xml': WITH_PASSWORD });
  const r = runCli(['--fix-dry-run', '-f', 'json', 'unattend.xml'], { cwd: dir });
  assert.not.ok(r.stdout.includes(SECRET));
  const [res] = json(r.stdout);
  const cases = res!.fixes!.filter((f) => f.ruleId === 'value-case');
  assert.equal(cases.map((f) => [f.text, f.pass]), [['amd64', 1], ['UTC', 1]]);
  for (const f of cases) assert.is(WITH_PASSWORD.slice(f.range![0], f.range![1]).toLowerCase(), f.text!.toLowerCase());
  assert.not.ok(res!.messages.some((m) => m.ruleId === 'value-case'), 'messages are what remains after fixing');
  const text = runCli(['--fix-dry-run', 'unattend.xml'], { cwd: dir });
  assert.not.ok(text.stdout.includes(SECRET));
  assert.match(text.stdout, /<TimeZone>UTC<\/TimeZone>/);
  assert.match(text.stdout, /<Value>\*{8}<\/Value>/);
});

test('a fix in a code-page file with text outside ASCII is not applied, and --fix says why', () => {
  const latin = Buffer.from(FIXABLE.replace('encoding="utf-8"', 'encoding="windows-1252"').replace('<TimeZone>utc</TimeZone>', '<TimeZone>utc</TimeZone><!-- Grüße -->'), 'latin1');
  const dir = tempTree({ 'unattend.xml': latin });
  const r = runCli(['--fix', 'unattend.xml'], { cwd: dir });
  assert.match(r.stderr, /unattend\.xml: its fixes are not applied: it is read as windows-1252 and holds text outside ASCII/);
  assert.ok(readFileSync(join(dir, 'unattend.xml')).equals(latin));
  // The findings stay, but nothing calls them fixable with the --fix that was just refused.
  assert.match(r.stdout, /value-case/);
  assert.not.match(r.stdout, /fixable/);
  const json = JSON.parse(runCli(['--fix', '-f', 'json', 'unattend.xml'], { cwd: dir }).stdout) as FileResult[];
  assert.is(json[0]!.fixableWarningCount + json[0]!.fixableErrorCount, 0);
  assert.not.ok(json[0]!.messages.some((m) => m.fix), 'no message offers a fix');
});

const WARNED = FIXABLE;
test('--suppress-all writes counts per file and rule (paths relative, with "/"); later runs hide them', () => {
  const dir = tempTree({ 'sites/a/unattend.xml': WARNED, 'sites/b/unattend.xml': WITH_ERROR, 'ok/unattend.xml': CLEAN });
  const record = runCli(['--suppress-all'], { cwd: dir });
  assert.is(record.code, 0, record.stderr);
  const file = join(dir, 'unattend-lint-suppressions.json');
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, { count: number }>>;
  assert.equal(saved, { 'sites/a/unattend.xml': { 'value-case': { count: 2 } }, 'sites/b/unattend.xml': { 'duplicate-setting': { count: 1 } } });
  const later = runCli(['--max-warnings', '0'], { cwd: dir });
  assert.equal([later.code, later.stdout], [0, '']);
  assert.match(later.stderr, /3 findings suppressed by unattend-lint-suppressions\.json/);
  // One more finding of a suppressed rule: all of that rule's findings in the file are shown again.
  writeFileSync(join(dir, 'sites', 'a', 'unattend.xml'), WARNED.replace('<ComputerName>*</ComputerName>', '<ComputerName>*</ComputerName><RegisteredOwner>x</RegisteredOwner>').replace('versionScope="nonSxS"', 'versionScope="NonSxS"'));
  const more = runCli(['-f', 'json', 'sites/a/unattend.xml'], { cwd: dir });
  assert.ok(json(more.stdout)[0]!.messages.filter((m) => m.ruleId === 'value-case').length >= 3, more.stdout);
});

test('--suppress-rule records one rule; stale suppressions fail until --prune-suppressions; --suppressions-location', () => {
  const dir = tempTree({ 'a/unattend.xml': WITH_ERROR.replace('<TimeZone>UTC</TimeZone>', '<TimeZone>utc</TimeZone>') });
  const location = join('baseline', 'lint.json');
  const record = runCli(['--suppress-rule', 'duplicate-setting', '--suppressions-location', location], { cwd: dir });
  assert.is(record.code, 0, record.stdout + record.stderr);
  assert.equal(JSON.parse(readFileSync(join(dir, location), 'utf8')), { '../a/unattend.xml': { 'duplicate-setting': { count: 1 } } });
  assert.ok(!existsSync(join(dir, 'unattend-lint-suppressions.json')));
  const unknown = runCli(['--suppress-rule', 'no-such-rule'], { cwd: dir });
  assert.is(unknown.code, 2);
  assert.match(unknown.stderr, /unknown rule "no-such-rule"/);
  assert.match(runCli(['--suppress-rule', 'duplicate-settin'], { cwd: dir }).stderr, /unknown rule "duplicate-settin"; did you mean "duplicate-setting"\?/);
  // The error is fixed: the suppression no longer occurs.
  writeFileSync(join(dir, 'a', 'unattend.xml'), CLEAN);
  const stale = runCli(['--suppressions-location', location], { cwd: dir });
  assert.is(stale.code, 2);
  assert.match(stale.stderr, /suppresses findings that no longer occur \(\.\.\/a\/unattend\.xml: duplicate-setting, 1 suppressed, 0 found\); run with --prune-suppressions/);
  assert.is(runCli(['--suppressions-location', location, '--pass-on-unpruned-suppressions'], { cwd: dir }).code, 0);
  const pruned = runCli(['--prune-suppressions', '--suppressions-location', location], { cwd: dir });
  assert.is(pruned.code, 0, pruned.stderr);
  assert.equal(JSON.parse(readFileSync(join(dir, location), 'utf8')), {});
  assert.is(runCli(['--suppress-all', '--prune-suppressions'], { cwd: dir }).code, 2);
});

test('a broken suppressions file is exit 2 with one line naming it', () => {
  const dir = tempTree({ 'unattend.xml': CLEAN, 'unattend-lint-suppressions.json': '{"unattend.xml": {"pass-name": {"count": "many"}}}' });
  const r = runCli([], { cwd: dir });
  assert.is(r.code, 2);
  assert.match(r.stderr, /unattend-lint-suppressions\.json: "unattend\.xml" → "pass-name" has no whole count/);
  assert.not.ok(hasStack(r.stderr));
});

test.run();
