// SARIF that Microsoft's SARIF Multitool accepts with GitHub's ingestion rules: no error, no warning, and no
// note but the few the design keeps (test/helpers/multitool.ts says which and why).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sarif, toSarifLog } from '../src/reporters/sarif.js';
import { runCli } from './helpers/cli.js';
import { multitoolRemarks, objections } from './helpers/multitool.js';
import { context, sampleResults } from './reporters-sample.js';

// Logs validated in one Multitool run (it takes seconds to start): the hand-built sample, an empty run, and the
// CLI's log over every rule fixture (every built-in rule's descriptor, UTF-16 and CRLF files, secrets).
const fixtures = runCli(['-f', 'sarif', 'fixtures/rules', 'fixtures/parser']);
const LOGS = [sarif(sampleResults(), context()), sarif([], context()), fixtures.stdout];
const remarks = multitoolRemarks(LOGS);

test('the CLI wrote a SARIF log over the fixtures', () => {
  assert.is(fixtures.code, 1, fixtures.stderr);
  const log = JSON.parse(fixtures.stdout) as ReturnType<typeof toSarifLog>;
  assert.ok(log.runs[0].tool.driver.rules.length > 50, 'most rules fired');
  assert.ok(log.runs[0].tool.driver.rules.every((r) => r.helpUri && r.help.markdown.length > r.shortDescription.text.length));
});

for (const [i, label] of ['the sample', 'an empty run', 'the fixtures'].entries()) {
  test(`the Multitool (Gh;Sarif) accepts ${label}`, () => {
    assert.equal(objections(remarks.filter((r) => r.log === i)), []);
  });
}

test('the Multitool is really judging (a test that can fail)', () => {
  const log = toSarifLog(sampleResults(), context());
  const rule = log.runs[0].tool.driver.rules[0]!;
  rule.name = rule.id;
  delete rule.helpUri;
  delete log.runs[0].results[0]!.locations[0]!.physicalLocation.contextRegion;
  const ids = new Set(objections(multitoolRemarks([JSON.stringify(log)])).map((o) => o.split(':')[0]));
  assert.equal([...ids].sort(), ['note SARIF2011', 'note SARIF2012', 'warning SARIF1001']);
});

test.run();
