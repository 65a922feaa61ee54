// One adversarial input measured through lintSource in a process of its own, so that a crash, a hang or an
// out-of-memory is reported instead of ending the bench. Usage: node dist/bench/inprocess.js ID N BUDGET_MS
// Prints one JSON line per measurement as it goes (the parent keeps what arrived if it has to kill us).
import { lintSource } from '../src/engine/run.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { builtinRules } from '../rules/index.js';
import { ADVERSARIAL, TINY } from './generate.js';

export const enabledRules = () =>
  builtinRules.map((rule) => ({
    rule,
    severity: (rule.meta.severity === 'error' ? 2 : 1) as 1 | 2,
    options: { ...(rule.meta.defaultOptions ?? {}) },
  }));

const [id, nArg, budgetArg] = process.argv.slice(2);
const spec = ADVERSARIAL.find((a) => a.id === id);
if (!spec) throw new Error(`unknown input ${id}`);
const n = nArg ? Number(nArg) : spec.n;
const budget = Number(budgetArg ?? 10_000);

const kb = loadKnowledgeBase();
const rules = enabledRules();
const inputs = {
  tiny: Buffer.from(TINY),
  warm: Buffer.from(spec.make(Math.max(1, Math.round(n / 10)))),
  n: Buffer.from(spec.make(n)),
  '2n': Buffer.from(spec.make(2 * n)),
};
type Which = keyof typeof inputs;

const emit = (o: object): void => void process.stdout.write(`${JSON.stringify(o)}\n`);
emit({ kind: 'sizes', tiny: inputs.tiny.length, n: inputs.n.length, '2n': inputs['2n'].length });

interface Time {
  /** Wall milliseconds. */
  wall: number;
  /** User + system CPU milliseconds of this process (all its threads, so GC helpers count). */
  cpu: number;
}

/** Time of one lint; on a throw, reports the crash and exits 3. */
function time(which: Which): Time {
  const bytes = inputs[which];
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  let result;
  try {
    result = lintSource(bytes, { filePath: `${id}-${which}.xml`, rules, kb, settings: {} });
  } catch (err) {
    emit({ kind: 'crash', which, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    process.exit(3);
  }
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1000;
  const fatal = result.messages.find((m) => m.fatal)?.message ?? null;
  emit({ kind: 'lint', which, wall, cpu, findings: result.messages.length, fatal });
  return { wall, cpu };
}

/** The tiny file's time: median of a few lints, it is short and noisy. */
function tiny(): Time {
  const t = [0, 1, 2, 3, 4].map(() => time('tiny'));
  const mid = (xs: number[]): number => xs.sort((a, b) => a - b)[2]!;
  return { wall: mid(t.map((x) => x.wall)), cpu: mid(t.map((x) => x.cpu)) };
}

// Warm-up on the tiny file and on the input at n/10 (enough for the JIT, cheap when the input is superlinear),
// then rounds of tiny, n, 2n until the budget is spent: at least one round, at most seven.
for (let i = 0; i < 5; i++) time('tiny');
time('warm');
const began = Date.now();
for (let round = 0; round < 7; round++) {
  const t0 = tiny();
  const tn = time('n');
  const t2n = time('2n');
  emit({ kind: 'round', tiny: t0, n: tn, '2n': t2n });
  if (Date.now() - began > budget) break;
}
emit({ kind: 'done' });
