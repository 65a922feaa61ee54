// Streaming pieces: a line index built from a text fed in chunks is the one built from the whole text.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createLineIndex, createLineIndexBuilder, type LineIndex } from '../src/source/line-index.js';
import { openStreamedText, UndecodableError } from '../src/source/stream.js';
import { decode } from '../src/source/decode.js';
import { encode } from '../src/source/encode.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintSource, lintStream } from '../src/engine/run.js';
import { bytesOf, comparable, everyRule, streamedAsWhole } from './helpers/stream.js';
import { writeBigAnswerFile } from '../bench/generate.js';
import { addFileLineHashes, createLinter, STREAM_BYTES } from '../src/lint.js';
import { runCli, tempTree } from './helpers/cli.js';
import { fileLineHashes } from '../src/reporters/fingerprint.js';
import { gitlab } from '../src/reporters/gitlab.js';
import type { AnyRule, RuleContext } from '../src/engine/rule.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { builtinRules } from '../rules/index.js';
import { presetRules } from '../src/engine/presets.js';
import { conditionalOffsets, templateMarkOffsets } from '../src/binder/placeholders.js';
import { ROOT, xmlFiles } from './helpers/paths.js';

/** A deterministic pseudo-random generator (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Everything an index tells about a text: every line's start, end and text, the terminators, and positions. */
function describe(lines: LineIndex, length: number): unknown {
  const each = [];
  for (let l = 1; l <= lines.lineCount; l++) each.push([lines.lineStart(l), lines.lineEnd(l), lines.lineText(l)]);
  const positions = [];
  for (let o = 0; o <= length; o++) positions.push(lines.position(o));
  return { count: lines.lineCount, endings: lines.lineEndings, each, positions };
}

test('a line index fed in chunks equals the whole text\'s, with CRLF, LF and lone CR split at every boundary', () => {
  const parts = ['a', 'bc', '\r', '\n', '\r\n', '\n\r', 'x\ry', '<t/>'];
  for (let seed = 1; seed <= 300; seed++) {
    const next = random(seed);
    let text = '';
    const n = 1 + Math.floor(next() * 30);
    for (let i = 0; i < n; i++) text += parts[Math.floor(next() * parts.length)];
    const builder = createLineIndexBuilder();
    for (let i = 0; i < text.length; ) {
      const size = Math.floor(next() * 4); // 0-length pieces too
      builder.feed(text.slice(i, i + size));
      i += size;
    }
    assert.equal(describe(builder.finish(text), text.length), describe(createLineIndex(text), text.length), `seed ${seed}: ${JSON.stringify(text)}`);
  }
});

test('a CR that ends the last chunk is a line break of its own', () => {
  const builder = createLineIndexBuilder();
  builder.feed('a\r\nb');
  builder.feed('\r');
  const lines = builder.finish('a\r\nb\r');
  assert.equal([lines.lineCount, lines.lineEndings, lines.position(5)], [3, { crlf: 1, lf: 0, cr: 1 }, { line: 3, column: 1 }]);
});

const TEXT = '<?xml version="1.0"?>\r\n<a b="é€">x😀y\r<!-- < -->\n<c>ü𝄞</c></a>\n';

test('a streamed text decodes to the whole text in UTF-8 and UTF-16 (BOM or not), cut anywhere, and reads any range back', () => {
  for (const [encoding, bom] of [['utf-8', false], ['utf-8', true], ['utf-16le', true], ['utf-16le', false], ['utf-16be', true], ['utf-16be', false]] as const) {
    const data = encode(TEXT, encoding, bom)!;
    for (const chunk of [4, 5, 7, 64]) {
      const seen: string[] = [];
      const s = openStreamedText(bytesOf(data), (p) => void seen.push(p.text), chunk)!;
      const what = `${encoding}${bom ? ' BOM' : ''}, ${chunk}-byte chunks`;
      assert.is(seen.join(''), decode(data).text, what);
      assert.is([...s.pieces()].map((p) => p.text).join(''), TEXT, what);
      assert.equal([s.encoding, s.bom, s.length, s.declaration], [encoding, bom, TEXT.length, decode(data).declaration], what);
      for (let a = 0; a <= TEXT.length; a += 3) for (let b = a; b <= TEXT.length; b += 5) assert.is(s.slice(a, b), TEXT.slice(a, b), `${what}: ${a}-${b}`);
      for (let o = 0; o < TEXT.length; o++) {
        assert.is(s.lastIndexOf('<', o), TEXT.lastIndexOf('<', o), `${what}: < at ${o}`);
        assert.is(s.lastIndexOf('<!--', o), TEXT.lastIndexOf('<!--', o), `${what}: <!-- at ${o}`);
      }
    }
  }
});

test('a streamed text is not made for an opening that holds no ">" in its first MiB (such a file is read whole)', () => {
  const long = new TextEncoder().encode(`<?xml version="1.0" ${' '.repeat(1024 * 1024)}?><a/>`);
  assert.is(openStreamedText(bytesOf(long), () => undefined), undefined);
  const r = lintStream(bytesOf(long), everyRule('x.xml'));
  assert.is(typeof r.source, 'string', 'linted whole');
});

test('a file that changes between the reads of a stream is linted whole, as it reads at the end', () => {
  const first = new TextEncoder().encode(`<?xml version="1.0"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend">${'<!-- x -->'.repeat(50)}</unattend>\n`);
  const later = new TextEncoder().encode('<?xml version="1.0"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="nope"/></unattend>\n');
  let reads = 0;
  const passes = Math.ceil(first.length / 64);
  const changing = {
    size: first.length,
    read: (buffer: Uint8Array, position: number) => {
      // The first pass (and the opening's sniff) see one file, the parse pass another, shorter one.
      const data = reads++ <= passes ? first : later;
      const part = data.subarray(position, position + buffer.length);
      buffer.set(part);
      return part.length;
    },
  };
  const r = lintStream(changing, { ...everyRule('x.xml'), chunkBytes: 64 });
  assert.ok(r.messages.some((m) => m.ruleId === 'pass-name'), JSON.stringify(r.messages.map((m) => m.ruleId)));
});

test('a streamed text refuses bytes that do not decode, and a declared single-byte encoding', () => {
  const bad = new Uint8Array([...new TextEncoder().encode('<a>'), 0xff, ...new TextEncoder().encode('</a>')]);
  assert.throws(() => openStreamedText(bytesOf(bad), () => undefined, 4), (e: unknown) => e instanceof UndecodableError);
  const latin = new TextEncoder().encode('<?xml version="1.0" encoding="windows-1252"?><a/>');
  assert.is(openStreamedText(bytesOf(latin), () => undefined), undefined);
});

/** The one rule that still reads the whole text: legacy-encoding, for files in a legacy encoding (never streamed). */
const READS_TEXT = new Set(['legacy-encoding']);

test('built-in rules read the text through ctx.slice, ctx.conditionals and ctx.templateMarks, which agree with the text', () => {
  const kb = loadKnowledgeBase();
  const readers = new Set<string>();
  const wrap = (rule: AnyRule): AnyRule => ({
    ...rule,
    create(ctx: RuleContext) {
      assert.equal(ctx.conditionals(), conditionalOffsets(ctx.text));
      assert.equal(ctx.templateMarks(), templateMarkOffsets(ctx.text));
      assert.is(ctx.slice(1, 40), ctx.text.slice(1, 40));
      const watched = new Proxy(ctx, {
        get(target, key) {
          if (key === 'text') readers.add(rule.meta.id);
          return Reflect.get(target, key);
        },
      });
      return rule.create(watched);
    },
  });
  const rules = presetRules('all', builtinRules.map(wrap));
  for (const file of xmlFiles(join(ROOT, 'fixtures'))) lintSource(readFileSync(file), { filePath: file, rules, kb });
  assert.equal([...readers].filter((id) => !READS_TEXT.has(id)), []);
  assert.ok(readers.has('legacy-encoding'), 'the check sees a reader');
});

test('every fixture gets the same result linted as a stream (small chunks and scan windows) as from its whole bytes', () => {
  const files = xmlFiles(join(ROOT, 'fixtures'));
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const chunkBytes of [61, 4096]) {
      const [streamed, whole] = streamedAsWhole(bytes, file, chunkBytes);
      assert.equal(streamed, whole, `${file}, ${chunkBytes}-byte chunks`);
    }
  }
  assert.ok(files.length > 300, 'the fixtures were found');
});

test('a streamed file with many secret values finds their repeats across pieces as the whole text does', () => {
  const accounts = Array.from({ length: 40 }, (_, i) =>
    `<LocalAccount wcm:action="add"><Name>user${i}</Name><Group>Users</Group><Password><Value>Pa55-word-${i}-x</Value><PlainText>true</PlainText></Password></LocalAccount>`).join('\n');
  const repeats = Array.from({ length: 40 }, (_, i) => `<!-- net user user${i} Pa55-word-${i}-x -->`).join('\n');
  const text = `<?xml version="1.0"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <UserAccounts><LocalAccounts>
${accounts}
      </LocalAccounts></UserAccounts>
${repeats}
    </component>
  </settings>
</unattend>
`;
  const bytes = new TextEncoder().encode(text);
  const [streamed, whole] = streamedAsWhole(bytes, 'x.xml', 61);
  assert.equal(streamed, whole);
  const r = lintStream(bytesOf(bytes), { ...everyRule('x.xml'), chunkBytes: 61 });
  // Every repeat in the comments is a secret range: 40 values, each written twice.
  const covered = (v: string) => r.secretRanges!.some((x) => text.slice(x.start, x.end).includes(v) && x.start > text.indexOf('<!--'));
  assert.ok(Array.from({ length: 40 }, (_, i) => `Pa55-word-${i}-x`).every(covered));
});

test('a streamed file finds every command-line password as the whole text does, across scan windows', () => {
  // Values piped into ConvertTo-SecureString are read back from the pipe: some pipes sit just past a window's start.
  const commands = Array.from({ length: 60 }, (_, i) => {
    const pad = ' '.repeat(i % 17);
    return i % 3 === 0
      ? `<!-- ${pad}$s = 'Piped-Pw-${i}'${pad} | ConvertTo-SecureString -AsPlainText -Force -->`
      : i % 3 === 1
        ? `<!-- ${pad}net user /add u${i} Net-Pw-${i} &amp; schtasks /create /rp Task-Pw-${i} -->`
        : `<!-- ${pad}reg add HKLM\\Winlogon /v DefaultPassword /t REG_SZ /d "Reg Pw ${i}" /f -->`;
  }).join('\n');
  const text = `<?xml version="1.0"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend">\n${commands}\n<settings pass="nope"/>\n</unattend>\n`;
  const bytes = new TextEncoder().encode(text);
  const [streamed, whole] = streamedAsWhole(bytes, 'x.xml', 61);
  assert.equal(streamed, whole);
  const r = lintStream(bytesOf(bytes), { ...everyRule('x.xml'), chunkBytes: 61, windows: { segment: 256, overlap: 512 } });
  const masked = new Set(r.secretRanges!.map((x) => text.slice(x.start, x.end)));
  for (let i = 0; i < 60; i++) {
    const expected = i % 3 === 0 ? [`Piped-Pw-${i}`] : i % 3 === 1 ? [`Net-Pw-${i}`, `Task-Pw-${i}`] : [`Reg Pw ${i}`];
    for (const v of expected) assert.ok(masked.has(v), v);
  }
});

test('a streamed file keeps no text: none for a clean result, the lines of its findings (and one on each side) for others', () => {
  const clean = new TextEncoder().encode('<?xml version="1.0"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend"/>\n');
  const opts = everyRule('x.xml');
  const ok = lintStream(bytesOf(clean), { ...opts, chunkBytes: 16 });
  assert.equal([ok.source, ok.excerpt], [undefined, undefined]);
  const lines = ['<?xml version="1.0"?>', '<unattend xmlns="urn:schemas-microsoft-com:unattend">', '  <!-- a -->', '  <!-- b -->', '  <settings pass="nope"/>', '  <!-- c -->', '  <!-- d -->', '</unattend>', ''];
  const broken = new TextEncoder().encode(lines.join('\r\n'));
  const r = lintStream(bytesOf(broken), { ...opts, chunkBytes: 16 });
  assert.is(r.source, undefined);
  const at = r.messages.map((m) => m.line);
  assert.ok(at.includes(5), 'the invalid pass is found');
  const kept = new Set(at.flatMap((l) => [l - 1, l, l + 1]));
  assert.equal(r.excerpt!.lines.map((l) => l.line), [...kept].filter((l) => l >= 1 && l <= 9).sort((a, b) => a - b));
  for (const l of r.excerpt!.lines) assert.is(l.text, lines[l.line - 1] + (l.line < 9 ? '\r\n' : ''));
});

test('the Node linter streams a file from STREAM_BYTES on, with the findings of the whole-text way', async () => {
  const dir = tempTree({});
  const big = join(dir, 'big.xml');
  writeBigAnswerFile(big, STREAM_BYTES + 1000);
  // One finding at the end of the file, past every chunk: an unknown setting in the last component.
  const bytes = readFileSync(big);
  const text = bytes.toString('utf8').replace(/<\/component>(?![\s\S]*<\/component>)/, '<NoSuchSetting>1</NoSuchSetting></component>');
  writeFileSync(big, text);
  const linter = createLinter({ cwd: dir, noConfigLookup: true, builtinRules });
  const streamed = await linter.lintFile(big);
  addFileLineHashes(streamed);
  const whole = await linter.lintBytes(readFileSync(big), big);
  assert.equal(streamed.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`), whole.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`));
  assert.ok(streamed.messages.some((m) => m.ruleId === 'unknown-setting'));
  assert.equal(comparable(streamed), comparable(whole));
  assert.is(streamed.source, undefined);
  assert.ok(streamed.excerpt!.lines.length < 10, 'only the lines of its findings are kept');
  // The CLI's SARIF and GitLab reports of it carry the fingerprints the whole text gives.
  const finding = whole.messages.find((m) => m.ruleId === 'unknown-setting')!;
  const hash = fileLineHashes(whole)[finding.line - 1];
  const sarif = JSON.parse(runCli(['--no-config-lookup', '-f', 'sarif', big], { cwd: dir }).stdout);
  const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'unknown-setting');
  assert.is(result.partialFingerprints.primaryLocationLineHash, hash);
  const issues = JSON.parse(runCli(['--no-config-lookup', '-f', 'gitlab', big], { cwd: dir }).stdout);
  assert.equal(issues.map((i: { fingerprint: string }) => i.fingerprint), JSON.parse(gitlab([whole], { cwd: dir, rules: new Map(), color: false, toolVersion: '0' })).map((i: { fingerprint: string }) => i.fingerprint));
  // Clean, it keeps no text at all.
  writeFileSync(big, bytes);
  const clean = await linter.lintFile(big);
  assert.equal([clean.source, clean.excerpt, clean.messages], [undefined, undefined, []]);
  assert.is(typeof (await linter.lintBytes(bytes, big)).source, 'string');
});

test.run();

test('a second byte order mark is a fatal error at 1:1, whole or streamed, in UTF-8 and UTF-16; one BOM is not', () => {
  const clean = '<?xml version="1.0" encoding="utf-8"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend"/>\n';
  for (const encoding of ['utf-8', 'utf-16le', 'utf-16be'] as const) {
    const once = encode(clean, encoding, true)!;
    const twice = encode(`\uFEFF${clean}`, encoding, true)!;
    for (const [what, r] of [['whole', lintSource(twice, everyRule('x.xml'))], ['streamed', lintStream(bytesOf(twice), { ...everyRule('x.xml'), chunkBytes: 16 })]] as const) {
      const fatal = r.messages.filter((m) => m.fatal);
      assert.is(fatal.length, 1, `${encoding} ${what}`);
      assert.match(fatal[0]!.message, /second byte order mark/);
      assert.equal([fatal[0]!.line, fatal[0]!.column], [1, 1], `${encoding} ${what}`);
    }
    assert.is(lintSource(once, everyRule('x.xml')).messages.filter((m) => m.fatal).length, 0, `${encoding}: one BOM`);
  }
  // A string is already text: a BOM at its start is the file's own, as saxes reads it.
  assert.is(lintSource(`\uFEFF${clean}`, everyRule('x.xml')).messages.filter((m) => m.fatal).length, 0);
});
