// Hostile input never crashes: a few thousand seeded mutations of the fixtures, and inputs too deep or too big for
// any mutation, each linted with every rule, explained, and printed by every reporter (npm run fuzz runs more).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, fixtureSeeds, giants, mutants } from './helpers/fuzz.js';
import { FIXTURES } from './helpers/paths.js';

const SEED = 20261201;
const COUNT = 2500;

test(`${COUNT} mutated fixtures: every input gets a result, no exception escapes, no password is printed`, () => {
  const failures: string[] = [];
  for (const [name, input] of mutants(fixtureSeeds(), COUNT, SEED)) {
    const { failure } = check(input);
    if (failure) failures.push(`${name}: ${failure.split('\n')[0]}`);
  }
  assert.equal(failures.slice(0, 10), [], `${failures.length} of ${COUNT} inputs failed (first 10 shown)`);
});

test('inputs no mutation reaches (100,000-deep nesting, multi-megabyte attributes and values, NUL, binary, empty)', () => {
  for (const [name, input] of giants()) {
    const { failure } = check(input);
    assert.is(failure, undefined, name);
  }
});

test('what fuzzing once found stays fixed (fixtures/fuzz): secrets where the parser binds nothing are masked too', () => {
  const dir = join(FIXTURES, 'fuzz');
  const found = readdirSync(dir).filter((f) => f.endsWith('.xml'));
  assert.ok(found.length >= 3);
  for (const name of found) assert.is(check(readFileSync(join(dir, name))).failure, undefined, name);
});

test('the fuzzer is deterministic: one seed, the same inputs', () => {
  const a = [...mutants(fixtureSeeds(), 50, 7)].map(([, b]) => b.toString('base64'));
  const b = [...mutants(fixtureSeeds(), 50, 7)].map(([, b]) => b.toString('base64'));
  assert.equal(a, b);
  assert.not.equal(a, [...mutants(fixtureSeeds(), 50, 8)].map(([, b]) => b.toString('base64')));
});

test.run();
