// The lint step of action.yml: runs the committed bundle once for SARIF (the file code scanning gets, and the counts)
// and once in the chosen format for the log, then writes the job summary and the step outputs and sets the verdict
// from the linter's exit code and the fail level. Plain Node, no dependencies, so the action needs no install step.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUNDLE = fileURLToPath(new URL('../bundle/unattend-lint.mjs', import.meta.url));
const FAIL_LEVELS = ['error', 'warning', 'none'];
const FORMATS = ['github', 'text', 'compact', 'json', 'sarif'];
const WORST = 10;
const RANK = { error: 0, warning: 1, note: 2, none: 3 };

/** Action inputs as the composite step passes them: INPUT_<NAME> with - as _, upper case. */
const input = (env, name, fallback = '') => (env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`] ?? '').trim() || fallback;

/** One path per line, or space-separated on a single line. */
export function splitPaths(text) {
  const parts = text.includes('\n') ? text.split(/\r?\n/) : text.split(/\s+/);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Counts and findings from the SARIF run; messages there are already free of secrets (the reporter masks them). */
export function readSarif(text) {
  const run = JSON.parse(text).runs?.[0] ?? {};
  const findings = (run.results ?? []).map((r) => {
    const loc = r.locations?.[0]?.physicalLocation;
    return {
      rule: r.ruleId ?? 'parse-error',
      level: r.level ?? 'warning',
      message: r.message?.text ?? '',
      file: loc?.artifactLocation?.uri ?? '',
      line: loc?.region?.startLine ?? 1,
      column: loc?.region?.startColumn ?? 1,
    };
  });
  const count = (level) => findings.filter((f) => f.level === level).length;
  return { findings, errors: count('error'), warnings: count('warning'), notes: count('note'), files: new Set(findings.map((f) => f.file)).size };
}

/** fail when the linter could not run (exit 2), or by the fail level: error → exit 1, warning → also any warning. */
export function verdict(exitCode, counts, failLevel) {
  if (exitCode !== 0 && exitCode !== 1) return true;
  if (failLevel === 'none') return false;
  if (failLevel === 'warning') return exitCode === 1 || counts.errors + counts.warnings > 0;
  return exitCode === 1;
}

/** Text for a Markdown table cell: no line breaks, no cell separators, no HTML (messages name <Elements>). */
const cell = (s) => String(s).replace(/\r?\n/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summary({ counts, failed, failLevel, exitCode, problem }) {
  const icon = failed ? '❌' : '✅';
  const lines = [`## ${icon} unattend-lint`, ''];
  if (!counts) {
    lines.push(`unattend-lint could not lint (exit code ${exitCode}): ${cell(problem || 'see the step log')}`, '');
    return `${lines.join('\n')}\n`;
  }
  const { findings, errors, warnings, notes, files } = counts;
  const totals = [plural(errors, 'error'), plural(warnings, 'warning'), ...(notes ? [plural(notes, 'note')] : [])].join(', ');
  lines.push(`${totals}${findings.length ? ` in ${plural(files, 'file')}` : ''}; fail level \`${failLevel}\`: ${failed ? 'failed' : 'passed'}.`, '');
  if (findings.length === 0) return `${lines.join('\n')}\n`;
  const byRule = new Map();
  for (const f of findings) {
    const key = `${f.rule}\u0000${f.level}`;
    byRule.set(key, (byRule.get(key) ?? 0) + 1);
  }
  const rows = [...byRule].map(([key, n]) => [...key.split('\u0000'), n]);
  rows.sort((a, b) => RANK[a[1]] - RANK[b[1]] || b[2] - a[2] || a[0].localeCompare(b[0]));
  lines.push('| rule | level | findings |', '| --- | --- | ---: |', ...rows.map(([rule, level, n]) => `| \`${rule}\` | ${level} | ${n} |`), '');
  const worst = [...findings].sort((a, b) => RANK[a.level] - RANK[b.level] || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  lines.push(worst.length > WORST ? `### The first ${WORST} of ${findings.length} findings, errors first` : '### Findings', '');
  lines.push('| where | level | rule | message |', '| --- | --- | --- | --- |');
  for (const f of worst.slice(0, WORST)) lines.push(`| \`${cell(`${f.file}:${f.line}:${f.column}`)}\` | ${f.level} | \`${f.rule}\` | ${cell(f.message)} |`);
  return `${lines.join('\n')}\n`;
}

export function main(env = process.env, log = (s) => process.stdout.write(s)) {
  const failLevel = input(env, 'fail-level', 'error');
  const format = input(env, 'format', 'github');
  const bad = !FAIL_LEVELS.includes(failLevel) ? `fail-level "${failLevel}" is not one of ${FAIL_LEVELS.join(', ')}`
    : !FORMATS.includes(format) ? `format "${format}" is not one of ${FORMATS.join(', ')}` : '';
  if (bad) {
    log(`::error title=unattend-lint::${bad}\n`);
    return 2;
  }
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  const sarifFile = resolve(cwd, input(env, 'sarif-file', 'unattend-lint.sarif'));
  const config = input(env, 'config');
  const args = [...(config ? ['--config', config] : []), ...splitPaths(input(env, 'paths'))];
  const lint = (more, stdio) => spawnSync(process.execPath, [BUNDLE, ...more, ...args], { cwd, env, stdio, encoding: 'utf8' });

  const sarifRun = lint(['--format', 'sarif', '--output-file', sarifFile], ['ignore', 'ignore', 'pipe']);
  const exitCode = sarifRun.status ?? 2;
  if (sarifRun.stderr) log(sarifRun.stderr);
  if (format !== 'sarif' && exitCode !== 2) lint(['--format', format], ['ignore', 'inherit', 'inherit']);

  const haveSarif = exitCode !== 2 && existsSync(sarifFile);
  const counts = haveSarif ? readSarif(readFileSync(sarifFile, 'utf8')) : undefined;
  const failed = verdict(counts ? exitCode : 2, counts ?? { errors: 0, warnings: 0 }, failLevel);
  const problem = (sarifRun.stderr || sarifRun.error?.message || '').split('\n')[0];
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summary({ counts, failed, failLevel, exitCode, problem }));
  const outputs = {
    'exit-code': exitCode,
    'error-count': counts?.errors ?? 0,
    'warning-count': counts?.warnings ?? 0,
    'note-count': counts?.notes ?? 0,
    'sarif-file': haveSarif ? sarifFile : '',
    result: failed ? 'failure' : 'success',
  };
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`).join(''));
  if (failed) log(`unattend-lint: failed (exit code ${exitCode}, fail level ${failLevel})\n`);
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
