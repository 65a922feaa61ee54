// Timing and reporting helpers shared by the figures of npm run bench.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './generate.js';

export const MB = 1024 * 1024;
export const CHILD_TIMEOUT_MS = 90_000;
/**
 * The installed command (package.json "bin"), as users run it: the launcher that runs the CLI script with its code
 * cache. npm run bench points the cache at a directory of its own, empty at the start (see bench/run.ts).
 */
export const CLI = join(ROOT, 'bundle', 'bin.cjs');
export const BASELINE = join(ROOT, 'dist', 'bench', 'saxes-baseline.js');
const MAXRSS = pathToFileURL(join(ROOT, 'dist', 'bench', 'maxrss.js')).href;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const fix = (x: number, d = 2): string => (Number.isFinite(x) ? x.toFixed(d) : String(x));
/** "median [min–max]" of paired ratios (just the value when there is one pair). */
export const spread = (xs: number[], d = 2): string =>
  xs.length === 0 ? '—' : xs.length === 1 ? fix(xs[0]!, d) : `${fix(median(xs), d)} [${fix(Math.min(...xs), d)}–${fix(Math.max(...xs), d)}]`;
export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
export const row = (cells: (string | number)[], widths: number[]): string =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');

let devNull: number | undefined;
export const nullFd = (): number => (devNull ??= openSync(process.platform === 'win32' ? 'NUL' : '/dev/null', 'w'));
export function closeNull(): void {
  if (devNull !== undefined) closeSync(devNull);
  devNull = undefined;
}

export interface ProcessRun {
  ms: number;
  /** User + system CPU milliseconds of the process (Linux; NaN elsewhere): steadier than wall time on a busy machine. */
  cpuMs: number;
  /** Peak resident set size in bytes, when asked for (node processes only). */
  rss?: number;
  status: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stderr: string;
}

let ticksPerSecond: number | undefined;
/** CPU milliseconds used by this process's waited-for children so far (cutime + cstime of /proc/self/stat). */
function childrenCpuMs(): number {
  try {
    ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\)\s*/s, '').split(/\s+/);
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
  } catch {
    return NaN;
  }
}

export interface RunOptions {
  cwd?: string;
  timeout?: number;
  /** Preload bench/maxrss.js into the (node) process and report its peak RSS. */
  rss?: boolean;
  /** Variables added to the environment. */
  env?: Record<string, string>;
}

/** Wall time of one process, its stdout to /dev/null. */
export function runCommand(command: string, args: string[], options: RunOptions = {}): ProcessRun {
  const timeout = options.timeout ?? CHILD_TIMEOUT_MS;
  const argv = options.rss ? ['--import', MAXRSS, ...args] : args;
  const cpu0 = childrenCpuMs();
  const start = process.hrtime.bigint();
  const r = spawnSync(command, argv, {
    cwd: options.cwd,
    env: options.env ? { ...process.env, ...options.env } : process.env,
    stdio: ['ignore', nullFd(), 'pipe', ...(options.rss ? (['pipe'] as const) : [])],
    timeout,
    maxBuffer: 16 * MB,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuMs = childrenCpuMs() - cpu0;
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  const run: ProcessRun = { ms, cpuMs, status: r.status, signal: r.signal, timedOut, stderr: String(r.stderr ?? '') };
  if (options.rss) {
    const kib = Number(String(r.output?.[3] ?? '').trim());
    run.rss = String(r.output?.[3] ?? '').trim() && Number.isFinite(kib) ? kib * 1024 : NaN;
  }
  return run;
}

/** Wall time of one node process (this node), its stdout to /dev/null. */
export const runProcess = (args: string[], options: RunOptions = {}): ProcessRun => runCommand(process.execPath, args, options);

/** The process finished normally (0 clean, 1 findings); otherwise what went wrong, for the report. */
export function failure(r: ProcessRun, timeout = CHILD_TIMEOUT_MS): string | undefined {
  if (r.timedOut) return `timed out after ${timeout / 1000} s`;
  if (r.signal) return `crashed: signal ${r.signal}`;
  if (r.status !== 0 && r.status !== 1) {
    const line = r.stderr.split('\n').find((l) => l.trim()) ?? '';
    return `crashed: exit code ${r.status}${line ? ` (${line.trim().slice(0, 120)})` : ''}`;
  }
  // Node exits 1 on an uncaught exception too (a CLI file that is not there, say): the linter never prints a stack
  // trace unless asked, so one on stderr is a crash, not findings.
  if (r.status === 1 && /^\s+at .*\d+:\d+\)?$/m.test(r.stderr)) {
    const line = r.stderr.split('\n').find((l) => /^\w*Error\b/.test(l)) ?? 'uncaught exception';
    return `crashed: exit code 1 (${line.trim().slice(0, 120)})`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// The goals of the speed table, collected as the figures are measured and printed together at the end.

export interface Goal {
  figure: string;
  anchor: string;
  value: string;
  /** The same figure by CPU time (user + system), when there is one: steadier on a busy machine. */
  cpu?: string;
  goal: string;
  /** undefined: not measured (the reason is in `value`). */
  pass?: boolean;
}

export const goals: Goal[] = [];

export interface Judged {
  figure: string;
  anchor: string;
  /** The paired figures the goal is judged on (their median). */
  values: number[];
  limit: number;
  /** The same pairs by CPU time, shown beside. */
  cpu?: number[];
  /** '×' (a ratio) or ' ms'. */
  unit?: string;
  digits?: number;
}

/** Records one goal (the median of `values` against `limit`) and returns its cell, e.g. "≤ 1.5× PASS". */
export function judge({ figure, anchor, values, limit, cpu, unit = '×', digits = 2 }: Judged): string {
  const m = values.length ? median(values) : NaN;
  const pass = Number.isFinite(m) ? m <= limit : undefined;
  const goal = `≤ ${limit}${unit}`;
  const shown = (xs: number[]): string => (xs.length ? `${spread(xs, digits)}${unit}` : '—');
  goals.push({ figure, anchor, value: shown(values), cpu: cpu && shown(cpu), goal, pass });
  return `${goal} ${pass === undefined ? '—' : verdict(pass)}`;
}

/** Records a goal that could not be measured. */
export function unmeasured(figure: string, anchor: string, limit: number, why: string, unit = '×'): string {
  goals.push({ figure, anchor, value: why, goal: `≤ ${limit}${unit}` });
  return `≤ ${limit}${unit} —`;
}

export function printGoals(): void {
  const cells = (g: Goal): string[] => [g.figure, g.anchor, g.value, g.goal, g.pass === undefined ? '—' : verdict(g.pass), g.cpu ?? ''];
  const head = ['figure', 'anchor', 'measured (wall)', 'goal', '', 'by CPU time'];
  const w = head.map((h, i) => Math.max(h.length, ...goals.map((g) => cells(g)[i]!.length)));
  const line = (c: string[]): string => c.map((x, i) => x.padEnd(w[i]!)).join('  ').trimEnd();
  console.log('\nGoals (median [min–max] of the paired figures above; judged on wall time, CPU time beside):\n');
  console.log(line(head));
  for (const g of goals) console.log(line(cells(g)));
  const met = goals.filter((g) => g.pass).length;
  console.log(`\n${met} of ${goals.length} goals met.`);
}
