// Byte-identical output for the same input and config, in every format: whatever the order of the arguments or of
// the directory listing, run after run, and whatever the locale and time zone.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli } from './helpers/cli.js';
import { FIXTURES, ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

// Runs the CLI in every format in one process (the formats it knows are those listed here).
const ALL_FORMATS = join(ROOT, 'dist', 'test', 'helpers', 'all-formats.js');
const FORMATS = ['text', 'compact', 'json', 'sarif', 'github', 'gitlab', 'checkstyle', 'junit'];
const BAD = readFileSync(join(FIXTURES, 'examples', 'sysprep-unattend.xml'), 'utf8');
const CLEAN = readFileSync(join(FIXTURES, 'examples', 'autounattend-uefi.xml'), 'utf8');

// Names whose code-unit order differs from a walk's and from most locales' ("-" before "/", capitals first,
// non-ASCII last), each with its own findings.
const FILES: Record<string, string> = {
  'unattend.xml': BAD,
  'b/unattend.xml': BAD.replace('oobesystem', 'oobeSystem'),
  'a/unattend.xml': CLEAN.replace('<TimeZone>UTC</TimeZone>', '<TimeZone>utc</TimeZone>'),
  'a-b/unattend.xml': CLEAN.replace('</ComputerName>', '</ComputerNam>'),
  'A-unattend.xml': BAD.replace('{{ hostname }}', 'HOST-1'),
  'é/unattend.xml': CLEAN.replace('<TimeZone>UTC</TimeZone>', '<TimeZone>UTC</TimeZone><TimeZone>UTC</TimeZone>'),
  'a/z/autounattend.xml': BAD,
};
const SORTED = Object.keys(FILES).sort();

/** (Re)creates the tree at `root`, writing its files in the given order, so that the listing order may change. */
function makeTree(root: string, order: string[]): void {
  rmSync(root, { recursive: true, force: true });
  for (const rel of order) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), FILES[rel]!);
  }
}

type Runs = Record<string, { code: number; stdout: string; stderr: string }>;

/** Every format's exit code and output for one way of running over the tree, from one process. */
function outputs(root: string, args: string[], env: Record<string, string> = {}): Runs {
  const r = spawnSync(process.execPath, [ALL_FORMATS, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.is(r.status, 0, r.stderr);
  const runs = JSON.parse(r.stdout) as Runs;
  assert.equal(Object.keys(runs), FORMATS);
  for (const [format, run] of Object.entries(runs)) assert.is(run.code, 1, `${format}: ${run.stderr}`);
  return runs;
}

test('every format is byte-identical across runs, argument orders, listing orders, locales and time zones', () => {
  const root = join(tempDir('unattend-lint-determinism-'), 'tree');
  makeTree(root, [...SORTED].reverse());
  const first = outputs(root, []);
  assert.equal(outputs(root, []), first, 'run twice');
  assert.equal(outputs(root, [...SORTED].reverse()), first, 'files named in reverse order');
  const elsewhere = { LC_ALL: 'lt_LT.UTF-8', LANG: 'lt_LT.UTF-8', TZ: 'Pacific/Kiritimati' };
  assert.equal(outputs(root, ['a', 'unattend.xml', '.', 'b'], elsewhere), first, 'overlapping arguments, another locale and time zone');
  // Files written in another order give another listing order on most file systems.
  makeTree(root, [SORTED[3]!, ...SORTED.slice(4), ...SORTED.slice(0, 3)]);
  assert.equal(outputs(root, []), first, 'tree written in another order');

  // The order is that of the paths, by code units, as ESLint orders its results.
  const paths = (JSON.parse(first['json']!.stdout) as { filePath: string }[]).map((f) => f.filePath.slice(root.length + 1).split('\\').join('/'));
  assert.equal(paths, SORTED);
  assert.equal(SORTED, ['A-unattend.xml', 'a-b/unattend.xml', 'a/unattend.xml', 'a/z/autounattend.xml', 'b/unattend.xml', 'unattend.xml', 'é/unattend.xml']);
});

test('SARIF and JUnit hold no time, no run-dependent value and the same rule order', () => {
  const root = join(tempDir('unattend-lint-determinism-'), 'tree');
  makeTree(root, SORTED);
  const sarif = JSON.parse(runCli(['-f', 'sarif'], { cwd: root }).stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; invocations?: unknown }[] };
  const ids = sarif.runs[0]!.tool.driver.rules.map((r) => r.id);
  assert.equal(ids, [...ids].sort());
  assert.is(sarif.runs[0]!.invocations, undefined);
  const text = JSON.stringify(sarif);
  assert.not.match(text, /\d{4}-\d\d-\d\dT\d\d:\d\d/);
  assert.not.match(runCli(['-f', 'junit'], { cwd: root }).stdout, /timestamp=|time="[^0]/);
});

test('--list-rules is in the same order in every locale', () => {
  for (const format of ['text', 'json']) {
    const plain = runCli(['--list-rules', '-f', format], { env: { LC_ALL: 'C', LANG: 'C' } });
    assert.is(plain.code, 0);
    // Lithuanian sorts "y" with "i": a locale-aware order puts "...-type" rules elsewhere.
    const lt = runCli(['--list-rules', '-f', format], { env: { LC_ALL: 'lt_LT.UTF-8', LANG: 'lt_LT.UTF-8' } });
    assert.is(lt.stdout, plain.stdout, `${format} in lt_LT`);
  }
});

test.run();
