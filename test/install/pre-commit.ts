// The hooks of .pre-commit-hooks.yaml through the real pre-commit: installed from this checkout at HEAD (as users'
// `repo:` + `rev:` do, on a fresh PRE_COMMIT_HOME), they fail on a broken answer file and pass on a clean one.
// Needs pre-commit on PATH and the npm registry (pre-commit installs the hook repository's devDependencies);
// .ci/run provides pre-commit through .ci/ensure-pre-commit, which says why when it cannot.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FIXTURES, ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

const skip = process.env['UNATTEND_LINT_SKIP_PRE_COMMIT'];
const found = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });

const sh = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 16 * 1024 * 1024 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

/** A throwaway git repository holding the given files (staged) and a config using `hooks` of this checkout at HEAD. */
function project(files: Record<string, string>, hooks: string[]): string {
  const dir = tempDir('unattend-lint-pre-commit-');
  for (const [rel, from] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    copyFileSync(from, join(dir, rel));
  }
  const rev = sh('git', ['rev-parse', 'HEAD'], ROOT).out.trim();
  const config = ['repos:', `  - repo: ${JSON.stringify(ROOT)}`, `    rev: ${rev}`, '    hooks:', ...hooks.map((id) => `      - id: ${id}`), ''];
  writeFileSync(join(dir, '.pre-commit-config.yaml'), config.join('\n'));
  for (const args of [['init', '-q'], ['add', '-A']]) assert.is(sh('git', args, dir).code, 0);
  return dir;
}

const BROKEN = join(FIXTURES, 'examples', 'sysprep-unattend.xml');
const CLEAN = join(FIXTURES, 'examples', 'autounattend-uefi.xml');
const NOT_ANSWER = join(ROOT, 'test', 'install', 'not-an-answer-file.xml');

if (found.status !== 0 && skip) {
  console.log(`SKIPPED: the pre-commit hook test: ${skip}`);
} else {
  // One PRE_COMMIT_HOME for the file: the hook environment is installed once, by the first run.
  const home = tempDir('unattend-lint-pre-commit-home-');
  const preCommit = (dir: string, args: string[]) => sh('pre-commit', args, dir, { PRE_COMMIT_HOME: home });

  test('pre-commit is on PATH (.ci/ensure-pre-commit installs it)', () => {
    assert.is(found.status, 0, `pre-commit not found: ${found.error?.message ?? found.stderr}`);
  });

  test('hook unattend-lint installs, fails on a broken *unattend*.xml (any case) and passes on a clean one', () => {
    const dir = project({ 'images/Sysprep-Unattend.xml': BROKEN, 'Autounattend.xml': CLEAN, 'pom.xml': NOT_ANSWER }, ['unattend-lint']);
    const all = preCommit(dir, ['run', '--all-files']);
    assert.is(all.code, 1, all.out);
    assert.match(all.out, /unattend-lint\.+Failed/);
    assert.match(all.out, /images\/Sysprep-Unattend\.xml/);
    assert.match(all.out, /pass "oobesystem" is not a configuration pass/);
    assert.not.match(all.out, /Autounattend\.xml|pom\.xml/);
    const clean = preCommit(dir, ['run', '--files', 'Autounattend.xml', 'pom.xml']);
    assert.is(clean.code, 0, clean.out);
    assert.match(clean.out, /unattend-lint\.+Passed/);
  });

  test('hook unattend-lint-xml lints XML files with an <unattend> root whatever their name, and skips other XML', () => {
    const dir = project({ 'lab/answer.xml': BROKEN, 'lab/ok.xml': CLEAN, 'pom.xml': NOT_ANSWER }, ['unattend-lint-xml']);
    const all = preCommit(dir, ['run', '--all-files']);
    assert.is(all.code, 1, all.out);
    assert.match(all.out, /unattend-lint \(answer files of any name\)\.+Failed/);
    assert.match(all.out, /lab\/answer\.xml/);
    assert.not.match(all.out, /pom\.xml|lab\/ok\.xml/);
    assert.is(sh('git', ['rm', '-q', '-f', 'lab/answer.xml'], dir).code, 0);
    const clean = preCommit(dir, ['run', '--all-files']);
    assert.is(clean.code, 0, clean.out);
    assert.match(clean.out, /Passed/);
  });
}

test.run();
