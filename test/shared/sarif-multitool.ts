// The SARIF log of the real-world corpus, written from its parent directory as code scanning runs from the
// checkout, passes Microsoft's SARIF Multitool with GitHub's ingestion rules (no error, no warning, only the
// notes the design keeps).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { multitoolRemarks, objections } from '../helpers/multitool.js';
import { SHARED } from '../helpers/paths.js';

test('the corpus SARIF log has no Multitool objection', () => {
  const r = runCli(['-f', 'sarif', 'real'], { cwd: join(SHARED, 'corpus') });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const log = JSON.parse(r.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[] };
  const results = log.runs[0]!.results;
  assert.ok(results.length > 1000, `${results.length} results`);
  assert.ok(results.every((x) => x.locations[0]!.physicalLocation.artifactLocation.uri.startsWith('real/')));
  const remarks = multitoolRemarks([r.stdout]);
  const counts = new Map<string, number>();
  for (const m of remarks) counts.set(`${m.level} ${m.ruleId}`, (counts.get(`${m.level} ${m.ruleId}`) ?? 0) + 1);
  console.log(`Multitool over the corpus (${results.length} results): ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ') || 'no remark'}`);
  assert.equal(objections(remarks), []);
});

test.run();
