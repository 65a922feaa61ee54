// --fix: fixes applied as non-overlapping edits, written back in the file's own encoding, re-linted.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes } from '../src/engine/fix.js';
import { encode } from '../src/source/encode.js';
import { decode } from '../src/source/decode.js';
import type { Diagnostic } from '../src/types.js';
import { runCli, tempTree } from './helpers/cli.js';

const diag = (start: number, end: number, text: string): Diagnostic => ({
  ruleId: 'r', severity: 1, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1, fix: { range: [start, end], text },
});

test('applyFixes applies edits in order and leaves overlapping ones for the next pass', () => {
  const out = applyFixes('abcdef', [diag(4, 5, 'E'), diag(0, 1, 'A'), diag(0, 2, 'XX'), diag(2, 2, '+')]);
  assert.is(out.text, 'Ab+cdEf');
  assert.is(out.applied, 3);
});

test('encode round-trips UTF-8 (with and without BOM) and UTF-16 LE/BE with BOM; refuses code pages', () => {
  const text = '<a>Grüße – ✓</a>\r\n';
  for (const [enc, bom] of [['utf-8', false], ['utf-8', true], ['utf-16le', true], ['utf-16be', true]] as const) {
    const back = decode(encode(text, enc, bom)!);
    assert.equal([back.text, back.encoding, back.bom], [text, enc, bom], `${enc} bom=${bom}`);
  }
  assert.is(encode(text, 'windows-1252', false), undefined);
});

const FIXABLE = `<?xml version="1.0" encoding="utf-16"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="oobesystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="AMD64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="NonSxS">
      <OOBE>
        <HideEULAPage>True</HideEULAPage>
      </OOBE>
      <TimeZone>pacific standard time</TimeZone>
    </component>
  </settings>
</unattend>
`.replace(/\n/g, '\r\n');
const FIXED = FIXABLE.replace('oobesystem', 'oobeSystem').replace('AMD64', 'amd64').replace('NonSxS', 'nonSxS').replace('True', 'true').replace('pacific standard time', 'Pacific Standard Time');

test('--fix rewrites a UTF-16LE CRLF file in place, byte for byte in its encoding, and exits 0', () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXABLE, 'utf16le')]);
  const dir = tempTree({ 'unattend.xml': bytes });
  const before = runCli(['-f', 'json', 'unattend.xml'], { cwd: dir });
  assert.is(before.code, 1);
  const r = runCli(['--fix', '-f', 'json', 'unattend.xml'], { cwd: dir });
  assert.is(r.code, 0, r.stdout);
  const [res] = JSON.parse(r.stdout) as { messages: unknown[] }[];
  assert.equal(res!.messages, []);
  const after = readFileSync(join(dir, 'unattend.xml'));
  assert.equal([...after.subarray(0, 2)], [0xff, 0xfe]);
  assert.is(after.subarray(2).toString('utf16le'), FIXED);
});

test('--fix leaves files without fixes and files that are not well-formed untouched', () => {
  const broken = FIXABLE.replace('</OOBE>', '</OBE>').replace('encoding="utf-16"', 'encoding="utf-8"');
  const dir = tempTree({ 'a/unattend.xml': broken });
  const r = runCli(['--fix', 'a/unattend.xml'], { cwd: dir });
  assert.is(r.code, 1);
  assert.is(readFileSync(join(dir, 'a', 'unattend.xml'), 'utf8'), broken);
  writeFileSync(join(dir, 'b.xml'), FIXED.replace('encoding="utf-16"', 'encoding="utf-8"'));
  assert.is(runCli(['--fix', 'b.xml'], { cwd: dir }).code, 0);
});

test('--fix with --stdin is a usage error', () => {
  const r = runCli(['--fix', '--stdin'], { input: FIXED });
  assert.is(r.code, 2);
  assert.match(r.stderr, /--fix writes files and cannot be used with --stdin/);
});

test('--quiet --fix applies only the fixes of errors, as the report shows no warning (ESLint 9 runs no warning rule)', () => {
  // value-case (a warning) and pass-name (an error) both have a fix.
  const text = `<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="oobesystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <TimeZone>pacific standard time</TimeZone>
    </component>
  </settings>
</unattend>
`;
  const dir = tempTree({ 'unattend.xml': text });
  const quiet = runCli(['--no-config-lookup', '--quiet', '--fix', 'unattend.xml'], { cwd: dir });
  assert.is(quiet.code, 0, quiet.stderr);
  assert.is(readFileSync(join(dir, 'unattend.xml'), 'utf8'), text.replace('"oobesystem"', '"oobeSystem"'));
  const dry = runCli(['--no-config-lookup', '--quiet', '--stdin', '--fix-dry-run'], { cwd: dir, input: text });
  assert.match(dry.stdout, /pass="oobeSystem"[\s\S]*pacific standard time/);
  runCli(['--no-config-lookup', '--fix', 'unattend.xml'], { cwd: dir });
  assert.match(readFileSync(join(dir, 'unattend.xml'), 'utf8'), /Pacific Standard Time/);
});

test.run();
