// Linting many files on several threads (--concurrency): the main thread and worker threads take the next file
// from one shared counter, so fast and slow files balance themselves, and the results come back in file order.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { builtinRules } from '../rules/index.js';
import { createLinter, FileReadError, FileWriteError, type FixedResult, type Linter } from './lint.js';
import { InternalError } from './engine/errors.js';
import { ConfigError } from './config/index.js';
import type { FileResult } from './types.js';
import { displayPath } from './reporters/paths.js';

/** What a thread needs to make the same linter as the main thread: plain data, sent to each worker. */
export interface LinterSetup {
  cwd: string;
  configFile?: string;
  noConfigLookup: boolean;
  cliRules: string[];
  inlineConfig: boolean;
  ignorePatterns: string[];
}

/** The outcome of one file, as sequential linting would have it. */
export type FileOutcome =
  | { kind: 'result'; result: FileResult }
  | { kind: 'ignored' }
  /** `result`: the file's findings all the same (a fix that could not be written back: of what the file still says). */
  | { kind: 'problem'; message: string; stack?: string; result?: FileResult };

/** --concurrency: a number of threads, "auto" (several only for runs big enough to gain from them) or "off". */
export type Concurrency = number | 'auto' | 'off';

/**
 * "auto" uses worker threads only on machines with at least this many CPUs, and for runs of at least AUTO_MIN_FILES
 * files. On two CPUs a second thread gains nothing: one thread already keeps V8's compiler and collector threads
 * busy on the other CPU, and each worker starts the linter and compiles the rules again (docs/performance.md).
 */
export const AUTO_MIN_CPUS = 4;
export const AUTO_MIN_FILES = 400;
/** "auto" gives each thread at least this many files, uses at most half the CPUs, and at most this many threads. */
const AUTO_FILES_PER_THREAD = 200;
const AUTO_MAX_THREADS = 4;

/** How many threads lint `files` files (1: the main thread alone). */
export function threadCount(concurrency: Concurrency, files: number, cpus = availableParallelism()): number {
  if (concurrency === 'off') return 1;
  if (concurrency === 'auto') {
    if (files < AUTO_MIN_FILES || cpus < AUTO_MIN_CPUS) return 1;
    return Math.max(1, Math.min(Math.floor(cpus / 2), AUTO_MAX_THREADS, Math.floor(files / AUTO_FILES_PER_THREAD)));
  }
  return Math.max(1, Math.min(concurrency, files));
}

/** --concurrency's value (off when not given), or undefined when it is not one. */
export function parseConcurrency(value: string | undefined): Concurrency | undefined {
  if (value === undefined || value === 'off') return 'off';
  if (value === 'auto') return 'auto';
  return /^[1-9]\d{0,2}$/.test(value) ? Number(value) : undefined;
}

interface WorkerInput {
  kind: 'unattend-lint-worker';
  setup: LinterSetup;
  files: string[];
  /** Int32Array over a SharedArrayBuffer: [0] is the index of the next file to take. */
  next: SharedArrayBuffer;
}

/** Lints the files the counter hands this thread; each outcome is kept with its file's index. */
async function drain(linter: Linter, files: readonly string[], next: Int32Array, cwd: string): Promise<[number, FileOutcome][]> {
  const out: [number, FileOutcome][] = [];
  for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) out.push([i, await lintOne(linter, files[i]!, cwd)]);
  return out;
}

/** One file's outcome with --fix (or --fix-dry-run, `write` false): ignored, fixed and linted, or its problem. */
export async function fixOne(linter: Linter, file: string, cwd: string, write: boolean, fixed: (f: FixedResult) => void, errorsOnly = false): Promise<FileOutcome> {
  try {
    if (await linter.isIgnored(file)) return { kind: 'ignored' };
    const r = await linter.fixFile(file, { write, errorsOnly });
    fixed(r);
    const { fixed: _, fixes: __, notWritable: ___, ...result } = r;
    return { kind: 'result', result };
  } catch (err) {
    return problemOf(err, cwd);
  }
}

/**
 * One file's outcome on this thread: ignored by its config, linted, or the problem that stopped it. `bytes`: the
 * file's bytes as the walk read them (FoundFile.bytes), linted instead of reading the file again.
 */
export async function lintOne(linter: Linter, file: string, cwd: string, bytes?: Uint8Array): Promise<FileOutcome> {
  try {
    if (await linter.isIgnored(file)) return { kind: 'ignored' };
    return { kind: 'result', result: await (bytes ? linter.lintBytes(bytes, file) : linter.lintFile(file)) };
  } catch (err) {
    return problemOf(err, cwd);
  }
}

/** A read problem's message, naming the file as the report does (relative to `cwd`). */
export function readProblem(err: FileReadError, cwd: string): string {
  return err.message.split(err.filePath).join(displayPath(err.filePath, cwd));
}

/** A file that cannot be read, or a rule's crash, is that file's problem; anything else stops the run. */
export function problemOf(err: unknown, cwd: string): FileOutcome {
  if (err instanceof FileWriteError) return { kind: 'problem', message: readProblem(err, cwd), result: err.result };
  if (err instanceof FileReadError) return { kind: 'problem', message: readProblem(err, cwd) };
  if (err instanceof InternalError) {
    const stack = err.cause instanceof Error ? err.cause.stack : undefined;
    return { kind: 'problem', message: `internal error: ${err.message}`, ...(stack ? { stack } : {}) };
  }
  throw err;
}

/** The linter `setup` describes, with the built-in rules (the same on every thread). */
export const linterFor = (setup: LinterSetup): Linter => createLinter({ ...setup, builtinRules });

/**
 * Lints `files` on `threads` threads: this one (with `linter`) and threads − 1 workers, each making its own linter
 * from `setup`. The outcomes are in the order of `files`, exactly as one thread would give them.
 */
export async function lintOnThreads(linter: Linter, setup: LinterSetup, files: readonly string[], threads: number): Promise<FileOutcome[]> {
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const input: WorkerInput = { kind: 'unattend-lint-worker', setup, files: [...files], next };
  const workers = Array.from({ length: Math.max(0, threads - 1) }, () => startWorker(input));
  let parts: [number, FileOutcome][][];
  try {
    parts = [await drain(linter, files, counter, setup.cwd), ...(await Promise.all(workers.map((w) => w.part)))];
  } catch (err) {
    // The first failure is the run's (a config error, say, which every thread meets): the others are stopped.
    for (const w of workers) {
      w.part.catch(() => undefined);
      void w.worker.terminate();
    }
    throw err;
  }
  const outcomes: FileOutcome[] = new Array(files.length);
  for (const part of parts) for (const [i, o] of part) outcomes[i] = o;
  return outcomes;
}

/** A worker and its outcomes (rejected with what stopped it). */
function startWorker(input: WorkerInput): { worker: Worker; part: Promise<[number, FileOutcome][]> } {
  const worker = new Worker(new URL(import.meta.url), { workerData: input });
  const part = new Promise<[number, FileOutcome][]>((resolvePart, reject) => {
    let done = false;
    worker.once('message', (reply: WorkerReply) => {
      done = true;
      if ('part' in reply) resolvePart(reply.part);
      else reject(reply.configError ? new ConfigError(reply.message, reply.filePath) : new InternalError(`a linting thread failed: ${reply.message}`));
    });
    worker.once('error', (err) => reject(new InternalError(`a linting thread failed: ${err instanceof Error ? err.message : String(err)}`, undefined, undefined, undefined, undefined, err)));
    worker.once('exit', (code) => {
      if (!done) reject(new InternalError(`a linting thread stopped (exit code ${code}) before it reported`));
    });
  });
  return { worker, part };
}

/** A worker's outcomes, or what stopped it (a config error is the user's, and is reported as one). */
type WorkerReply = { part: [number, FileOutcome][] } | { message: string; configError: boolean; filePath?: string };

// The worker's side: the same module, started by lintOnThreads.
const input = !isMainThread ? (workerData as WorkerInput | undefined) : undefined;
if (input?.kind === 'unattend-lint-worker' && parentPort) {
  const port = parentPort;
  drain(linterFor(input.setup), input.files, new Int32Array(input.next), input.setup.cwd).then(
    (part) => port.postMessage({ part } satisfies WorkerReply),
    (err: unknown) => {
      const configError = err instanceof ConfigError;
      const filePath = configError ? err.filePath : undefined;
      port.postMessage({ message: err instanceof Error ? err.message : String(err), configError, ...(filePath ? { filePath } : {}) } satisfies WorkerReply);
    },
  );
}
