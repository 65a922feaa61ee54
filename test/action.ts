// action.yml's lint step run as the runner runs a composite bash step: its `run` and `env` taken from action.yml with
// the inputs filled in, in a workspace of answer files, with temporary GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runCli, tempTree } from './helpers/cli.js';
import { FIXTURES, ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
const ACTION = yaml.load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const LINT = ACTION.runs.steps.find((s) => s.id === 'lint')!;

const CLEAN = readFileSync(join(FIXTURES, 'examples', 'autounattend-uefi.xml'), 'utf8');
const BROKEN = readFileSync(join(FIXTURES, 'examples', 'sysprep-unattend.xml'), 'utf8');
const SECRET = 'Hunter2';
/** The broken example with an AutoLogon password holding a placeholder (quoted by a finding) beside a secret. */
const WITH_SECRET = BROKEN.replace(
  '<TimeZone>UTC</TimeZone>',
  `<TimeZone>UTC</TimeZone>\n      <AutoLogon><Enabled>true</Enabled><Username>admin</Username><Password><Value>${SECRET}-{{ pw }}</Value><PlainText>maybe</PlainText></Password></AutoLogon>`,
);
/** Only warnings: list items without wcm:action. */
const WARNINGS_ONLY = CLEAN.replace(/ wcm:action="add"/g, '');

/** `${{ inputs.name }}` filled in; anything else the runner would evaluate is a test failure. */
function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    const m = /^inputs\.([\w-]+)$/.exec(expr);
    assert.ok(m && m[1]! in ACTION.inputs, `unexpected expression \${{ ${expr} }} in the lint step`);
    return inputs[m![1]!] ?? '';
  });
}

function runLintStep(files: Record<string, string>, given: Record<string, string> = {}) {
  const workspace = tempTree(files);
  // Beside the workspace, as the runner keeps them, in a directory removed with the other temporary ones.
  const summaryFile = join(tempDir('unattend-lint-runner-'), 'step-summary.md');
  const outputFile = `${summaryFile}.out`;
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const inputs = { ...Object.fromEntries(Object.entries(ACTION.inputs).map(([k, v]) => [k, v.default ?? ''])), ...given };
  const stepEnv = Object.fromEntries(Object.entries(LINT.env ?? {}).map(([k, v]) => [k, expand(String(v), inputs)]));
  // The runner's command line for `shell: bash`.
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', LINT.run!], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'],
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      ...stepEnv,
    },
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { code: r.status, log: `${r.stdout}${r.stderr}`, summary: readFileSync(summaryFile, 'utf8'), outputs, workspace };
}

test('action.yml: a composite action whose outputs are the lint step outputs, uploading SARIF even after a failed lint', () => {
  assert.is(ACTION.runs.using, 'composite');
  assert.is(LINT.shell, 'bash');
  for (const name of ['paths', 'config', 'format', 'sarif-file', 'upload-sarif', 'category', 'fail-level']) assert.ok(name in ACTION.inputs, name);
  for (const [name, { value }] of Object.entries(ACTION.outputs)) assert.is(value, `\${{ steps.lint.outputs.${name} }}`);
  const upload = ACTION.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
  assert.ok(upload, 'an upload-sarif step');
  assert.match(upload.if!, /^always\(\) && inputs\.upload-sarif == 'true' && steps\.lint\.outputs\.sarif-file != ''/);
  assert.is(upload.with!['sarif_file'], '${{ steps.lint.outputs.sarif-file }}');
  assert.is(upload.with!['category'], '${{ inputs.category }}');
  // Actions it uses are pinned to a commit.
  for (const step of ACTION.runs.steps) if (step.uses) assert.match(step.uses, /@[0-9a-f]{40}$/, step.uses);
});

test('broken answer file: the step fails, outputs count the findings, the summary lists rules and the worst findings, no secret', () => {
  const files = { 'images/sysprep-unattend.xml': WITH_SECRET, 'Autounattend.xml': CLEAN };
  const r = runLintStep(files);
  assert.is(r.code, 1, r.log);
  // What the linter itself finds in the same files, counted from its JSON: the outputs must say the same.
  const linted = JSON.parse(runCli(['-f', 'json', '.'], { cwd: tempTree(files) }).stdout) as { errorCount: number; warningCount: number }[];
  const errors = linted.reduce((n, f) => n + f.errorCount, 0);
  const warnings = linted.reduce((n, f) => n + f.warningCount, 0);
  assert.ok(errors > 0 && warnings > 0);
  assert.equal(
    { ...r.outputs, 'sarif-file': undefined },
    { 'exit-code': '1', 'error-count': String(errors), 'warning-count': String(warnings), 'note-count': '0', 'sarif-file': undefined, result: 'failure' },
  );
  assert.is(r.outputs['sarif-file'], join(r.workspace, 'unattend-lint.sarif'));
  const sarif = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8')) as { runs: { results: unknown[] }[] };
  assert.is(sarif.runs.length, 1);
  assert.is(sarif.runs[0]!.results.length, errors + warnings);
  // The log has the github format's annotations.
  assert.match(r.log, /^::error file=images\/sysprep-unattend\.xml,line=27,/m);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  assert.ok(r.summary.startsWith(`## ❌ unattend-lint\n\n${plural(errors, 'error')}, ${plural(warnings, 'warning')} in 1 file; fail level \`error\`: failed.\n`), r.summary.slice(0, 200));
  assert.match(r.summary, /^\| `template-placeholder` \| error \| 2 \|$/m);
  assert.match(r.summary, /^\| `mixed-architecture` \| warning \| 1 \|$/m);
  // Errors first, by file and line; element names escaped so that Markdown does not take them for HTML.
  const rows = r.summary.split('\n').filter((l) => l.startsWith('| `images/'));
  assert.is(rows.length, Math.min(10, errors + warnings));
  assert.match(rows[0]!, /^\| `images\/sysprep-unattend\.xml:11:21` \| error \| `template-placeholder` \| .*&lt;ComputerName&gt;/);
  assert.match(rows.at(-1)!, /\| warning \| `[a-z-]+` \|/);
  assert.ok(rows.some((row) => /\| warning \| `list-action-missing` \|/.test(row)));
  for (const text of [r.summary, r.log, readFileSync(r.outputs['sarif-file']!, 'utf8')]) assert.not.ok(text.includes(SECRET), 'no secret printed');
});

test('clean answer files pass with zero counts', () => {
  const r = runLintStep({ 'Autounattend.xml': CLEAN, 'lab/unattend.xml': CLEAN }, { paths: 'Autounattend.xml lab' });
  assert.is(r.code, 0, r.log);
  assert.is(r.outputs['result'], 'success');
  assert.is(r.outputs['error-count'], '0');
  assert.is(r.outputs['exit-code'], '0');
  assert.match(r.summary, /^## ✅ unattend-lint\n\n0 errors, 0 warnings; fail level `error`: passed\.\n\n$/);
});

test('fail-level decides: warnings fail at warning and pass at error; errors pass at none', () => {
  const atWarning = runLintStep({ 'unattend.xml': WARNINGS_ONLY }, { 'fail-level': 'warning' });
  assert.is(atWarning.code, 1, atWarning.log);
  assert.equal([atWarning.outputs['exit-code'], atWarning.outputs['error-count'], atWarning.outputs['result']], ['0', '0', 'failure']);
  assert.ok(Number(atWarning.outputs['warning-count']) > 0);
  const atError = runLintStep({ 'unattend.xml': WARNINGS_ONLY });
  assert.is(atError.code, 0, atError.log);
  assert.is(atError.outputs['result'], 'success');
  const none = runLintStep({ 'unattend.xml': BROKEN }, { 'fail-level': 'none', format: 'compact' });
  assert.is(none.code, 0, none.log);
  assert.equal([none.outputs['exit-code'], none.outputs['result']], ['1', 'success']);
  assert.match(none.log, /^unattend\.xml:27:19: error /m);
});

test('a configuration error fails at every level, with no SARIF output and the reason in the summary', () => {
  const r = runLintStep({ 'unattend.xml': CLEAN }, { config: 'missing.json', 'fail-level': 'none' });
  assert.is(r.code, 1, r.log);
  assert.equal([r.outputs['exit-code'], r.outputs['sarif-file'], r.outputs['result']], ['2', '', 'failure']);
  assert.match(r.summary, /could not lint \(exit code 2\): unattend-lint: missing\.json: config file not found/);
  assert.not.ok(existsSync(join(r.workspace, 'unattend-lint.sarif')));
});

test('an unknown fail-level or format is refused before linting', () => {
  for (const given of [{ 'fail-level': 'warn' }, { format: 'html' }] as Record<string, string>[]) {
    const r = runLintStep({ 'unattend.xml': CLEAN }, given);
    assert.is(r.code, 2, r.log);
    assert.match(r.log, /^::error title=unattend-lint::(fail-level "warn"|format "html") is not one of /m);
    assert.equal(r.outputs, {});
  }
});

test.run();
