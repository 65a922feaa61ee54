// Failure paths of a run: unreadable files and directories, special files, symbolic link loops, files that disappear
// during the walk, a report that cannot be written. Each is one line on stderr naming the path and exit 2, and the
// other files are still linted and reported.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CLI, runCli, tempTree, hasStack, type CliRun } from './helpers/cli.js';
import { FIXTURES } from './helpers/paths.js';
import { WHOLE_BYTES } from '../src/files.js';

// An answer file with findings (exit 1 on its own).
const BAD = readFileSync(join(FIXTURES, 'examples', 'sysprep-unattend.xml'), 'utf8');
// A fixable finding (value-case), nothing else.
const CLEAN = readFileSync(join(FIXTURES, 'examples', 'autounattend-uefi.xml'), 'utf8');
const FIXABLE = CLEAN.replace('<TimeZone>UTC</TimeZone>', '<TimeZone>utc</TimeZone>');
// A walk that follows a loop would never end: each run that could is killed after this long.
const TIMEOUT = 60_000;

/** The one-line messages on stderr, without the tool name. */
const problems = (r: CliRun): string[] => r.stderr.split('\n').filter((l) => l.startsWith('unattend-lint: ')).map((l) => l.slice('unattend-lint: '.length));

/** The files the JSON report holds, relative to the tree and with "/", in report order. */
const linted = (r: CliRun, dir: string): string[] => (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => relative(dir, f.filePath).split('\\').join('/'));

/** Checks what every failure path promises: exit 2, these lines and no others on stderr, no stack trace. */
function failsWith(r: CliRun, lines: string[]): void {
  assert.is(r.code, 2, r.stderr);
  assert.equal(problems(r), lines);
  assert.is(r.stderr.split('\n').filter(Boolean).length, lines.length, r.stderr);
  assert.not.ok(hasStack(r.stderr));
}

/**
 * Who can be stopped by a file's permissions: this user, or, when the tests run as root (whom permissions never stop),
 * the "nobody" user when root can switch to it; undefined when it cannot.
 */
function unprivileged(dir: string): { uid?: number; gid?: number } | undefined {
  if (process.getuid?.() !== 0) return {};
  chmodSync(dir, 0o755);
  const as = { uid: 65534, gid: 65534 };
  return runCli(['--version'], { cwd: dir, ...as }).code === 0 ? as : undefined;
}

test('an unreadable file or directory: exit 2, one line naming each, the other files reported', () => {
  const dir = tempTree({ 'a/unattend.xml': BAD, 'locked/unattend.xml': BAD, 'secret-unattend.xml': BAD, 'z/unattend.xml': BAD, 'fix/unattend.xml': FIXABLE, 'ok/unattend.xml': CLEAN });
  chmodSync(join(dir, 'secret-unattend.xml'), 0o000);
  chmodSync(join(dir, 'fix', 'unattend.xml'), 0o444);
  chmodSync(join(dir, 'locked'), 0o000);
  try {
    const as = unprivileged(dir);
    if (!as) {
      // Root that cannot switch users reads every file whatever its mode: the run lints them all.
      console.log('  (running as root without a user to switch to: permissions do not stop reads; the EISDIR and ENOENT tests cover failed reads)');
      const r = runCli(['-f', 'json'], { cwd: dir });
      assert.is(r.code, 1, r.stderr);
      assert.equal(linted(r, dir), ['a/unattend.xml', 'fix/unattend.xml', 'locked/unattend.xml', 'ok/unattend.xml', 'secret-unattend.xml', 'z/unattend.xml']);
      return;
    }
    const walked = runCli(['-f', 'json'], { cwd: dir, ...as });
    failsWith(walked, ['cannot list the directory locked: permission denied (EACCES)', 'cannot read secret-unattend.xml: permission denied (EACCES)']);
    assert.equal(linted(walked, dir), ['a/unattend.xml', 'fix/unattend.xml', 'ok/unattend.xml', 'z/unattend.xml']);
    // A fix that cannot be written back is one line as well, the file is left as it was, and its findings (of what
    // it still says) are reported.
    const fix = runCli(['--fix', '-f', 'json', 'fix', 'ok'], { cwd: dir, ...as });
    failsWith(fix, ['cannot write the fixed fix/unattend.xml: permission denied (EACCES)']);
    assert.equal(linted(fix, dir), ['fix/unattend.xml', 'ok/unattend.xml']);
    const unfixed = (JSON.parse(fix.stdout) as { filePath: string; messages: { ruleId: string }[] }[]).find((f) => f.filePath.endsWith(join('fix', 'unattend.xml')))!;
    assert.equal(unfixed.messages.map((m) => m.ruleId), ['value-case']);
    // Only files that fail: they are said, and no "every file is ignored" besides.
    failsWith(runCli(['--fix', '-f', 'json', 'fix'], { cwd: dir, ...as }), ['cannot write the fixed fix/unattend.xml: permission denied (EACCES)']);
    assert.is(readFileSync(join(dir, 'fix', 'unattend.xml'), 'utf8'), FIXABLE);
    const named = runCli(['-f', 'json', 'z/unattend.xml', 'secret-unattend.xml', 'a/unattend.xml'], { cwd: dir, ...as });
    failsWith(named, ['cannot read secret-unattend.xml: permission denied (EACCES)']);
    assert.equal(linted(named, dir), ['a/unattend.xml', 'z/unattend.xml']);
    // An unreadable place the config ignores is ignored like any file there.
    const ignored = runCli(['-f', 'json', '--ignore-pattern', 'locked/**', '--ignore-pattern', 'secret-*'], { cwd: dir, ...as });
    assert.is(ignored.code, 1, ignored.stderr);
    assert.equal(linted(ignored, dir), ['a/unattend.xml', 'fix/unattend.xml', 'ok/unattend.xml', 'z/unattend.xml']);
  } finally {
    chmodSync(join(dir, 'locked'), 0o755);
  }
});

test('a FIFO is never opened: named, it is one line and exit 2; walked, it is skipped; a path through a file is ENOTDIR', () => {
  const dir = tempTree({ 'a/unattend.xml': BAD });
  const mkfifo = spawnSync('mkfifo', [join(dir, 'pipe-unattend.xml')]);
  assert.is(mkfifo.status, 0, String(mkfifo.stderr));
  const named = runCli(['-f', 'json', 'pipe-unattend.xml', 'a/unattend.xml/more.xml', 'a/unattend.xml'], { cwd: dir, timeout: TIMEOUT });
  failsWith(named, [
    'cannot read pipe-unattend.xml: it is not a regular file or a directory',
    'cannot read a/unattend.xml/more.xml: a part of its path is not a directory (ENOTDIR)',
  ]);
  assert.equal(linted(named, dir), ['a/unattend.xml']);
  const walked = runCli(['-f', 'json'], { cwd: dir, timeout: TIMEOUT });
  assert.is(walked.code, 1, walked.stderr);
  assert.is(walked.stderr, '');
  assert.equal(linted(walked, dir), ['a/unattend.xml']);
});

test('symbolic link loops end the walk with one line each and exit 2; every real file is linted once', () => {
  const outside = tempTree({ 'unattend.xml': BAD });
  const dir = tempTree({ 'a/unattend.xml': BAD, 'b/unattend.xml': BAD, 'd/sub/unattend.xml': BAD });
  symlinkSync('../b', join(dir, 'a', 'tob')); // a → b → a
  symlinkSync('../a', join(dir, 'b', 'toa'));
  symlinkSync('../..', join(dir, 'd', 'sub', 'up')); // a link to its own grandparent
  symlinkSync('x2', join(dir, 'x1')); // links to each other: nothing to resolve (ELOOP)
  symlinkSync('x1', join(dir, 'x2'));
  symlinkSync(outside, join(dir, 'ext')); // followed: a directory outside the tree
  symlinkSync('a/unattend.xml', join(dir, 'link-unattend.xml')); // followed: a file, linted under the link's name
  const loop = (p: string) => `${p} is a symbolic link loop: it leads back to a directory that holds it; remove the link or ignore it (each directory is linted once)`;
  const r = runCli(['-f', 'json'], { cwd: dir, timeout: TIMEOUT });
  failsWith(r, [loop('a/tob'), loop('b/toa'), loop('d/sub/up'), 'cannot read x1: a loop of symbolic links (ELOOP)', 'cannot read x2: a loop of symbolic links (ELOOP)']);
  assert.equal(linted(r, dir), ['a/unattend.xml', 'b/unattend.xml', 'd/sub/unattend.xml', 'ext/unattend.xml', 'link-unattend.xml']);
  // Walking below the loop's target: the link still leads back to a directory that holds it.
  const sub = runCli(['-f', 'json', 'd'], { cwd: dir, timeout: TIMEOUT });
  failsWith(sub, [loop('d/sub/up')]);
  assert.equal(linted(sub, dir), ['d/sub/unattend.xml']);
  // Loops where the config ignores them are not reported.
  const ignored = runCli(['-f', 'json', '--ignore-pattern', 'd/**', '--ignore-pattern', 'x?', '--ignore-pattern', 'b/**'], { cwd: dir, timeout: TIMEOUT });
  failsWith(ignored, [loop('a/tob')]);
  assert.equal(linted(ignored, dir), ['a/unattend.xml', 'ext/unattend.xml', 'link-unattend.xml']);
});

test('a file that disappears during the walk, or becomes a directory, is one line and exit 2; the others are reported', () => {
  // The walk keeps the bytes of small files it reads whole (those are linted as the walk read them): these two are
  // larger, so they are read again when linted.
  const large = BAD.replace('</unattend>', `<!-- ${'x'.repeat(WHOLE_BYTES)} --></unattend>`);
  const dir = tempTree({
    'a-unattend.xml': BAD,
    'gone/unattend.xml': large,
    'late/unattend.xml': large,
    'kept/unattend.xml': BAD,
    // Runs when the config is loaded: after the walk listed the files, before they are read.
    'unattendlint.config.mjs': [
      "import { mkdirSync, rmSync } from 'node:fs';",
      'const here = (p) => new URL(p, import.meta.url);',
      "rmSync(here('gone/unattend.xml'), { force: true });",
      "rmSync(here('kept/unattend.xml'), { force: true });",
      "rmSync(here('late/unattend.xml'), { recursive: true, force: true });",
      "mkdirSync(here('late/unattend.xml'));",
      'export default {};',
    ].join('\n'),
  });
  // Listed by the walk but not there when followed; a dangling link with a name the walk does not take is no problem.
  symlinkSync('missing.xml', join(dir, 'dangling-unattend.xml'));
  symlinkSync('nowhere', join(dir, 'notes'));
  const r = runCli(['-f', 'json'], { cwd: dir, timeout: TIMEOUT });
  failsWith(r, [
    'cannot read dangling-unattend.xml: a symbolic link to missing.xml, which does not exist (ENOENT)',
    'cannot read gone/unattend.xml: it no longer exists (ENOENT)',
    'cannot read late/unattend.xml: it is a directory (EISDIR)',
  ]);
  // A small file gone after the walk read it whole is linted as it was read.
  assert.equal(linted(r, dir), ['a-unattend.xml', 'kept/unattend.xml']);
  const named = runCli(['-f', 'json', 'dangling-unattend.xml', 'a-unattend.xml'], { cwd: dir });
  failsWith(named, ['cannot read dangling-unattend.xml: a symbolic link to missing.xml, which does not exist (ENOENT)']);
});

test('a report that cannot be written: one line, exit 2, the whole report on standard output, no partial file', () => {
  const dir = tempTree({ 'unattend.xml': BAD, 'blocker': 'a file, not a directory', 'outdir/keep': '' });
  const report = runCli(['-f', 'sarif', 'unattend.xml'], { cwd: dir });
  assert.is(report.code, 1, report.stderr);
  const cases: [string, string][] = [
    ['outdir', 'it is a directory (EISDIR)'],
    ['blocker/report.sarif', 'a part of its path is not a directory (ENOTDIR)'],
    // A symbolic link to nothing where a directory of the path should be: it cannot be made there.
    ['dangling/out/report.sarif', 'a part of its path is not a directory (ENOTDIR)'],
  ];
  symlinkSync(join(dir, 'missing-target'), join(dir, 'dangling'));
  for (const [out, reason] of cases) {
    const r = runCli(['-f', 'sarif', '-o', out, 'unattend.xml'], { cwd: dir, timeout: TIMEOUT });
    failsWith(r, [`cannot write the report to ${out}: ${reason}; it went to standard output instead`]);
    assert.is(r.stdout, report.stdout);
  }
  // A file size limit lets the first kilobyte through and then refuses: what was written is removed.
  assert.ok(report.stdout.length > 4096);
  const limited = spawnSync('bash', ['-c', 'ulimit -f 1; exec "$0" "$@"', process.execPath, CLI, '-f', 'sarif', '-o', 'big.sarif', 'unattend.xml'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  const r = { code: limited.status ?? -1, stdout: limited.stdout, stderr: limited.stderr };
  failsWith(r, ['cannot write the report to big.sarif: over the file size limit (EFBIG); it went to standard output instead']);
  assert.is(r.stdout, report.stdout);
  assert.not.ok(existsSync(join(dir, 'big.sarif')));
  if (process.platform === 'linux') {
    // A device that is always full: the report goes to standard output, and the device is left alone.
    const full = runCli(['-f', 'sarif', '-o', '/dev/full', 'unattend.xml'], { cwd: dir });
    failsWith(full, ['cannot write the report to /dev/full: no space left on the device (ENOSPC); it went to standard output instead']);
    assert.is(full.stdout, report.stdout);
    assert.ok(existsSync('/dev/full'));
    // A kernel file: as root it opens for writing, refuses the write, and cannot be removed; as another user it does
    // not open. Either way the report goes to standard output with the reason, and nothing else breaks.
    const proc = runCli(['-f', 'sarif', '-o', '/proc/version', 'unattend.xml'], { cwd: dir });
    assert.is(proc.code, 2, proc.stderr);
    assert.equal(problems(proc).length, 1, proc.stderr);
    assert.match(problems(proc)[0]!, /^cannot write the report to \/proc\/version: .*; it went to standard output instead$/);
    assert.is(proc.stdout, report.stdout);
    assert.ok(existsSync('/proc/version'));
    // A directory the kernel will not make (it answers ENOENT under an existing parent): Node's recursive mkdir
    // never returns there, so this run would be killed after TIMEOUT rather than end.
    const procDir = runCli(['-f', 'sarif', '-o', '/proc/unattend-lint-none/report.sarif', 'unattend.xml'], { cwd: dir, timeout: TIMEOUT });
    failsWith(procDir, ['cannot write the report to /proc/unattend-lint-none/report.sarif: its directory does not exist and cannot be made (ENOENT); it went to standard output instead']);
    assert.is(procDir.stdout, report.stdout);
  }
});

test('a suppressions file that cannot be written: one line naming it and why, exit 2', () => {
  const dir = tempTree({ 'unattend.xml': BAD, 'blocker': 'a file, not a directory' });
  const blocked = runCli(['--suppress-all', '--suppressions-location', 'blocker/s.json', 'unattend.xml'], { cwd: dir, timeout: TIMEOUT });
  failsWith(blocked, [`cannot write ${join(dir, 'blocker', 's.json')}: a part of its path is not a directory (ENOTDIR)`]);
  // Made where it can be, parents included.
  const made = runCli(['--suppress-all', '--suppressions-location', 'new/dir/s.json', 'unattend.xml'], { cwd: dir, timeout: TIMEOUT });
  assert.is(made.code, 0, made.stderr);
  assert.ok(existsSync(join(dir, 'new', 'dir', 's.json')));
  if (process.platform === 'linux') {
    const proc = runCli(['--suppress-all', '--suppressions-location', '/proc/unattend-lint-none/s.json', 'unattend.xml'], { cwd: dir, timeout: TIMEOUT });
    failsWith(proc, ['cannot write /proc/unattend-lint-none/s.json: its directory does not exist and cannot be made (ENOENT)']);
  }
});

test('a reader that closes the pipe early gets no stack trace, and the exit code is the verdict', () => {
  const dir = tempTree({ 'unattend.xml': BAD });
  const r = spawnSync('bash', ['-c', '"$0" "$@" | head -c 10 >/dev/null; exit "${PIPESTATUS[0]}"', process.execPath, CLI, '-f', 'sarif', 'unattend.xml'], { cwd: dir, encoding: 'utf8' });
  assert.is(r.stderr, '');
  assert.is(r.status, 1);
});

test('standard output that cannot be written (a full disk): one line naming why, exit 2, no stack trace', () => {
  const dir = tempTree({ 'unattend.xml': BAD });
  // /dev/full answers every write with ENOSPC (Linux, where CI runs).
  assert.ok(existsSync('/dev/full'), 'this test needs /dev/full');
  for (const format of ['sarif', 'json', 'text']) {
    const r = spawnSync('bash', ['-c', '"$0" "$@" >/dev/full', process.execPath, CLI, '-f', format, 'unattend.xml'], { cwd: dir, encoding: 'utf8' });
    assert.is(r.status, 2, format);
    assert.is(r.stderr, 'unattend-lint: cannot write the report to standard output: no space left on the device (ENOSPC)\n', format);
  }
});

test.run();
