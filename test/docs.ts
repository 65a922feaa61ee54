// The rule tables in README.md and docs/rules.md match the rules' metadata.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedDocs } from '../docs/generate.js';
import { ROOT } from './helpers/paths.js';

for (const [path, text] of Object.entries(await expectedDocs())) {
  test(`${path} rule table and example output are current (npm run docs)`, () => {
    assert.fixture(readFileSync(join(ROOT, path), 'utf8'), text);
  });
}

test.run();
