// Runs the built CLI in a child process, as users and CI do.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './paths.js';
import { tempDir } from './temp.js';

export const CLI = join(ROOT, 'dist', 'src', 'cli.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
  /** Run as this user and group (root only). */
  uid?: number;
  gid?: number;
  /** Milliseconds before the run is killed (code -1): for inputs that could make a walk hang. */
  timeout?: number;
}

export function runCli(args: string[], opts: CliOptions = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(opts.uid !== undefined ? { uid: opts.uid } : {}),
    ...(opts.gid !== undefined ? { gid: opts.gid } : {}),
    ...(opts.timeout !== undefined ? { timeout: opts.timeout } : {}),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Creates a temporary tree from { "relative/path": content }. */
export function tempTree(files: Record<string, string | Buffer>): string {
  const dir = tempDir('unattend-lint-');
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

/** True when a stack trace line leaked into the output. */
export const hasStack = (s: string): boolean => /^\s+at .+\(.*:\d+:\d+\)$/m.test(s) || /^\s+at file:/m.test(s);
