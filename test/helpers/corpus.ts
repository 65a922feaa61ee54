// One CLI run over a folder of real-world answer files, shared by the vendored and the ../shared corpus tests.
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import * as assert from 'uvu/assert';
import { hasStack, runCli } from './cli.js';

/**
 * Lints `files` (names inside `dir`) in one run, as a user would, and checks what must hold for any
 * input: exit 0 or 1, no stack trace, nothing on stderr, one result per file. Returns the names of
 * the files that got a fatal (not well-formed) diagnostic, sorted.
 */
export function lintCorpus(dir: string, files: string[]): string[] {
  const r = runCli(['-f', 'json', ...files.map((f) => join(dir, f))], { cwd: dir });
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr.slice(0, 500)}`);
  assert.not.ok(hasStack(r.stderr + r.stdout), 'no stack trace');
  assert.is(r.stderr, '');
  const results = JSON.parse(r.stdout) as { filePath: string; fatalErrorCount: number }[];
  assert.equal(results.map((x) => basename(x.filePath)).sort(), [...files].sort(), 'a result per file');
  return results.filter((x) => x.fatalErrorCount > 0).map((x) => basename(x.filePath)).sort();
}

export const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

/** The files libxml2 rejects as not well-formed; only where xmllint is installed. */
export function xmllintRejects(dir: string, files: string[]): string[] {
  return files.filter((f) => spawnSync('xmllint', ['--noout', join(dir, f)]).status !== 0).sort();
}
