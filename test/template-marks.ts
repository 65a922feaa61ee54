// The offsets of template-token characters ({ @ # $ %) that template-placeholder and the streamed scans start from:
// every one, in order, once, whichever of the five characters they are and however many a text holds.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { templateMarkOffsets } from '../src/binder/placeholders.js';

const reference = (text: string): number[] => [...text].flatMap((c, i) => ('{@#$%'.includes(c) ? [i] : []));

test('texts with none, one kind and all five kinds of mark, side by side and apart', () => {
  for (const text of ['', 'plain <Value>text</Value>', '{', '%%%%', '@#$%{', '{{ x }} and ${y} and %Z% and #w@', 'a{b@c#d$e%f'.repeat(50)]) {
    assert.equal(templateMarkOffsets(text), reference(text), JSON.stringify(text.slice(0, 40)));
  }
});

test('seeded random texts: the same offsets as a test of every character', () => {
  let seed = 7;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let k = 0; k < 200; k++) {
    const text = Array.from({ length: Math.floor(rand() * 400) }, () => 'ab<>/ {@#$%\n'[Math.floor(rand() * 12)]).join('');
    assert.equal(templateMarkOffsets(text), reference(text), `text ${k}`);
  }
});

test.run();
