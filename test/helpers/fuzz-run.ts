// npm run fuzz [-- --count N --seed S]: many more hostile inputs than npm test runs, with the time each takes.
// Exits 1 when an input fails (an exception, a finding without position, a printed password) or its lint takes more
// than a second per megabyte (inputs under 64 KB count as 64 KB); each failing input is written to a temp directory, to be kept in fixtures/fuzz once fixed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { check, fixtureSeeds, giants, mutants } from './fuzz.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '100000' }, seed: { type: 'string', default: String(Date.now() % 1e9) } } });
const count = Number(values.count);
const seed = Number(values.seed);
const out = mkdtempSync(join(tmpdir(), 'unattend-lint-fuzz-'));
let failed = 0;
let slow = 0;
let worst = { name: '', msPerMb: 0 };
// Warm the code up first, on other inputs: start-up is the benchmark's figure, not a cost per megabyte.
for (const [, input] of mutants(fixtureSeeds(), 500, seed + 1)) check(input);
const started = performance.now();
const inputs: Iterable<[string, Buffer]> = [...giants(), ...mutants(fixtureSeeds(), count, seed)];
let n = 0;
for (const [name, input] of inputs) {
  n++;
  const { failure, ms: first } = check(input);
  // Small inputs are measured against a floor of 64 KB: a lint's fixed cost is not a cost per megabyte. A slow
  // time is measured twice more and the fastest kept, so that a garbage collection or a busy machine is no finding.
  const perMb = (ms: number): number => ms / (Math.max(input.length, 65_536) / 1_048_576);
  let ms = first;
  if (!failure && perMb(ms) > 1000) ms = Math.min(ms, check(input).ms, check(input).ms);
  const msPerMb = perMb(ms);
  if (msPerMb > worst.msPerMb) worst = { name, msPerMb };
  if (failure || msPerMb > 1000) {
    const file = join(out, `${n}.xml`);
    writeFileSync(file, input);
    if (failure) failed++;
    else slow++;
    console.log(`${failure ? 'FAIL' : 'SLOW'} ${name} (${input.length} bytes, ${ms.toFixed(0)} ms) → ${file}${failure ? `\n  ${failure.split('\n')[0]}` : ''}`);
  }
  if (n % 10_000 === 0) console.log(`${n} inputs, ${failed} failed, ${slow} slow, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
console.log(`seed ${seed}: ${n} inputs, ${failed} failed, ${slow} over a second per megabyte; slowest ${worst.msPerMb.toFixed(0)} ms/MB (${worst.name})`);
process.exitCode = failed || slow ? 1 : 0;
