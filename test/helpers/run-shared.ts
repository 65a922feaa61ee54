// `npm run test:shared`: the checks that need ../shared (the full real-world corpus, the knowledge base
// against its Microsoft sources), kept out of `npm test` so that a plain clone passes without it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'uvu/parse';
import { run } from 'uvu/run';
import { ROOT, SHARED } from './paths.js';

if (!existsSync(SHARED)) {
  console.log('../shared not found: skipping the real-corpus and knowledge-base checks');
} else {
  console.log(`../shared found at ${SHARED}: running the real-corpus and knowledge-base checks`);
  const { suites } = await parse(join(ROOT, 'dist', 'test', 'shared'), /\.js$/);
  await run(suites, { bail: false });
}
