// npm run bench: what a change to the engine, the rules or start-up is judged by. Every figure is measured against
// a baseline in the same run (A and B alternate after a warm-up; median and min–max of the paired figures), so
// figures from different machines and days compare. It is a measurement: a missed goal prints FAIL but never fails
// the run. Only stable entry points are used: the installed command (bundle/bin.cjs, as users run it), and
// lintSource with the built-in rules and knowledge base. The whole-process figures are in speed.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintSource } from '../src/engine/run.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { builtinRules } from '../rules/index.js';
import { ADVERSARIAL, ROOT, TINY, syntheticFile } from './generate.js';
import { CHILD_TIMEOUT_MS, CLI, MB, type ProcessRun, closeNull, failure, fix, median, printGoals, row, runProcess, spread, verdict } from './measure.js';
import { saxesParse } from './saxes-baseline.js';
import { figureBigFile, figureCold, figureCorpus, figureExtraFiles } from './speed.js';

const CHILD = join(ROOT, 'dist', 'bench', 'inprocess.js');
const SCALING_GOAL = 2.3;
const SPEED_GOAL = 1; // s/MB

// ---------------------------------------------------------------------------------------------------
// 5. Adversarial inputs at n and 2n.

interface Scaling {
  input: string;
  via: string;
  n: number;
  bytes2n?: number;
  findings?: string;
  rounds: Record<'tiny' | 'n' | '2n', { wall: number; cpu: number }>[];
  problem?: string;
}

const ADV_W = [18, 11, 6, 6, 13, 8, 8, 8, 20, 4, 7, 4, 6];

function printScalingHeader(): void {
  console.log(row(['input', 'via', 'n', 'MB 2n', 'findings n/2n', 'startup', 't(n)', 't(2n)', `scaling ≤ ${SCALING_GOAL}`, '', `s/MB ≤ ${SPEED_GOAL}`, '', 'wall'], ADV_W));
}

/** The CPU time when the platform gave one, else the wall time. */
const cpuOr = (t: { wall: number; cpu: number }): number => (Number.isFinite(t.cpu) && t.cpu > 0 ? t.cpu : t.wall);

function printScaling(s: Scaling): void {
  const rounds = s.rounds;
  const scaling = (pick: (t: { wall: number; cpu: number }) => number): number[] =>
    rounds.map((r) => (pick(r['2n']) - pick(r.tiny)) / (pick(r.n) - pick(r.tiny)));
  const ratios = scaling(cpuOr);
  const wall = scaling((t) => t.wall);
  const perMb = rounds.map((r) => (cpuOr(r['2n']) - cpuOr(r.tiny)) / 1000 / ((s.bytes2n ?? 1) / MB));
  const ms = (which: 'tiny' | 'n' | '2n', d: number): string => (rounds.length ? fix(median(rounds.map((r) => cpuOr(r[which]))), d) : '—');
  const cells = [
    s.input,
    s.via,
    s.n,
    s.bytes2n === undefined ? '—' : fix(s.bytes2n / MB),
    s.findings ?? '—',
    ms('tiny', 1),
    ms('n', 0),
    ms('2n', 0),
    spread(ratios),
    ratios.length ? verdict(median(ratios) <= SCALING_GOAL) : 'FAIL',
    perMb.length ? fix(median(perMb), 3) : '—',
    perMb.length ? verdict(median(perMb) <= SPEED_GOAL) : 'FAIL',
    wall.length ? fix(median(wall)) : '—',
  ];
  console.log(`${row(cells, ADV_W)}${s.problem ? `  ${s.problem}` : `  (${rounds.length} round${rounds.length === 1 ? '' : 's'})`}`);
}

/** lintSource in a child process: rounds of tiny, n, 2n after a warm-up, until `budget` ms are spent. */
function inProcess(id: string, n: number, budget: number): Scaling {
  const r = spawnSync(process.execPath, ['--expose-gc', CHILD, id, String(n), String(budget)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: CHILD_TIMEOUT_MS * 2,
    maxBuffer: 16 * MB,
  });
  const s: Scaling = { input: id, via: 'lintSource', n, rounds: [] };
  const found: Record<string, string> = {};
  let done = false;
  for (const line of String(r.stdout ?? '').split('\n')) {
    let o;
    try {
      o = JSON.parse(line);
    } catch {
      continue; // empty, or cut short when the child was killed
    }
    if (o.kind === 'sizes') s.bytes2n = o['2n'];
    else if (o.kind === 'lint' && (o.which === 'n' || o.which === '2n')) found[o.which] ??= `${o.findings}${o.fatal ? '*' : ''}`;
    else if (o.kind === 'round') s.rounds.push(o);
    else if (o.kind === 'crash') s.problem = `crashed at ${o.which}: ${String(o.error).slice(0, 120)}`;
    else if (o.kind === 'done') done = true;
  }
  s.findings = found.n !== undefined ? `${found.n}/${found['2n'] ?? '—'}` : undefined;
  if (!done && !s.problem) {
    const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    const err = String(r.stderr ?? '').split('\n').find((l) => /Error|heap|memory/i.test(l))?.trim();
    s.problem = timedOut
      ? `timed out after ${(CHILD_TIMEOUT_MS * 2) / 1000} s`
      : `crashed: ${r.signal ? `signal ${r.signal}` : `exit code ${r.status}`}${err ? ` (${err.slice(0, 120)})` : ''}`;
  }
  return s;
}

/** The CLI on one file: rounds of tiny, n, 2n after a warm-up, until `budget` ms are spent. */
function throughCli(id: string, n: number, format: 'text' | 'json', files: Record<'tiny' | 'n' | '2n', string>, budget: number): Scaling {
  const args = (f: string): string[] => [CLI, '--no-config-lookup', ...(format === 'json' ? ['-f', 'json'] : []), f];
  const s: Scaling = { input: id, via: `CLI -f ${format}`, n, rounds: [], bytes2n: statSync(files['2n']).size };
  runProcess(args(files.tiny));
  const began = Date.now();
  for (let round = 0; round < 5; round++) {
    const tiny = runProcess(args(files.tiny));
    const tn = runProcess(args(files.n));
    const bad = failure(tn);
    if (bad) {
      s.problem = `at n: ${bad}`;
      break;
    }
    const t2n = runProcess(args(files['2n']));
    const bad2 = failure(t2n);
    if (bad2) {
      s.problem = `at 2n: ${bad2}`;
      break;
    }
    const t = (r: ProcessRun) => ({ wall: r.ms, cpu: r.cpuMs });
    s.rounds.push({ tiny: t(tiny), n: t(tn), '2n': t(t2n) });
    if (Date.now() - began > budget) break;
  }
  return s;
}

function figureAdversarial(tmp: string): void {
  console.log('\n5. Adversarial inputs at n and 2n. scaling = (t(2n) − startup) / (t(n) − startup), startup = a tiny file\'s');
  console.log('   time by the same route (≈ 2 is linear); s/MB = (t(2n) − startup) / size(2n). Times are CPU milliseconds');
  console.log('   (user + system, medians), steadier than wall time on a busy machine; "wall" is the scaling by wall time.');
  console.log('   lintSource runs in a child process with all built-in rules at their default severity; the CLI uses');
  console.log('   --no-config-lookup and writes to /dev/null.\n');
  for (const a of ADVERSARIAL) console.log(`   ${a.id.padEnd(18)} ${a.what} (n = ${a.n})`);
  console.log('');
  printScalingHeader();
  for (const a of ADVERSARIAL) printScaling(inProcess(a.id, a.n, 8_000));
  const findings = ADVERSARIAL.find((a) => a.id === 'many-findings')!;
  const files = { tiny: join(tmp, 'tiny.xml'), n: join(tmp, 'findings-n.xml'), '2n': join(tmp, 'findings-2n.xml') };
  writeFileSync(files.tiny, TINY);
  writeFileSync(files.n, findings.make(findings.n));
  writeFileSync(files['2n'], findings.make(2 * findings.n));
  for (const format of ['text', 'json'] as const) printScaling(throughCli(findings.id, findings.n, format, files, 15_000));
  console.log('\n   * the parse stopped at a fatal error. The CLI rows count no findings (its report goes to /dev/null).');
}

// ---------------------------------------------------------------------------------------------------
// 6. Memory on the big synthetic file (and its in-process speed against saxes).

function figureMemory(): void {
  const kb = loadKnowledgeBase();
  const rules = builtinRules.map((rule) => ({ rule, severity: (rule.meta.severity === 'error' ? 2 : 1) as 1 | 2, options: { ...(rule.meta.defaultOptions ?? {}) } }));
  const big = Buffer.from(syntheticFile(20000));
  const lint = (): unknown => lintSource(big, { filePath: 'bench.xml', rules, kb, settings: {} });
  const parse = (): number => saxesParse(big.toString('utf8'));
  // CPU time of this process (user + system), like figure 2.
  const ms = (fn: () => unknown): number => {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  lint();
  parse();
  const speed: number[] = [];
  const growth: number[] = [];
  for (let i = 0; i < 3; i++) {
    const b = ms(parse);
    const l = ms(lint);
    speed.push(l / b);
    // Heap right after the lint returns (live data plus garbage not yet collected) against a collected start.
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const result = lint();
    const after = process.memoryUsage().heapUsed;
    growth.push((after - before) / big.length);
    void result;
  }
  console.log(`\n6. Big synthetic file (UEFI example + 20,000 commands, ${fix(big.length / MB)} MB), in process, ${speed.length} pairs.\n`);
  console.log(`   lint / saxes CPU time:              ${spread(speed)}`);
  console.log(`   heap growth while linting / bytes:  ${spread(growth, 1)}×${globalThis.gc ? '' : '  (run with node --expose-gc for a steadier figure)'}`);
}

// ---------------------------------------------------------------------------------------------------

/** The commit of the code measured (the last one touching the product, not the bench), and HEAD's. */
function commit(): string {
  const git = (...args: string[]): string => {
    const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : '';
  };
  const code = git('log', '-1', '--format=%h', '--', 'src', 'rules', 'kb', 'package.json', 'package-lock.json');
  const head = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'src', 'rules', 'kb') ? ', with uncommitted changes' : '';
  if (!head) return 'unknown commit';
  return `code at ${code || head}${dirty}${code && code !== head ? ` (HEAD ${head})` : ''}`;
}

const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');

function main(): void {
  const began = Date.now();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`unattend-lint bench: ${commit()}, node ${process.version}, ${cpus().length} CPUs (${cpu}), load average ${load()}`);
  // Node reads the certificates NODE_EXTRA_CA_CERTS names at every start: that can be most of `node -e 0`, the anchor
  // of the cold-start figure, so the figure is comparable only between runs that agree on it.
  const certs = process.env['NODE_EXTRA_CA_CERTS'];
  console.log(`NODE_EXTRA_CA_CERTS: ${certs ? `set (${certs}); every node start reads it, the anchor of figure 2 included` : 'not set'}`);
  console.log('Every figure is measured against a baseline in this run (a ratio, or a difference in ms): median [min–max]');
  console.log('of the paired figures, A and B alternating after a warm-up. Goals print PASS/FAIL; the bench never fails');
  console.log('on a missed goal. A summary of the goals closes the run.');
  const tmp = mkdtempSync(join(tmpdir(), 'unattend-lint-bench-'));
  // The command's code cache starts empty in every run, in a directory of the run's own: each figure's warm-up
  // fills it (or makes it grow) as a user's earlier runs would. Figure 2 also measures a first run, without it.
  process.env['NODE_COMPILE_CACHE'] = join(tmp, 'compile-cache');
  delete process.env['NODE_DISABLE_COMPILE_CACHE'];
  console.log(`Code cache of the command: ${process.env['NODE_COMPILE_CACHE']}, empty at the start`);
  try {
    figureCorpus(tmp);
    figureCold(tmp);
    figureExtraFiles(tmp);
    figureBigFile(tmp);
    figureAdversarial(tmp);
    figureMemory();
    printGoals();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    closeNull();
  }
  console.log(`\nbench took ${fix((Date.now() - began) / 1000, 0)} s; load average now ${load()}`);
}

main();
