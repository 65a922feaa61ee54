// Two builds of the lint in one process, on the same files: what a change inside the lint costs or saves, told apart
// to a few per cent where whole-process runs on a busy machine are not. Usage:
//   node dist/bench/ab.js A_DIST B_DIST [DIR] [ROUNDS] [CHUNK]
// A_DIST and B_DIST are built trees (a worktree's dist/, after `npm run compile`); DIR defaults to the synthetic set
// of `npm run bench` (written to a temporary directory). The two builds lint each chunk of files one after the other
// (their order alternating), so both meet the same load; after two warm-up rounds, the figure is the median of the
// per-chunk ratios B/A, with its quartiles. The same build given twice shows the method's own spread.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeSyntheticCorpus } from './generate.js';
import { SYNTHETIC_SEED } from './speed.js';

type Lint = (files: readonly Buffer[], from: number, to: number) => number;

async function load(dist: string): Promise<Lint> {
  const at = (path: string): string => pathToFileURL(join(resolve(dist), path)).href;
  const { lintSource } = await import(at('src/engine/run.js'));
  const { loadKnowledgeBase } = await import(at('src/kb/load.js'));
  const { builtinRules } = await import(at('rules/index.js'));
  const { createPlan } = await import(at('src/engine/plan.js'));
  const rules = builtinRules.map((rule: { meta: { severity: string; defaultOptions?: object } }) => ({
    rule,
    severity: rule.meta.severity === 'error' ? 2 : 1,
    options: { ...(rule.meta.defaultOptions ?? {}) },
  }));
  const kb = loadKnowledgeBase();
  const plan = createPlan(rules, kb);
  return (files, from, to) => {
    const t = performance.now();
    for (let i = from; i < to; i++) lintSource(files[i]!, { filePath: `file-${i}.xml`, kb, rules, plan });
    return performance.now() - t;
  };
}

const [a, b, dirArg, roundsArg, chunkArg] = process.argv.slice(2);
if (!a || !b) {
  process.stderr.write('usage: node dist/bench/ab.js A_DIST B_DIST [DIR] [ROUNDS] [CHUNK]\n');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 6);
const chunk = Number(chunkArg ?? 50);
const tmp = dirArg ? undefined : mkdtempSync(join(tmpdir(), 'unattend-lint-ab-'));
const dir = dirArg ?? join(tmp!, 'synthetic');
if (tmp) {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir);
  writeSyntheticCorpus(dir, 1000, SYNTHETIC_SEED);
}
const files = readdirSync(dir).filter((n) => n.endsWith('.xml')).sort().map((n) => readFileSync(join(dir, n)));
const lintA = await load(a);
const lintB = await load(b);
const ratios: number[] = [];
let sumA = 0;
let sumB = 0;
for (let r = 0; r < rounds; r++) {
  for (let c = 0; c < files.length; c += chunk) {
    const to = Math.min(files.length, c + chunk);
    let ta: number;
    let tb: number;
    if ((c / chunk + r) % 2) {
      ta = lintA(files, c, to);
      tb = lintB(files, c, to);
    } else {
      tb = lintB(files, c, to);
      ta = lintA(files, c, to);
    }
    if (r < 2) continue;
    ratios.push(tb / ta);
    sumA += ta;
    sumB += tb;
  }
}
if (tmp) rmSync(tmp, { recursive: true, force: true });
ratios.sort((x, y) => x - y);
const q = (f: number): string => ratios[Math.floor(f * (ratios.length - 1))]!.toFixed(3);
const measured = Math.max(1, rounds - 2);
console.log(
  `${files.length} files, chunks of ${chunk}, ${measured} rounds after 2 warm-up rounds: B/A ${q(0.5)} [${q(0.25)}–${q(0.75)}] ` +
    `(median [quartiles] of ${ratios.length} chunk ratios); A ${(sumA / measured).toFixed(0)} ms, B ${(sumB / measured).toFixed(0)} ms per round`,
);
