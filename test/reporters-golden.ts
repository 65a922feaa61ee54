// Golden outputs of every format for the shared sample; UPDATE_GOLDEN=1 rewrites them for review.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isFormat, loadFormatters, loadReporter } from '../src/reporters/index.js';
import { context, GOLDEN_DIR, sampleResults } from './reporters-sample.js';

const formatters = await loadFormatters();

const GOLDEN: Record<string, string> = {
  text: 'sample.txt',
  json: 'sample.json',
  sarif: 'sample.sarif',
  compact: 'sample.compact.txt',
  github: 'sample.github.txt',
  gitlab: 'sample.gitlab.json',
  checkstyle: 'sample.checkstyle.xml',
  junit: 'sample.junit.xml',
};

for (const [format, file] of Object.entries(GOLDEN)) {
  test(`${format} output matches fixtures/reporters/${file}`, () => {
    const out = formatters[format]!(sampleResults(), context());
    const golden = path.join(GOLDEN_DIR, file);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, out);
    assert.ok(existsSync(golden), `missing ${golden}; run with UPDATE_GOLDEN=1 and review it`);
    assert.fixture(out, readFileSync(golden, 'utf8'));
  });
}

test('every registered format has a golden file', () => {
  assert.equal(Object.keys(formatters).sort(), Object.keys(GOLDEN).sort());
});

test('unknown format names, including inherited ones, are not formats and load no reporter', async () => {
  for (const name of ['stylish', 'toString', '__proto__']) {
    assert.not.ok(isFormat(name), name);
    assert.is(await loadReporter(name), undefined);
  }
  assert.ok(isFormat('sarif'));
  assert.is(await loadReporter('sarif'), formatters.sarif);
});

test('clean results: no output for line formats, an empty array or run for machine formats', () => {
  const clean = sampleResults().filter((r) => r.messages.length === 0);
  const ctx = context();
  assert.is(formatters.text!(clean, ctx), '');
  assert.is(formatters.compact!(clean, ctx), '');
  assert.is(formatters.github!(clean, ctx), '');
  assert.equal(JSON.parse(formatters.gitlab!(clean, ctx)), []);
  assert.match(formatters.checkstyle!(clean, ctx), /<file name="clean\/unattend.xml"\/>\n<\/checkstyle>\n$/);
  assert.match(formatters.junit!([], ctx), /<testsuites name="unattend-lint" tests="0" failures="0" errors="0" time="0">\n<\/testsuites>\n$/);
  assert.is(formatters.text!([], ctx), '');
  assert.equal(JSON.parse(formatters.json!([], ctx)), []);
  const log = JSON.parse(formatters.sarif!(clean, ctx));
  assert.equal(log.runs[0].results, []);
  // The rules are described all the same: the run says what it checked.
  assert.equal(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id), [...ctx.rules.keys(), 'parse-error'].sort());
});

test.run();
