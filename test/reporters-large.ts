// Reporters at scale: 200,000 findings in a file (and many secrets) format without overflowing the
// stack, every line accounted for and every secret masked; masked views agree with plain masking.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadFormatters } from '../src/reporters/index.js';
import { maskedView, SECRET_MASK, showableFix } from '../src/reporters/secrets.js';
import { createLineIndex } from '../src/source/line-index.js';
import type { Diagnostic, FileResult, Range } from '../src/types.js';
import { context, CWD } from './reporters-sample.js';

const formatters = await loadFormatters();

const N = 200_000;
// Every secret carries this marker, so one search of the output shows whether any leaked.
const MARK = 'S3cr3t#';

/** One `net user` command per line (or all on one line), each with its password, quoted by its finding. */
function largeResult(n: number, oneLine = false): FileResult {
  const lines: string[] = [];
  const secretRanges: Range[] = [];
  const messages: Diagnostic[] = [];
  const sep = oneLine ? '' : '\n';
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const password = `${MARK}${i}`;
    const head = `      <Path>net user u${i} `;
    const text = `${head}${password} /add</Path>`;
    const secret = { start: offset + head.length, end: offset + head.length + password.length };
    const column = (oneLine ? offset : 0) + head.length + 1;
    const line = oneLine ? 1 : i + 1;
    // Even findings propose a fix over the secret (never shown); odd ones a fix elsewhere (shown).
    const fix = i % 2 === 0 ? { range: [secret.start, secret.end] as [number, number], text: 'x' } : { range: [offset, offset + 6] as [number, number], text: '      ' };
    messages.push({
      ruleId: 'password-plaintext', severity: i % 3 === 0 ? 1 : 2, message: `password "${password}" is stored in plain text`,
      line, column, endLine: line, endColumn: column + password.length, range: secret, fix,
      related: i % 10 === 0 ? [{ message: `same as "${password}"`, line, column, endLine: line, endColumn: column + 1 }] : undefined,
    });
    secretRanges.push(secret);
    lines.push(text);
    offset += text.length + sep.length;
  }
  const warnings = messages.filter((d) => d.severity === 1).length;
  return {
    filePath: `${CWD}/large.xml`, messages, errorCount: n - warnings, warningCount: warnings, fatalErrorCount: 0,
    fixableErrorCount: 0, fixableWarningCount: 0, source: lines.join(sep), secretRanges,
  };
}

const large = largeResult(N);

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

test('text: a row and a two-line frame per finding, every password masked', () => {
  const out = formatters.text!([large], context());
  const lines = out.split('\n');
  // Header, 3 lines per finding, a blank line, the summary, the fixable count, and the final newline.
  assert.is(lines.length, 1 + 3 * N + 4);
  assert.is(lines[lines.length - 3], `✖ ${N} problems (${large.errorCount} errors, ${large.warningCount} warnings)`);
  assert.match(lines[lines.length - 2]!, / potentially fixable with the `--fix` option\.$/);
  assert.not.ok(out.includes(MARK));
  // Once in the message, once in the frame.
  assert.is(occurrences(out, SECRET_MASK), 2 * N);
  assert.ok(lines[2]!.endsWith(`<Path>net user u0 ${SECRET_MASK} /add</Path>`), lines[2]);
});

test('compact and github: one line per finding, every password masked', () => {
  for (const name of ['compact', 'github']) {
    const out = formatters[name]!([large], context());
    assert.is(out.split('\n').length, N + 1, name);
    assert.not.ok(out.includes(MARK), name);
    assert.is(occurrences(out, SECRET_MASK), N, name);
  }
});

test('json: every message, no fix over a secret, related messages gone, passwords masked', () => {
  const out = formatters.json!([large], context());
  assert.not.ok(out.includes(MARK));
  const [file] = JSON.parse(out) as { messages: { message: string; fix?: unknown }[] }[];
  assert.is(file!.messages.length, N);
  assert.ok(file!.messages.every((m) => m.message === `password "${SECRET_MASK}" is stored in plain text`));
  assert.is(file!.messages.filter((m) => m.fix).length, N / 2);
});

test('sarif: a result with a fingerprint per finding, related locations masked', () => {
  const out = formatters.sarif!([large], context());
  assert.not.ok(out.includes(MARK));
  const log = JSON.parse(out) as { runs: { results: { partialFingerprints?: unknown; relatedLocations?: { message: { text: string } }[] }[] }[] };
  const results = log.runs[0]!.results;
  assert.is(results.length, N);
  assert.ok(results.every((r) => r.partialFingerprints));
  const related = results.flatMap((r) => r.relatedLocations ?? []);
  assert.is(related.length, N / 10);
  assert.ok(related.every((r) => r.message.text === `same as "${SECRET_MASK}"`));
});

test('gitlab, checkstyle and junit: an entry per finding, every password masked', () => {
  const n = N / 4;
  const file = largeResult(n);
  const counts: Record<string, (out: string) => number> = {
    gitlab: (out) => (JSON.parse(out) as unknown[]).length,
    checkstyle: (out) => occurrences(out, '<error '),
    junit: (out) => occurrences(out, '<testcase '),
  };
  for (const [name, count] of Object.entries(counts)) {
    const out = formatters[name]!([file], context());
    assert.not.ok(out.includes(MARK), name);
    assert.is(count(out), n, name);
  }
});

test('a minified file (one line, many findings and secrets): frames stay short and masked', () => {
  const n = 20_000;
  const out = formatters.text!([largeResult(n, true)], context());
  const lines = out.split('\n');
  assert.is(lines.length, 1 + 3 * n + 4);
  assert.not.ok(out.includes(MARK));
  const frames = lines.slice(1, 1 + 3 * n).filter((_, i) => i % 3 === 1);
  assert.ok(frames.every((l) => l.length <= 120 && l.includes(SECRET_MASK)), frames.find((l) => l.length > 120));
  // The frame of the last finding is cut at the start and shows the end of the line.
  assert.ok(frames[n - 1]!.includes(`…`) && frames[n - 1]!.endsWith(`${SECRET_MASK} /add</Path>`), frames[n - 1]);
});

/** Masking as it was done before views: the whole slice, every range looked at. */
function plainMask(source: string, start: number, end: number, ranges: Range[]): { text: string; toDisplay: (o: number, e: 'start' | 'end') => number } {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const hits = merged.filter((r) => r.start < end && r.end > start).map((r) => ({ start: Math.max(r.start, start), end: Math.min(r.end, end) }));
  let text = '';
  let cursor = start;
  const masks: { start: number; end: number; at: number }[] = [];
  for (const r of hits) {
    text += source.slice(cursor, r.start);
    masks.push({ ...r, at: text.length });
    text += SECRET_MASK;
    cursor = r.end;
  }
  text += source.slice(cursor, end);
  const toDisplay = (offset: number, edge: 'start' | 'end'): number => {
    let shift = 0;
    for (const m of masks) {
      if (offset <= m.start) break;
      if (offset < m.end) return edge === 'start' ? m.at : m.at + SECRET_MASK.length;
      shift += SECRET_MASK.length - (m.end - m.start);
    }
    return offset - start + shift;
  };
  return { text, toDisplay };
}

function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 16) % n;
  };
}

test('maskedView: same text, windows and offsets as masking the whole slice', () => {
  const rnd = random(11);
  for (let i = 0; i < 5000; i++) {
    const source = Array.from({ length: rnd(i % 10 === 0 ? 300 : 50) }, () => 'ab\n x'[rnd(5)]).join('');
    const ranges = Array.from({ length: rnd(8) }, () => {
      const s = rnd(source.length + 1);
      return { start: s, end: Math.min(source.length, s + rnd(i % 7 === 0 ? 100 : 6)) };
    });
    const start = rnd(source.length + 1);
    const end = start + rnd(source.length + 1 - start);
    const view = maskedView(source, start, end, ranges.map((r) => ({ ...r })));
    const plain = plainMask(source, start, end, ranges);
    const where = JSON.stringify({ source, ranges, start, end });
    assert.is(view.length, plain.text.length, where);
    assert.is(view.text(0, view.length), plain.text, where);
    const a = rnd(plain.text.length + 1);
    const b = a + rnd(plain.text.length + 2 - a);
    assert.is(view.text(a, b), plain.text.slice(a, b), `${where} [${a}, ${b})`);
    for (let o = start - 1; o <= end + 1; o++) {
      for (const edge of ['start', 'end'] as const) assert.is(view.toDisplay(o, edge), plain.toDisplay(o, edge), `${where} ${o} ${edge}`);
    }
  }
});

test('showableFix: same verdict as checking the fix against every secret range', () => {
  const rnd = random(5);
  const source = 'x'.repeat(200);
  for (let i = 0; i < 3000; i++) {
    const secretRanges = Array.from({ length: rnd(10) }, () => {
      const s = rnd(200);
      return { start: s, end: Math.min(200, s + rnd(8)) };
    });
    const file: FileResult = { filePath: 'u.xml', messages: [], errorCount: 0, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, source, secretRanges };
    const start = rnd(201);
    const fix = { range: [start, Math.min(200, start + rnd(4))] as [number, number], text: '' };
    const touches = secretRanges.some((r) => r.end > r.start && ((start < r.end && r.start < fix.range[1]) || (start > r.start && start < r.end)));
    assert.is(showableFix(fix, file) === undefined, touches, JSON.stringify({ secretRanges, fix }));
  }
});

test('lineEnd is where the text of each line stops, whatever its terminator', () => {
  const text = 'a\r\nbb\n\rccc\r\r\n\n d';
  const lines = createLineIndex(text);
  assert.is(lines.lineCount, 7);
  for (let l = 1; l <= lines.lineCount; l++) assert.is(lines.lineEnd(l), lines.lineStart(l) + lines.lineText(l).length, `line ${l}`);
  assert.equal([1, 2, 3, 4, 5, 6, 7].map((l) => lines.lineEnd(l)), [1, 5, 6, 10, 11, 13, 16]);
});

test.run();
