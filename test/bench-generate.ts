// The bench's generated inputs and its streaming saxes baseline: deterministic, clean where the figures say so.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BIG_FILE_DIRECTIVE, smallFile, writeBigAnswerFile, writeSyntheticCorpus } from '../bench/generate.js';
import { saxesParse, saxesStream } from '../bench/saxes-baseline.js';
import { lintText } from '../src/index.js';
import { tempDir } from './helpers/temp.js';

function withTmp(fn: (dir: string) => void | Promise<void>): () => Promise<void> {
  return async () => {
    const dir = tempDir('bench-generate-');
    try {
      await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test(
  'the big answer file: the size asked for, the same bytes each time, clean only thanks to its directive',
  withTmp(async (dir) => {
    const a = join(dir, 'a.xml');
    const b = join(dir, 'b.xml');
    const made = writeBigAnswerFile(a, 300_000);
    writeBigAnswerFile(b, 300_000);
    const bytes = readFileSync(a);
    assert.is(made.bytes, bytes.length);
    assert.ok(bytes.length >= 300_000 && bytes.length < 300_000 + 300, `size ${bytes.length}`);
    assert.ok(bytes.equals(readFileSync(b)));
    const text = bytes.toString('utf8');
    assert.is(text.match(/<RunSynchronousCommand /g)?.length, made.commands);
    assert.ok(made.commands > 1000, `${made.commands} commands`);
    assert.match(text, `<Order>${made.commands}</Order>`);
    const clean = await lintText(bytes, join(dir, 'big.xml'), { noConfigLookup: true });
    assert.equal(clean.messages, []);
    const bare = await lintText(text.replace(BIG_FILE_DIRECTIVE, ''), join(dir, 'big.xml'), { noConfigLookup: true });
    assert.is(bare.messages.length, made.commands - 500);
    assert.ok(bare.messages.every((m) => m.ruleId === 'order-unique'));
  }),
);

test(
  'small files are clean and distinct',
  withTmp(async (dir) => {
    assert.is.not(smallFile(1), smallFile(2));
    for (const i of [1, 999]) assert.equal((await lintText(smallFile(i), join(dir, 'small.xml'), { noConfigLookup: true })).messages, []);
  }),
);

test(
  'the synthetic corpus is the same for the same seed, different for another',
  withTmp((dir) => {
    const write = (name: string, seed: number): string[] => {
      const d = join(dir, name);
      mkdirSync(d);
      writeSyntheticCorpus(d, 5, seed);
      return readdirSync(d).sort().map((f) => readFileSync(join(d, f), 'utf8'));
    };
    const first = write('a', 7);
    assert.equal(write('b', 7), first);
    assert.not.equal(write('c', 8), first);
    for (const text of first) assert.ok(text.length >= 5 * 1024 && text.length <= 30 * 1024, `${text.length} bytes`);
  }),
);

test(
  'the streaming baseline parses across chunk boundaries, UTF-8 and UTF-16LE, and counts errors',
  withTmp((dir) => {
    const text = `\ufeff${smallFile(3).replace('BENCH-00003', 'BENCH-é€😀')}`;
    const utf8 = join(dir, 'utf8.xml');
    const utf16 = join(dir, 'utf16.xml');
    const broken = join(dir, 'broken.xml');
    writeFileSync(utf8, text);
    writeFileSync(utf16, Buffer.from(text, 'utf16le'));
    writeFileSync(broken, text.slice(0, text.length - 20));
    assert.is(saxesParse(text.slice(1)), 0);
    for (const chunk of [1, 3, 7, 64 * 1024]) {
      assert.is(saxesStream(utf8, chunk), 0, `utf-8, ${chunk}-byte chunks`);
      assert.is(saxesStream(utf16, chunk), 0, `utf-16, ${chunk}-byte chunks`);
      assert.ok(saxesStream(broken, chunk) > 0, `truncated, ${chunk}-byte chunks`);
    }
  }),
);

test.run();
