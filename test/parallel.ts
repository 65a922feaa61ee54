// --concurrency: several threads lint one run, with the same report as one thread, and problems reported as one would.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseConcurrency, threadCount, AUTO_MIN_CPUS, AUTO_MIN_FILES } from '../src/parallel.js';
import { runCli, tempTree } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';

const fixture = (rel: string): string => readFileSync(join(ROOT, 'fixtures', rel), 'utf8');

/** A tree of `n` answer files (copies of fixtures with findings) and a config loading a plugin that names the thread. */
function tree(n: number, config: Record<string, unknown> = {}): string {
  const files: Record<string, string> = {};
  const sources = ['examples/sysprep-unattend.xml', 'examples/autounattend-uefi.xml', 'rules/local-account/bad-names.xml', 'rules/join-ou/bad-domain.xml'];
  for (let i = 0; i < n; i++) files[`answers/f${String(i).padStart(3, '0')}.xml`] = fixture(sources[i % sources.length]!);
  // On a run with workers, the main thread waits, on its first file, until a worker lints one (and leaves a mark): so
  // the workers surely take part, however fast the main thread is. A test that runs the tree again removes the mark
  // first (withoutMark).
  files['thread-plugin.mjs'] = `
import { isMainThread, threadId } from 'node:worker_threads';
import { existsSync, writeFileSync } from 'node:fs';
const started = new URL('./worker-started', import.meta.url);
const threads = Number(process.argv[process.argv.indexOf('--concurrency') + 1]);
let waited = !(threads > 1);
function wait() {
  const sleep = new Int32Array(new SharedArrayBuffer(4));
  for (const t = Date.now(); !existsSync(started) && Date.now() - t < 30000; ) Atomics.wait(sleep, 0, 0, 10);
}
export default { rules: [{
  meta: { id: 'thread', summary: 'Thread', category: 'style', severity: 'warn', messages: { t: (d) => 'linted on thread ' + d.id } },
  create(ctx) {
    if (!isMainThread) writeFileSync(started, '');
    else if (!waited) waited = (wait(), true);
    return { onDocument: (n) => ctx.report('t', n.root.nameRange, { id: threadId }) };
  },
}] };
`;
  files['.unattendlintrc.json'] = JSON.stringify({ plugins: ['./thread-plugin.mjs'], rules: { 'thread-plugin/thread': 'warn' }, ...config });
  return tempTree(files);
}

/** The tree `dir` without the mark an earlier run's worker left, for the next run to wait for a worker of its own. */
function withoutMark(dir: string): string {
  rmSync(join(dir, 'worker-started'), { force: true });
  return dir;
}

test('threads: "off" (the default) is one, a number that many (no more than files), "auto" several only for big runs on four CPUs or more', () => {
  assert.is(threadCount('off', 5000, 8), 1);
  assert.is(threadCount(3, 5000, 8), 3);
  assert.is(threadCount(3, 2, 8), 2);
  assert.is(threadCount('auto', AUTO_MIN_FILES - 1, 8), 1);
  assert.is(threadCount('auto', 5000, 2), 1, 'two CPUs: no gain from a worker');
  assert.is(threadCount('auto', 5000, AUTO_MIN_CPUS), 2);
  assert.is(threadCount('auto', 5000, 16), 4, 'at most four');
  assert.is(threadCount('auto', 600, 16), 3, 'at least 200 files a thread');
  assert.is(parseConcurrency(undefined), 'off');
  assert.is(parseConcurrency('auto'), 'auto');
  assert.is(parseConcurrency('2'), 2);
  assert.is(parseConcurrency('0'), undefined);
  assert.is(parseConcurrency('two'), undefined);
});

test('several threads lint the files, and the report is the one a single thread gives', () => {
  const dir = tree(60);
  const one = runCli(['-f', 'json', '--concurrency', 'off', 'answers'], { cwd: dir });
  const three = runCli(['-f', 'json', '--concurrency', '3', 'answers'], { cwd: dir });
  assert.is(one.code, 1, one.stderr);
  assert.is(three.code, 1, three.stderr);
  const threadsOf = (out: string): Set<string> => new Set([...out.matchAll(/linted on thread (\d+)/g)].map((m) => m[1]!));
  assert.equal([...threadsOf(one.stdout)], ['0']);
  assert.ok(threadsOf(three.stdout).size >= 2, `workers took files: ${[...threadsOf(three.stdout)]}`);
  const strip = (out: string): string => out.replace(/linted on thread \d+/g, 'linted');
  assert.is(strip(three.stdout), strip(one.stdout));
  const files = JSON.parse(three.stdout) as { filePath: string }[];
  assert.is(files.length, 60);
  assert.equal(files.map((f) => f.filePath), [...files.map((f) => f.filePath)].sort());
});

test('on threads, a config error is still a config error (exit 2, one line) and an unreadable file a problem', () => {
  const bad = tree(12, { rules: { 'thread-plugin/thread': 'warn', 'no-such-rule': 'error' } });
  const r = runCli(['--concurrency', '3', 'answers'], { cwd: bad });
  assert.is(r.code, 2);
  assert.match(r.stderr, /no-such-rule/);
  assert.not.match(r.stderr, /\n\s+at /);
  const dir = tree(12);
  const missing = runCli(['-f', 'json', '--concurrency', '3', 'answers', 'answers/f001.xml', 'nowhere.xml'], { cwd: dir });
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /nowhere\.xml/);
  assert.is((JSON.parse(missing.stdout) as unknown[]).length, 12);
});

test('the bundled CLI starts its workers from the bundle itself, and the installed command from its CLI script', () => {
  const dir = tree(24);
  for (const entry of ['unattend-lint.mjs', 'bin.cjs']) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bundle', entry), '-f', 'json', '--concurrency', '2', 'answers'], { cwd: withoutMark(dir), encoding: 'utf8' });
    assert.is(r.status, 1, r.stderr);
    assert.is(r.stderr, '', entry);
    const threads = new Set([...r.stdout.matchAll(/linted on thread (\d+)/g)].map((m) => m[1]!));
    assert.is(threads.size, 2, `${entry} threads: ${[...threads]}`);
  }
});

test('--concurrency takes a number, auto or off', () => {
  const r = runCli(['--concurrency', 'lots', 'fixtures/examples']);
  assert.is(r.code, 2);
  assert.match(r.stderr, /--concurrency needs a number of threads, "auto" or "off", got "lots"/);
});

test.run();
