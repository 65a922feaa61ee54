// No reporter ever prints a secret: not in code frames, messages, fixes, SARIF or annotations.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadFormatters } from '../src/reporters/index.js';
import { toJsonResults } from '../src/reporters/json.js';
import { maskSlice, SECRET_MASK, showableFix } from '../src/reporters/secrets.js';
import type { FileResult } from '../src/types.js';
import { context, DOMAIN_PASSWORD, PASSWORD, sampleResults, span } from './reporters-sample.js';

const formatters = await loadFormatters();

const encoded = (p: string): string => Buffer.from(`${p}AdministratorPassword`, 'utf16le').toString('base64');
const FORBIDDEN = [PASSWORD, DOMAIN_PASSWORD, encoded(PASSWORD)];

/** Sample where buggy rules also quote the secret in a message and in a related location. */
function leakyResults(): FileResult[] {
  const results = sampleResults();
  const [unattend] = results;
  const pw = unattend!.messages[1]!;
  pw.message = `password "${PASSWORD}" is stored in plain text`;
  pw.related = [{ message: `same as "${PASSWORD}"`, line: 8, column: 18, endLine: 8, endColumn: 27 }];
  return results;
}

for (const [name, reporter] of Object.entries(formatters)) {
  for (const color of [false, true]) {
    test(`${name} (color ${color}) prints no secret`, () => {
      const out = reporter(leakyResults(), context({ color }));
      assert.ok(out.length > 0);
      for (const secret of FORBIDDEN) assert.not.ok(out.includes(secret), `${name} printed "${secret}"`);
      // The messages were redacted, not dropped.
      assert.ok(out.includes(SECRET_MASK) && out.includes('is stored in plain text'));
    });
  }
}

test('the mask has a fixed length, so it does not leak the length of the password', () => {
  const frameOf = (password: string): string => {
    const [file] = sampleResults();
    file!.source = file!.source!.replace(PASSWORD, password);
    file!.secretRanges = [span(file!.source!, password).range];
    const d = file!.messages[1]!;
    Object.assign(d, span(file!.source!, `<Value>${password}</Value>`));
    return formatters.text!([file!], context());
  };
  const short = frameOf('x1');
  assert.is(short, frameOf('a-much-longer-password-than-that'));
  assert.ok(short.includes(`<Value>${SECRET_MASK}</Value>`));
});

test('json drops a fix that touches a secret or carries one, keeps the others', () => {
  const [unattend] = toJsonResults(sampleResults());
  assert.is(unattend!.messages[1]!.fix, undefined);
  assert.equal(unattend!.messages[2]!.fix!.text, 'Pacific Standard Time');
  const file = sampleResults()[0]!;
  const secret = file.secretRanges![0]!;
  assert.is(showableFix({ range: [secret.start + 2, secret.start + 2], text: 'x' }, file), undefined, 'insertion inside');
  assert.is(showableFix({ range: [0, 0], text: `<!-- ${PASSWORD} -->` }, file), undefined, 'text carries it');
  assert.ok(showableFix({ range: [secret.end, secret.end], text: 'x' }, file), 'insertion right after');
  assert.ok(showableFix({ range: [0, 5], text: '<?xml' }, file));
});

test('json never serialises internal fields', () => {
  const out = formatters.json!(leakyResults(), context());
  for (const key of ['"source"', '"secretRanges"', '"range":{', '"related"', '"vetted"']) assert.not.ok(out.includes(key), key);
});

test('maskSlice maps source offsets to the masked text', () => {
  const src = 'ab<P>secret</P>cd';
  const m = maskSlice(src, 0, src.length, [{ start: 5, end: 11 }]);
  assert.is(m.text, `ab<P>${SECRET_MASK}</P>cd`);
  assert.is(m.toDisplay(5, 'start'), 5);
  assert.is(m.toDisplay(7, 'start'), 5);
  assert.is(m.toDisplay(7, 'end'), 5 + SECRET_MASK.length);
  assert.is(m.toDisplay(11, 'start'), 5 + SECRET_MASK.length);
  assert.is(m.toDisplay(15, 'end'), 15 - 6 + SECRET_MASK.length);
  // A secret that starts on an earlier line is masked on this line too.
  assert.is(maskSlice(src, 8, 13, [{ start: 5, end: 11 }]).text, `${SECRET_MASK}</`);
  // Overlapping ranges become one mask; empty ones mask nothing.
  assert.is(maskSlice(src, 0, src.length, [{ start: 5, end: 9 }, { start: 7, end: 11 }, { start: 1, end: 1 }]).text, m.text);
});

test.run();
