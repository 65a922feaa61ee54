// The CLI through a child process: exit codes, formats, stdin, colour, walking, output files, bad config.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree, hasStack } from './helpers/cli.js';
import { ROOT, FIXTURES } from './helpers/paths.js';

const CLEAN = readFileSync(join(FIXTURES, 'examples', 'autounattend-uefi.xml'), 'utf8');
const NOT_ANSWER_FILE = '<?xml version="1.0"?><project><name>x</name></project>';
const BROKEN = CLEAN.replace('</ComputerName>', '</ComputerNam>');
const WITH_WARNING = CLEAN.replace('<TimeZone>UTC</TimeZone>', '<TimeZone>UTC</TimeZone><!-- unattend-lint-disable-next-line envelope -->');

test('--version and --help exit 0', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(runCli(['--version']).stdout.trim(), pkg.version);
  const help = runCli(['--help']);
  assert.is(help.code, 0);
  assert.match(help.stdout, /Usage: unattend-lint/);
});

test('an unknown option is a usage error: exit 2, one clear message, no stack', () => {
  const r = runCli(['--frobnicate']);
  assert.is(r.code, 2);
  assert.match(r.stderr, /unattend-lint: Unknown option '--frobnicate'/);
  assert.not.ok(hasStack(r.stderr));
});

test('a clean file exits 0 and prints nothing', () => {
  const dir = tempTree({ 'autounattend.xml': CLEAN });
  const r = runCli(['autounattend.xml'], { cwd: dir });
  assert.is(r.stderr, '');
  assert.is(r.code, 0);
  assert.is(r.stdout, '');
});

test('the bundled examples lint with findings (exit 1) and JSON lists both files', () => {
  const r = runCli(['--format', 'json', 'fixtures/examples']);
  assert.is(r.code, 1, r.stderr);
  const json = JSON.parse(r.stdout) as { filePath: string; errorCount: number }[];
  assert.equal(json.map((f) => f.filePath.replace(/^.*[\\/]/, '')).sort(), ['autounattend-uefi.xml', 'sysprep-unattend.xml']);
  assert.is(json.find((f) => f.filePath.endsWith('autounattend-uefi.xml'))!.errorCount, 0);
  assert.ok(json.find((f) => f.filePath.endsWith('sysprep-unattend.xml'))!.errorCount > 0);
});

test('a missing file is exit 2 with a one-line message, and the other files are still linted', () => {
  const dir = tempTree({ 'unattend.xml': BROKEN });
  const r = runCli(['--format', 'json', 'nope.xml', 'unattend.xml'], { cwd: dir });
  assert.is(r.code, 2);
  assert.match(r.stderr, /^unattend-lint: no such file or directory: nope\.xml$/m);
  const json = JSON.parse(r.stdout) as { fatalErrorCount: number }[];
  assert.is(json.length, 1);
  assert.is(json[0]!.fatalErrorCount, 1);
});

test('walking: no arguments lints what "." does (any .xml whose root is <unattend>), skips node_modules and .git', () => {
  const dir = tempTree({
    'a/Autounattend.XML': BROKEN,
    'b/my-unattend-win11.xml': BROKEN,
    'node_modules/x/unattend.xml': BROKEN,
    '.git/unattend.xml': BROKEN,
    'other.xml': BROKEN,
    // Microsoft's own sample name for a CopyProfile answer file: no "unattend" in it.
    'CopyProfile-x64.xml': CLEAN,
    'c/unattend.xml': NOT_ANSWER_FILE,
  });
  const files = (args: string[]) => {
    const r = runCli(['--format', 'json', ...args], { cwd: dir });
    assert.is(r.code, 1, r.stderr);
    return (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath.slice(dir.length + 1).replace(/\\/g, '/')).sort();
  };
  assert.equal(files([]), ['CopyProfile-x64.xml', 'a/Autounattend.XML', 'b/my-unattend-win11.xml', 'other.xml']);
  assert.equal(files(['.']), files([]));
});

test('walking a directory takes every .xml whose root is <unattend>; explicit files are linted whatever their name', () => {
  const dir = tempTree({ 'd/x.xml': BROKEN, 'd/pom.xml': NOT_ANSWER_FILE, 'd/sub/y.xml': CLEAN, 'answers.txt': BROKEN });
  const r = runCli(['--format', 'json', 'd', 'answers.txt'], { cwd: dir });
  const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath.slice(dir.length + 1).replace(/\\/g, '/')).sort();
  assert.equal(files, ['answers.txt', 'd/sub/y.xml', 'd/x.xml']);
});

test('globs are expanded; a glob matching nothing is exit 2', () => {
  const dir = tempTree({ 'x/one.xml': CLEAN, 'x/two.xml': CLEAN, 'y/three.xml': CLEAN });
  const r = runCli(['--format', 'json', 'x/*.xml'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.is((JSON.parse(r.stdout) as unknown[]).length, 2);
  const none = runCli(['z/**/*.xml'], { cwd: dir });
  assert.is(none.code, 2);
  assert.match(none.stderr, /no files match the pattern "z\/\*\*\/\*\.xml"/);
});

test('config ignores: walked files are skipped; an ignored file named explicitly is skipped without a finding', () => {
  const dir = tempTree({ '.unattendlintrc.json': '{"ignores": ["vendor/**"]}', 'vendor/unattend.xml': BROKEN, 'mine/unattend.xml': CLEAN });
  const walked = runCli(['-f', 'json'], { cwd: dir });
  assert.is(walked.code, 0, walked.stderr);
  assert.equal((JSON.parse(walked.stdout) as { filePath: string }[]).map((f) => f.filePath.slice(dir.length + 1).replace(/\\/g, '/')), ['mine/unattend.xml']);
  // As a pre-commit hook passes every staged file: the ignored one costs no warning under --max-warnings 0.
  const named = runCli(['-f', 'json', '--max-warnings', '0', 'vendor/unattend.xml', 'mine/unattend.xml'], { cwd: dir });
  assert.is(named.code, 0, named.stderr);
  assert.is(named.stderr, '');
  assert.equal((JSON.parse(named.stdout) as { filePath: string }[]).map((f) => f.filePath.slice(dir.length + 1).replace(/\\/g, '/')), ['mine/unattend.xml']);
  const only = runCli(['vendor/unattend.xml'], { cwd: dir });
  assert.equal([only.code, only.stdout, only.stderr], [0, '', '']);
});

test('--ignore-pattern skips matching files; --no-inline-config ignores disable comments', () => {
  const dir = tempTree({ 'keep/unattend.xml': CLEAN, 'skip/unattend.xml': BROKEN, 'dup.xml': WITH_WARNING.replace('<TimeZone>UTC</TimeZone>', '<TimeZone>UTC</TimeZone><TimeZone>UTC</TimeZone>').replace('<!-- unattend-lint-disable-next-line envelope -->', '<!-- unattend-lint-disable-line duplicate-setting -->') });
  const kept = (args: string[]) =>
    (JSON.parse(runCli(['-f', 'json', ...args], { cwd: dir }).stdout) as { filePath: string }[]).map((f) => f.filePath.slice(dir.length + 1).replace(/\\/g, '/'));
  assert.equal(kept(['--ignore-pattern', 'skip/**']), ['dup.xml', 'keep/unattend.xml']);
  // Same meaning as a config's "ignores": a directory name ignores what is below it, and a pattern
  // without "/" matches the base name.
  assert.equal(kept(['--ignore-pattern', 'skip']), ['dup.xml', 'keep/unattend.xml']);
  assert.equal(kept(['--ignore-pattern', 'unattend.xml', 'keep', 'skip']), []);
  assert.is(runCli(['--ignore-pattern', 'skip/**'], { cwd: dir }).code, 0);
  assert.is(runCli(['dup.xml'], { cwd: dir }).code, 0);
  const strict = runCli(['-f', 'json', '--no-inline-config', 'dup.xml'], { cwd: dir });
  assert.is(strict.code, 1);
  assert.ok((JSON.parse(strict.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.some((m) => m.ruleId === 'duplicate-setting'));
});

test('--stdin with --stdin-filename names the result', () => {
  const r = runCli(['--stdin', '--stdin-filename', 'sub/autounattend.xml', '--format', 'json'], { input: BROKEN });
  assert.is(r.code, 1);
  const [res] = JSON.parse(r.stdout) as { filePath: string; messages: { fatal?: boolean; line: number }[] }[];
  assert.is(res!.filePath, join(ROOT, 'sub', 'autounattend.xml'));
  assert.ok(res!.messages[0]!.fatal);
  assert.is(res!.messages[0]!.line, 68);
  // Without a name, every format calls it <stdin> (JSON too, not a path in cwd).
  const bare = JSON.parse(runCli(['--stdin', '--format', 'json'], { input: BROKEN }).stdout) as { filePath: string }[];
  assert.is(bare[0]!.filePath, '<stdin>');
});

test('--stdin-filename that the config ignores, or --ignore-pattern, is skipped as a named file is: exit 0, no result', () => {
  const dir = tempTree({ '.unattendlintrc.json': JSON.stringify({ ignores: ['vendor/**'] }), 'vendor/keep': '' });
  for (const args of [['--stdin-filename', 'vendor/unattend.xml'], ['--stdin-filename', 'lab/unattend.xml', '--ignore-pattern', 'lab/**']]) {
    const r = runCli(['--stdin', ...args, '-f', 'json'], { cwd: dir, input: BROKEN });
    assert.is(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout), []);
  }
  // Not covered: linted.
  const linted = runCli(['--stdin', '--stdin-filename', 'lab/unattend.xml', '-f', 'json'], { cwd: dir, input: BROKEN });
  assert.is(linted.code, 1);
});

test('formats: sarif and compact and github; unknown format is exit 2', () => {
  const sarif = JSON.parse(runCli(['-f', 'sarif', 'fixtures/examples']).stdout) as { version: string; runs: unknown[] };
  assert.is(sarif.version, '2.1.0');
  assert.is(sarif.runs.length, 1);
  assert.match(runCli(['-f', 'compact', 'fixtures/examples']).stdout, /sysprep-unattend\.xml:\d+:\d+: /);
  assert.match(runCli(['-f', 'github', 'fixtures/examples']).stdout, /^::error file=/m);
  const bad = runCli(['-f', 'xml', 'fixtures/examples']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /unknown format "xml"/);
  assert.not.match(bad.stderr, /did you mean/);
  // Near misses get the nearest name, as ESLint does for options.
  for (const [args, hint] of [
    [['-f', 'sarf'], 'unknown format "sarf"; use text, compact, json, sarif, github, gitlab, checkstyle or junit; did you mean "sarif"?'],
    [['-f', 'JSON'], 'did you mean "json"?'],
    [['-f', 'stylish'], 'did you mean "text" (ESLint\'s stylish layout)?'],
    [['--quite'], "Unknown option '--quite'; did you mean \"--quiet\"?"],
    [['--max-warning', '0'], 'did you mean "--max-warnings"?'],
  ] as const) {
    const r = runCli([...args, 'fixtures/examples']);
    assert.is(r.code, 2, args.join(' '));
    assert.ok(r.stderr.includes(hint), r.stderr);
  }
  assert.not.match(runCli(['--xyzzy', 'fixtures/examples']).stderr, /did you mean/);
});

test('colour: off when piped, on with --color or FORCE_COLOR, off with --no-color and NO_COLOR', () => {
  const esc = /\x1b\[/;
  assert.not.match(runCli(['fixtures/examples']).stdout, esc);
  assert.match(runCli(['--color', 'fixtures/examples']).stdout, esc);
  assert.match(runCli(['fixtures/examples'], { env: { FORCE_COLOR: '1' } }).stdout, esc);
  assert.not.match(runCli(['--no-color', 'fixtures/examples'], { env: { FORCE_COLOR: '1' } }).stdout, esc);
  assert.not.match(runCli(['fixtures/examples'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout, esc);
});

test('--output-file writes the report; an unwritable one is exit 2', () => {
  const dir = tempTree({ 'unattend.xml': BROKEN, 'blocker': 'a file, not a directory' });
  const r = runCli(['-o', 'out/report.json', '-f', 'json', 'unattend.xml'], { cwd: dir });
  assert.is(r.code, 1);
  assert.is(r.stdout, '');
  assert.ok(existsSync(join(dir, 'out', 'report.json')));
  const bad = runCli(['-o', 'blocker/report.json', 'unattend.xml'], { cwd: dir });
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /cannot write the report to .*blocker/);
});

test('--max-warnings and --quiet', () => {
  const dir = tempTree({ 'unattend.xml': WITH_WARNING });
  const plain = runCli(['-f', 'json', 'unattend.xml'], { cwd: dir });
  const warnings = (JSON.parse(plain.stdout) as { warningCount: number }[])[0]!.warningCount;
  assert.ok(warnings > 0, 'fixture has a warning');
  assert.is(plain.code, 0);
  assert.is(runCli(['--max-warnings', '0', 'unattend.xml'], { cwd: dir }).code, 1);
  assert.is(runCli(['--max-warnings', String(warnings), 'unattend.xml'], { cwd: dir }).code, 0);
  assert.is(runCli(['--max-warnings', 'lots', 'unattend.xml'], { cwd: dir }).code, 2);
  assert.is(runCli(['--quiet', 'unattend.xml'], { cwd: dir }).stdout, '');
  // --quiet counts no warnings (ESLint 9); -1 is no limit; below it is a usage error.
  const quiet = runCli(['--quiet', '--max-warnings', '0', 'unattend.xml'], { cwd: dir });
  assert.equal([quiet.code, quiet.stdout, quiet.stderr], [0, '', '']);
  assert.is(runCli(['--max-warnings=-1', 'unattend.xml'], { cwd: dir }).code, 0);
  assert.is(runCli(['--max-warnings=-2', 'unattend.xml'], { cwd: dir }).code, 2);
});

test('bad config: missing --config file, invalid JSON, unknown rule → exit 2 naming the file', () => {
  const dir = tempTree({ 'unattend.xml': CLEAN, 'bad/.unattendlintrc.json': '{ "rules": ', 'bad/unattend.xml': CLEAN, 'unk/.unattendlintrc.json': '{"rules":{"no-such-rule":"error"}}', 'unk/unattend.xml': CLEAN });
  const missing = runCli(['-c', 'nope.json', 'unattend.xml'], { cwd: dir });
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /nope\.json/);
  const invalid = runCli(['bad/unattend.xml'], { cwd: dir });
  assert.is(invalid.code, 2);
  assert.match(invalid.stderr, /\.unattendlintrc\.json/);
  const unknown = runCli(['unk/unattend.xml'], { cwd: dir });
  assert.is(unknown.code, 2);
  assert.match(unknown.stderr, /no-such-rule/);
  const cliRule = runCli(['--rule', 'nope: error', 'unattend.xml'], { cwd: dir });
  assert.is(cliRule.code, 2);
  for (const r of [missing, invalid, unknown, cliRule]) assert.not.ok(hasStack(r.stderr), r.stderr);
});

test('a config whose loading never finishes (a top-level await that never settles) is exit 2 with one line, not a silent pass', () => {
  const dir = tempTree({ 'unattend.xml': CLEAN, 'unattendlint.config.mjs': 'await new Promise(() => {});\nexport default {};\n' });
  const r = runCli(['unattend.xml'], { cwd: dir, timeout: 60_000 });
  assert.is(r.code, 2, r.stderr);
  assert.is(r.stdout, '');
  assert.equal(r.stderr.split('\n').filter(Boolean), [
    'unattend-lint: the run stopped before it had a result: something it waited for can never finish (a config file or plugin whose loading waits on a promise that never settles)',
  ]);
});

test('an unknown settings.targetVersion is a configuration error naming the file, not a crash', () => {
  const dir = tempTree({ 'unattend.xml': CLEAN, '.unattendlintrc.json': '{"settings":{"targetVersion":"windows-10-2004"}}' });
  const r = runCli(['unattend.xml'], { cwd: dir });
  assert.is(r.code, 2);
  assert.match(r.stderr, /\.unattendlintrc\.json: settings\.targetVersion "windows-10-2004" is not a Windows release/);
  assert.not.match(r.stderr, /crashed|internal error/);
  const ok = tempTree({ 'unattend.xml': CLEAN, '.unattendlintrc.json': '{"settings":{"targetVersion":"windows-11-24h2"}}' });
  assert.is(runCli(['unattend.xml'], { cwd: ok }).code, 0);
});

test('--rule turns a rule off; --print-config shows it; --no-config-lookup ignores config files', () => {
  const dir = tempTree({ 'unattend.xml': BROKEN.replace('versionScope="nonSxS"', 'versionScope="nonSxS" language="neutral"'), '.unattendlintrc.json': '{"rules":{"envelope":"off"}}' });
  const printed = JSON.parse(runCli(['--print-config', 'unattend.xml', '--rule', 'pass-name: warn'], { cwd: dir }).stdout) as { rules: Record<string, unknown[]> };
  assert.equal(printed.rules['envelope']?.[0], 'off');
  assert.equal(printed.rules['pass-name']?.[0], 'warn');
  const noLookup = JSON.parse(runCli(['--print-config', 'unattend.xml', '--no-config-lookup'], { cwd: dir }).stdout) as { rules: Record<string, unknown[]> };
  assert.equal(noLookup.rules['envelope']?.[0], 'error');
  // One file, as ESLint requires: a second is a usage error, not silently ignored.
  const two = runCli(['--print-config', 'unattend.xml', 'other.xml'], { cwd: dir });
  assert.is(two.code, 2);
  assert.match(two.stderr, /--print-config takes one file/);
});

test('--list-rules as text and JSON', () => {
  const text = runCli(['--list-rules']);
  assert.is(text.code, 0);
  assert.match(text.stdout, /^envelope\s+error\s+correctness\s+/m);
  const json = JSON.parse(runCli(['--list-rules', '--format', 'json']).stdout) as { id: string; docsUrl: string }[];
  assert.ok(json.some((r) => r.id === 'pass-name' && r.docsUrl.endsWith('/rules/pass-name.md')));
});

test('bad input never crashes: every parser fixture in one run gets a result, exit 1, no stack', () => {
  const r = runCli(['-f', 'json', 'fixtures/parser/'].concat([]), {});
  assert.is(r.code, 1, r.stderr);
  assert.not.ok(hasStack(r.stderr));
  const results = JSON.parse(r.stdout) as { filePath: string; fatalErrorCount: number; messages: { line: number; column: number }[] }[];
  const byName = new Map(results.map((x) => [x.filePath.replace(/^.*[\\/]/, ''), x]));
  for (const name of ['bad-truncated.xml', 'bad-mismatched-tags.xml', 'bad-entity-expansion.xml', 'bad-ampersand.xml', 'bad-invalid-utf8.xml']) {
    const res = byName.get(name);
    assert.ok(res, `${name} linted`);
    assert.is(res!.fatalErrorCount, 1, name);
    assert.ok(res!.messages[0]!.line >= 1 && res!.messages[0]!.column >= 1);
  }
  for (const name of ['ok-utf8.xml', 'ok-utf16le.xml', 'ok-utf16be.xml', 'ok-cr-only.xml', 'bad-utf16-bom-declares-utf8.xml']) {
    assert.is(byName.get(name)?.fatalErrorCount, 0, name);
  }
});

test('empty and binary files named explicitly give a fatal diagnostic, exit 1', () => {
  const r = runCli(['-f', 'json', 'fixtures/parser/bad-empty.xml', 'fixtures/parser/bad-binary.xml']);
  assert.is(r.code, 1);
  const results = JSON.parse(r.stdout) as { fatalErrorCount: number }[];
  assert.equal(results.map((x) => x.fatalErrorCount), [1, 1]);
});

/** Commands that carry a password, each shape of them (src/engine/secrets.ts), and the password each carries. */
const COMMANDS = [
  'net.exe user /add deploy Cmd-Pw-Net1', 'C:\\Windows\\System32\\net.exe user deploy /add Cmd-Pw-Net2',
  'net use Z: \\\\srv\\share Cmd-Pw-Use3 /user:CORP\\svc', 'cmdkey /add:srv /user:bob /pass:Cmd-Pw-Key4',
  'ConvertTo-SecureString -AsPlainText -Force -String Cmd-Pw-Sec5', "$s = 'Cmd-Pw-Pipe6' | ConvertTo-SecureString -AsPlainText -Force",
  'New-LocalUser x -Password (ConvertTo-SecureString Cmd-Pw-Sub7 -AsPlainText -Force)',
  'reg add HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon /v DefaultPassword /t REG_SZ /d Cmd-Pw-Reg8 /f',
  'schtasks /create /tn t /tr x /ru CORP\\svc /rp Cmd-Pw-Task9', 'psexec \\\\host -u admin -p Cmd-Pw-Exec10 cmd',
  'ConvertTo-SecureString -String &quot;Cmd-Pw-Ent11&quot;', 'net use \\\\srv\\share /user:bob Cmd-Pw-Use12', 'tool -Password:Cmd-Pw-Colon13',
  'reg add HKLM\\x /d Cmd-Pw-Reg14 /v DefaultPassword /f',
];
const COMMAND_SECRETS = COMMANDS.map((c) => /Cmd-Pw-\w+/.exec(c)![0]);

test('credentials outside password elements (product keys, command-line passwords) never reach any output', () => {
  const leaky = CLEAN.replace('<ComputerName>*</ComputerName>', '<ComputerName>*</ComputerName><ComputerName>x</ComputerName>')
    .replace('publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">\n      <ComputerName>', 'publicKeyToken="VK7JG-NPHTM-C97JM-9MPGT-3V66T" language="neutral" versionScope="nonSxS">\n      <ComputerName>')
    .replace('<TimeZone>UTC</TimeZone>', '<TimeZone>UTC</TimeZone><RunSynchronous><RunSynchronousCommand><Order>1</Order><Path>cmd /c net user deploy Hunter2-Secret /add &amp;&amp; slmgr /ipk W269N-WFGWX-YVC9B-4J6C9-T83GX</Path></RunSynchronousCommand>' +
      // One command a line, each line with a finding (the template token), so that code frames and snippets show it.
      COMMANDS.map((c, i) => `\n<RunSynchronousCommand><Order>${i + 2}</Order><Path>${c} {{ token }}</Path></RunSynchronousCommand>`).join('') +
      '</RunSynchronous>');
  const dir = tempTree({ 'unattend.xml': leaky });
  for (const f of ['text', 'json', 'sarif', 'compact', 'github', 'gitlab']) {
    const r = runCli(['-f', f, '--color', 'unattend.xml'], { cwd: dir });
    assert.is(r.code, 1, f);
    for (const secret of ['VK7JG-NPHTM', 'Hunter2-Secret', 'W269N-WFGWX', ...COMMAND_SECRETS]) assert.not.ok(r.stdout.includes(secret), `${f} shows ${secret}`);
  }
});

test('a plugin loaded from config runs through the engine (sample plugin in fixtures/config)', () => {
  const r = runCli(['-f', 'json', 'fixtures/config/plugin/autounattend.xml']);
  assert.is(r.code, 0, r.stderr);
  const [res] = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; severity: number }[] }[];
  const text = readFileSync(join(FIXTURES, 'config', 'plugin', 'autounattend.xml'), 'utf8');
  const markerLine = text.split('\n').findIndex((l) => l.includes('expect: plugin-sample/registered-organization')) + 1;
  assert.equal(res!.messages.map((m) => [m.ruleId, m.line, m.severity]), [['plugin-sample/registered-organization', markerLine, 1]]);
  const listed = JSON.parse(runCli(['--list-rules', '-f', 'json'], { cwd: join(FIXTURES, 'config', 'plugin') }).stdout) as { id: string }[];
  assert.ok(listed.some((x) => x.id === 'plugin-sample/registered-organization'));
});

test('an exception inside a rule is an internal error naming rule, file and position: exit 2, stack only with --debug', () => {
  const dir = tempTree({
    'boom.js': `export default { rules: [{ meta: { id: 'boom', summary: 'Boom', category: 'style', severity: 'error', messages: {} }, create: () => ({ onComponent() { throw new Error('kaput'); } }) }] };`,
    '.unattendlintrc.json': '{"plugins": ["./boom.js"], "rules": {"boom/boom": "error"}}',
    'unattend.xml': CLEAN,
    'z/unattend.xml': CLEAN,
    'z/.unattendlintrc.json': '{}',
  });
  const r = runCli(['-f', 'json', 'unattend.xml', 'z/unattend.xml'], { cwd: dir });
  assert.is(r.code, 2);
  assert.match(r.stderr, /internal error: rule "boom\/boom" crashed on .*unattend\.xml:5:5: kaput/);
  assert.not.ok(hasStack(r.stderr));
  assert.is((JSON.parse(r.stdout) as unknown[]).length, 1, 'the other file is still linted');
  const debug = runCli(['--debug', 'unattend.xml'], { cwd: dir });
  assert.ok(hasStack(debug.stderr), 'stack with --debug');
});

test.run();
