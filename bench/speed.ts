// The whole-process figures of the speed table: many typical files against a plain saxes parse and against
// xmllint, one small file against `node -e 0`, the cost of each extra file, and a 100 MB file (wall time and
// peak memory) against a streaming saxes parse. Every one runs the bundled CLI, as users do.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, smallFile, writeBigAnswerFile, writeSyntheticCorpus } from './generate.js';
import { BASELINE, CLI, MB, type ProcessRun, failure, fix, judge, median, row, runCommand, runProcess, spread, unmeasured } from './measure.js';
import { decodeText, saxesParse } from './saxes-baseline.js';

const REAL = join(ROOT, '..', 'shared', 'corpus', 'real');
const SYNTHETIC_FILES = 1000;
export const SYNTHETIC_SEED = 20240611;
const SMALL_FILES = 1000;
const BIG_BYTES = 100 * MB;

const GOAL_CORPUS_SAXES = 1.5;
const GOAL_CORPUS_SAXES_EARLIER = 4;
const GOAL_CORPUS_XMLLINT = 4;
const GOAL_COLD = 1.6;
const GOAL_EXTRA_MS = 0.3;
const GOAL_BIG_WALL = 2;
const GOAL_BIG_RSS = 2;

/** Arguments of the CLI in the many-file figures: the JSON report, no config search (the files are in a temp dir). */
const lintArgs = (target: string): string[] => [CLI, '-f', 'json', '--no-config-lookup', target];

function dirBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    files++;
    bytes += statSync(join(dir, name)).size;
  }
  return { files, bytes };
}

const seconds = (runs: ProcessRun[]): string => fix(median(runs.map((r) => r.ms)) / 1000);
const wallRatios = (a: ProcessRun[], b: ProcessRun[]): number[] => a.map((x, i) => x.ms / b[i]!.ms);
const cpuRatios = (a: ProcessRun[], b: ProcessRun[]): number[] => a.map((x, i) => x.cpuMs / b[i]!.cpuMs).filter(Number.isFinite);

// ---------------------------------------------------------------------------------------------------
// xmllint (libxml2): one process over all the files, as the fair anchor.

let xmllintFound: boolean | undefined;
export function hasXmllint(): boolean {
  return (xmllintFound ??= spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).error === undefined);
}

/**
 * Argument bytes per xmllint process. Linux allows 2 MiB of arguments and environment (getconf ARG_MAX); the files
 * are passed by name relative to their directory, so 1,000 files take about 20 KB and one process suffices.
 */
const ARGV_BUDGET = 256 * 1024;

/** Batches of file names whose command lines stay within ARGV_BUDGET (one batch unless the names are very long). */
function batches(names: string[]): string[][] {
  const out: string[][] = [[]];
  let used = 0;
  for (const name of names) {
    if (used + name.length + 1 > ARGV_BUDGET && out[out.length - 1]!.length) {
      out.push([]);
      used = 0;
    }
    out[out.length - 1]!.push(name);
    used += name.length + 1;
  }
  return out;
}

/** `xmllint --noout` over every .xml file of `dir`, by name from the directory; the batches' times add up. */
function xmllintRun(dir: string, groups: string[][]): ProcessRun {
  const runs = groups.map((g) => runCommand('xmllint', ['--noout', ...g], { cwd: dir }));
  const worst = runs.find((r) => r.signal || r.timedOut) ?? runs.find((r) => r.status !== 0) ?? runs[0]!;
  return { ...worst, ms: runs.reduce((s, r) => s + r.ms, 0), cpuMs: runs.reduce((s, r) => s + r.cpuMs, 0) };
}

// ---------------------------------------------------------------------------------------------------
// 1. Many typical files, whole process, against saxes and xmllint.

/** The well-formed answer files of the real corpus, copied to `dir` (the CLI walks only <unattend> roots). */
function copyWellFormed(dir: string): { copied: number; skipped: number } {
  let copied = 0;
  let skipped = 0;
  for (const name of readdirSync(REAL).sort()) {
    if (!name.endsWith('.xml')) continue;
    const text = decodeText(readFileSync(join(REAL, name)));
    if (!wellFormed(text)) {
      skipped++;
      continue;
    }
    copyFileSync(join(REAL, name), join(dir, name));
    copied++;
  }
  return { copied, skipped };
}

/** XML 1.0 well-formed (namespaces aside) with an <unattend> root. */
function wellFormed(text: string): boolean {
  const root = /<(?:[\w.-]+:)?([\w.-]+)/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''));
  if (root?.[1] !== 'unattend') return false;
  try {
    return saxesParse(text, false) === 0;
  } catch {
    return false;
  }
}

const CORPUS_W = [32, 8, 5, 5, 9, 7, 20, 24, 20, 5];

function corpusFigure(label: string, figure: string, dir: string, pairs: number): void {
  const { files, bytes } = dirBytes(dir);
  const names = readdirSync(dir).filter((n) => n.endsWith('.xml')).sort();
  const groups = batches(names);
  const xmllint = hasXmllint();
  const base = (): ProcessRun => runProcess([BASELINE, dir]);
  const lib = (): ProcessRun => xmllintRun(dir, groups);
  const lint = (): ProcessRun => runProcess(lintArgs(dir));
  // Warm-up: one of each, in the order of the rounds.
  base();
  if (xmllint) lib();
  const bad = failure(lint());
  const cells = (anchor: string, a: string, l: string, wall: string, goal: string, cpu: string, n: string | number): (string | number)[] =>
    [anchor === 'saxes' ? label : '', anchor, anchor === 'saxes' ? files : '', anchor === 'saxes' ? fix(bytes / MB, 1) : '', a, l, wall, goal, cpu, n];
  if (bad) {
    const g1 = unmeasured(figure, 'node + saxes', GOAL_CORPUS_SAXES, bad);
    unmeasured(figure, 'node + saxes (earlier goal)', GOAL_CORPUS_SAXES_EARLIER, bad);
    const g2 = xmllint ? unmeasured(figure, 'xmllint --noout', GOAL_CORPUS_XMLLINT, bad) : '';
    console.log(`${row(cells('saxes', '—', '—', '—', g1, '—', '—'), CORPUS_W)}  ${bad}`);
    if (xmllint) console.log(row(cells('xmllint', '—', '—', '—', g2, '—', '—'), CORPUS_W));
    return;
  }
  const b: ProcessRun[] = [];
  const x: ProcessRun[] = [];
  const l: ProcessRun[] = [];
  for (let i = 0; i < pairs; i++) {
    b.push(base());
    if (xmllint) x.push(lib());
    l.push(lint());
  }
  const vsSaxes = wallRatios(l, b);
  const cpuSaxes = cpuRatios(l, b);
  const goalsSaxes = [
    judge({ figure, anchor: 'node + saxes', values: vsSaxes, cpu: cpuSaxes, limit: GOAL_CORPUS_SAXES }),
    judge({ figure, anchor: 'node + saxes (earlier goal)', values: vsSaxes, cpu: cpuSaxes, limit: GOAL_CORPUS_SAXES_EARLIER }),
  ].join('  ');
  console.log(row(cells('saxes', seconds(b), seconds(l), spread(vsSaxes), goalsSaxes, spread(cpuSaxes), pairs), CORPUS_W));
  if (!xmllint) {
    unmeasured(figure, 'xmllint --noout', GOAL_CORPUS_XMLLINT, 'skipped: xmllint not found');
    console.log(`${row(cells('xmllint', '—', '—', '—', `≤ ${GOAL_CORPUS_XMLLINT}× —`, '—', '—'), CORPUS_W)}  skipped: xmllint not found`);
    return;
  }
  const vsLib = wallRatios(l, x);
  const cpuLib = cpuRatios(l, x);
  const status = x.find((r) => r.status !== 0);
  const note = [groups.length > 1 ? `${groups.length} xmllint processes` : '', status ? `xmllint exit ${status.status ?? status.signal}` : '']
    .filter(Boolean)
    .join('; ');
  const line = row(cells('xmllint', fix(median(x.map((r) => r.ms)) / 1000, 3), seconds(l), spread(vsLib), judge({ figure, anchor: 'xmllint --noout', values: vsLib, cpu: cpuLib, limit: GOAL_CORPUS_XMLLINT }), spread(cpuLib), pairs), CORPUS_W);
  console.log(note ? `${line}  ${note}` : line);
  // What the parser alone costs against libxml2, from the same rounds: the xmllint goal divided by it is the most the
  // whole lint may cost over its own parse for that goal to be met.
  const parser = wallRatios(b, x);
  console.log(
    `${''.padEnd(CORPUS_W[0]! + 2)}the parse alone, node + saxes / xmllint: ${spread(parser)} wall, so ≤ ${GOAL_CORPUS_XMLLINT}× xmllint ` +
      `needs lint ≤ ${fix(GOAL_CORPUS_XMLLINT / median(parser), 2)}× saxes`,
  );
}

export function figureCorpus(tmp: string): void {
  console.log('\n1. Many typical files, whole process: one `node bundle/bin.cjs -f json --no-config-lookup DIR`');
  console.log('   (stdout to /dev/null) against one node process that reads the same files and runs a plain saxes parse');
  console.log('   over each, and against one `xmllint --noout FILE…` (libxml2) over the same files. Each round runs saxes,');
  console.log('   xmllint, lint; the ratios pair each lint with the anchors of its round. Wall time is the figure; the CPU');
  console.log('   time (user + system) ratio beside it is less sensitive to other load on the machine.\n');
  console.log(row(['set', 'anchor', 'files', 'MB', 'anchor s', 'lint s', 'lint/anchor wall', 'goal', 'lint/anchor cpu', 'pairs'], CORPUS_W));
  if (existsSync(REAL)) {
    const dir = join(tmp, 'real');
    mkdirSync(dir);
    const { copied, skipped } = copyWellFormed(dir);
    corpusFigure(`real, well-formed (${skipped} skipped)`, `real corpus (${copied} files), whole process`, dir, 5);
  } else {
    const why = 'skipped: ../shared/corpus/real is absent';
    console.log(`${row(['real', '—', '—', '—', '—', '—', '—', '—', '—', '—'], CORPUS_W)}  ${why}`);
  }
  corpusFigure(`synthetic (seed ${SYNTHETIC_SEED})`, `${SYNTHETIC_FILES.toLocaleString('en-US')} typical files, whole process`, syntheticDir(tmp), 5);
  if (!hasXmllint()) console.log('\n   xmllint: skipped: xmllint not found (Debian/Ubuntu: apt-get install libxml2-utils)');
}

/** The synthetic corpus, written once per run into `tmp` (figures 1 and 3 use it). */
export function syntheticDir(tmp: string): string {
  const dir = join(tmp, 'synthetic');
  if (!existsSync(dir)) {
    mkdirSync(dir);
    writeSyntheticCorpus(dir, SYNTHETIC_FILES, SYNTHETIC_SEED);
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------------
// 2. One small file, cold.

export function figureCold(tmp: string): void {
  const file = join(tmp, 'small.xml');
  writeFileSync(file, smallFile(1));
  const base = (): ProcessRun => runProcess(['-e', '0']);
  const lint = (): ProcessRun => runProcess([CLI, '--no-config-lookup', file]);
  // A first run: no code cache to read (and none written).
  const first = (): ProcessRun => runProcess([CLI, '--no-config-lookup', file], { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
  const pairs = 20;
  console.log(`\n2. One small file, cold: a new \`node bundle/bin.cjs --no-config-lookup small.xml\` process (a clean`);
  console.log(`   ${Buffer.byteLength(smallFile(1))}-byte answer file, text report) against \`node -e 0\`, ${pairs} pairs after 3 warm-up pairs;`);
  console.log('   the command reads the code cache earlier runs left. Beside it, without: a first run (NODE_DISABLE_COMPILE_CACHE=1).\n');
  for (let i = 0; i < 3; i++) {
    base();
    lint();
    first();
  }
  const b: ProcessRun[] = [];
  const l: ProcessRun[] = [];
  const f: ProcessRun[] = [];
  let bad: string | undefined;
  for (let i = 0; i < pairs && !bad; i++) {
    b.push(base());
    const r = lint();
    bad = failure(r);
    l.push(r);
    const r1 = first();
    bad ??= failure(r1);
    f.push(r1);
  }
  const figure = 'one small file, cold';
  if (bad) {
    unmeasured(figure, 'node -e 0', GOAL_COLD, bad);
    console.log(`   ${bad}`);
    return;
  }
  const ms = (runs: ProcessRun[]): string => `${fix(median(runs.map((r) => r.ms)), 0)} ms`;
  const wall = wallRatios(l, b);
  const cpu = cpuRatios(l, b);
  const goal = judge({ figure, anchor: 'node -e 0', values: wall, cpu, limit: GOAL_COLD });
  console.log(`   node -e 0 ${ms(b)}, lint ${ms(l)}; lint / node -e 0 wall ${spread(wall)}  ${goal}; cpu ${spread(cpu)}`);
  console.log(`   a first run (no code cache) ${ms(f)}; / node -e 0 wall ${spread(wallRatios(f, b))} (no goal); cpu ${spread(cpuRatios(f, b))}`);
}

// ---------------------------------------------------------------------------------------------------
// 3. Each extra file in one process.

const EXTRA_W = [30, 6, 9, 9, 24, 16, 24];

function extraFigure(label: string, figure: string | undefined, one: string, many: string, pairs: number): void {
  const n = readdirSync(many).length;
  const run = (dir: string): ProcessRun => runProcess(lintArgs(dir));
  run(one);
  const bad = failure(run(many));
  if (bad) {
    if (figure) unmeasured(figure, '—', GOAL_EXTRA_MS, bad, ' ms');
    console.log(`${row([label, n, '—', '—', '—', '—', '—'], EXTRA_W)}  ${bad}`);
    return;
  }
  const a: ProcessRun[] = [];
  const b: ProcessRun[] = [];
  for (let i = 0; i < pairs; i++) {
    a.push(run(one));
    b.push(run(many));
  }
  const perFile = b.map((x, i) => (x.ms - a[i]!.ms) / (n - 1));
  const perFileCpu = b.map((x, i) => (x.cpuMs - a[i]!.cpuMs) / (n - 1)).filter(Number.isFinite);
  const goal = figure
    ? judge({ figure, anchor: '— (t(n) − t(1)) / (n − 1)', values: perFile, cpu: perFileCpu, limit: GOAL_EXTRA_MS, unit: ' ms', digits: 3 })
    : '(no goal)';
  const ms = (runs: ProcessRun[]): string => `${fix(median(runs.map((r) => r.ms)), 0)} ms`;
  console.log(row([label, n, ms(a), ms(b), `${spread(perFile, 3)} ms`, goal, perFileCpu.length ? `${spread(perFileCpu, 3)} ms` : '—'], EXTRA_W));
}

export function figureExtraFiles(tmp: string): void {
  console.log('\n3. Each extra file in one process: (t(n files) − t(1 file)) / (n − 1) for one CLI process');
  console.log('   (`-f json --no-config-lookup DIR`), wall time, the 1-file and the n-file run alternating after a warm-up pair');
  console.log('   (5 pairs of small files, 3 of typical ones). The goal is for small files (what the per-file work costs beyond');
  console.log('   the parse); typical files are shown without a goal (their parse and rules are figure 1).\n');
  console.log(row(['files', 'n', 't(1)', 't(n)', 'per extra file, wall', 'goal', 'per extra file, cpu'], EXTRA_W));
  const small1 = join(tmp, 'small-1');
  const smallN = join(tmp, 'small-n');
  mkdirSync(small1);
  mkdirSync(smallN);
  writeFileSync(join(small1, '00001-unattend.xml'), smallFile(1));
  for (let i = 1; i <= SMALL_FILES; i++) writeFileSync(join(smallN, `${String(i).padStart(5, '0')}-unattend.xml`), smallFile(i));
  extraFigure(`small (${Buffer.byteLength(smallFile(1))} bytes each)`, 'each extra file in one process', small1, smallN, 5);
  const synthetic = syntheticDir(tmp);
  const typical1 = join(tmp, 'typical-1');
  mkdirSync(typical1);
  const first = readdirSync(synthetic).sort()[0]!;
  copyFileSync(join(synthetic, first), join(typical1, first));
  extraFigure('typical (synthetic, 5–30 KB)', undefined, typical1, synthetic, 3);
}

// ---------------------------------------------------------------------------------------------------
// 4. A 100 MB answer file: wall time and peak memory against a streaming saxes parse.

export function figureBigFile(tmp: string): void {
  const file = join(tmp, 'big.xml');
  const { bytes: size, commands } = writeBigAnswerFile(file, BIG_BYTES);
  const timeout = 240_000;
  const base = (): ProcessRun => runProcess([BASELINE, '--stream', file], { rss: true, timeout });
  const lint = (): ProcessRun => runProcess([CLI, '--no-config-lookup', file], { rss: true, timeout });
  console.log(`\n4. A valid ${fix(size / MB, 0)} MB answer file (the UEFI example with one RunSynchronous list of ${commands.toLocaleString('en-US')} commands),`);
  console.log('   whole process: `node bundle/bin.cjs --no-config-lookup big.xml` against a node process that');
  console.log('   reads it in 64 KiB chunks and writes each to saxes. Peak memory is each process\'s maximum resident set');
  console.log('   size (getrusage ru_maxrss, reported at exit by a preloaded module). Warm-up: the streaming parse once and');
  console.log('   the CLI on a small file; then up to 3 pairs within 90 s.\n');
  base();
  writeFileSync(join(tmp, 'warm.xml'), smallFile(1));
  runProcess([CLI, '--no-config-lookup', join(tmp, 'warm.xml')], { rss: true });
  const b: ProcessRun[] = [];
  const l: ProcessRun[] = [];
  const began = Date.now();
  let bad: string | undefined;
  for (let i = 0; i < 3; i++) {
    const br = base();
    const lr = lint();
    bad = failure(br, timeout) ?? failure(lr, timeout) ?? (lr.status === 1 ? 'the CLI reported findings: the file is not clean' : undefined);
    if (bad) break;
    if (!Number.isFinite(br.rss) || !Number.isFinite(lr.rss)) {
      bad = 'no peak memory reported (fd 3 of the measured process)';
      break;
    }
    b.push(br);
    l.push(lr);
    if (Date.now() - began > 90_000) break;
  }
  const wallFigure = `a ${fix(size / MB, 0)} MB file, wall`;
  const rssFigure = `a ${fix(size / MB, 0)} MB file, peak memory`;
  const anchor = 'node + saxes streaming parse';
  if (!l.length) {
    const why = bad ?? 'not measured';
    unmeasured(wallFigure, anchor, GOAL_BIG_WALL, why);
    unmeasured(rssFigure, anchor, GOAL_BIG_RSS, why);
    console.log(`   ${why}`);
    return;
  }
  const mem = (runs: ProcessRun[]): string => `${fix(median(runs.map((r) => r.rss!)) / MB, 0)} MB`;
  const wall = wallRatios(l, b);
  const cpu = cpuRatios(l, b);
  const rss = l.map((x, i) => x.rss! / b[i]!.rss!);
  const w = [14, 12, 10, 20, 14];
  console.log(row(['', 'streaming', 'lint', 'lint/streaming', 'goal'], w));
  console.log(row(['wall', `${seconds(b)} s`, `${seconds(l)} s`, spread(wall), judge({ figure: wallFigure, anchor, values: wall, cpu, limit: GOAL_BIG_WALL })], w));
  console.log(row(['peak memory', mem(b), mem(l), spread(rss), judge({ figure: rssFigure, anchor, values: rss, limit: GOAL_BIG_RSS })], w));
  console.log(row(['cpu', '', '', spread(cpu), ''], w).trimEnd());
  console.log(`\n   ${l.length} pair${l.length === 1 ? '' : 's'}${bad ? `; then ${bad}` : ''}. The CLI exits 0: the file is clean.`);
}
