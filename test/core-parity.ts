// What the core does in place of a Node API gives what that API gives: paths and file URLs (node:path, node:url),
// IP address syntax (node:net), UTF-8 decoding, UTF-8/UTF-16 encoding and base64 (Buffer). Seeded inputs, the same on
// every run.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isIPv4 as nodeIsIPv4, isIPv6 as nodeIsIPv6 } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { posix, win32, flavourOf, type PathFlavour } from '../src/util/path.js';
import { isIPv4, isIPv6 } from '../rules/_helpers/ip.js';
import { decodeHidden } from '../rules/_helpers/passwords.js';
import { encode } from '../src/source/encode.js';
import { artifactLocation, directoryUri, displayPath, posixPath } from '../src/reporters/paths.js';
import { prng as random } from '../bench/generate.js';

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

const POSIX_BASES = ['/', '/work', '/work/repo', '/work/repo/', '/a b/ü', '/work//repo/./x/..'];
const POSIX_PATHS = [
  'x.xml', 'sub/x.xml', '../x.xml', '../../../../x.xml', './a/./b/../c.xml', '/work/repo/x.xml', '/work/other/y.xml', '/',
  '/work/repo', '/work/Repo/x.xml', 'a\\b.xml', 'with space#?%[]^|~"\t.xml', 'C:\\x.xml', 'dir/', '..', '.', 'ü/€.xml',
];
const WIN_BASES = ['C:\\', 'C:\\work', 'c:\\Work\\Repo', 'C:/work/repo', 'C:\\work\\repo\\', '\\\\server\\share', '\\\\server\\share\\dir'];
const WIN_PATHS = [
  'x.xml', 'sub\\x.xml', 'sub/x.xml', '..\\x.xml', '..\\..\\..\\x.xml', 'C:\\work\\repo\\x.xml', 'c:\\WORK\\repo\\X.xml',
  'D:\\other\\y.xml', '\\rooted\\z.xml', '/rooted/z.xml', '\\\\server\\share\\q.xml', '\\\\Server\\Share\\dir\\q.xml',
  '\\\\other\\share\\q.xml', 'C:rel.xml', 'C:\\', 'with space#?%[]^|~.xml', 'ü\\€.xml', '.\\a\\.\\b\\..\\c.xml',
];

function compare(flavour: PathFlavour, node: path.PlatformPath, bases: string[], paths: string[], windows: boolean): void {
  for (const base of bases) {
    for (const p of paths) {
      // A drive-relative path on another drive depends on the process's per-drive directories: not a case here.
      if (windows && /^[a-zA-Z]:[^\\/]/.test(p) && p[0]!.toLowerCase() !== base[0]!.toLowerCase()) continue;
      const label = `${base} + ${p}`;
      const abs = flavour.resolve(base, p);
      assert.is(abs, node.resolve(base, p), `resolve ${label}`);
      assert.is(flavour.relative(base, abs), node.relative(base, abs), `relative ${label}`);
      assert.is(flavour.isAbsolute(p), node.isAbsolute(p), `isAbsolute ${p}`);
      assert.is(flavour.basename(p), node.basename(p), `basename ${p}`);
      // Node on Linux adds a slash after a Windows root it has already ended with a backslash; Windows does not.
      if (!abs.endsWith('\\')) assert.is(flavour.fileUrl(abs), pathToFileURL(abs, { windows }).href, `fileUrl ${abs}`);
    }
  }
}

test('POSIX paths resolve, relate and become file URLs as node:path and pathToFileURL make them', () => {
  compare(posix, path.posix, POSIX_BASES, POSIX_PATHS, false);
});

test('Windows paths (drives, UNC shares, either separator, any case) do as node:path.win32 and pathToFileURL do', () => {
  compare(win32, path.win32, WIN_BASES, WIN_PATHS, true);
});

test('the reporters take Windows paths for a Windows cwd and POSIX paths otherwise', () => {
  assert.is(flavourOf('C:\\work'), win32);
  assert.is(flavourOf('\\\\server\\share\\x'), win32);
  assert.is(flavourOf('/work'), posix);
  assert.is(displayPath('C:\\Work\\Repo\\sub\\a.xml', 'c:\\work\\repo'), 'sub\\a.xml');
  assert.is(posixPath('C:\\Work\\Repo\\sub\\a.xml', 'c:\\work\\repo'), 'sub/a.xml');
  assert.is(posixPath('/work/repo/sub/a.xml', '/work/repo'), 'sub/a.xml');
  assert.is(displayPath('<stdin>', '/work'), '<stdin>');
  assert.equal(artifactLocation('C:\\work\\repo\\a b.xml', 'C:\\work\\repo'), { uri: 'a%20b.xml', uriBaseId: '%SRCROOT%' });
  assert.equal(artifactLocation('D:\\elsewhere\\a.xml', 'C:\\work\\repo'), { uri: 'file:///D:/elsewhere/a.xml' });
  assert.equal(artifactLocation('/work/other/a.xml', '/work/repo'), { uri: 'file:///work/other/a.xml' });
  assert.is(directoryUri('C:\\work\\repo'), 'file:///C:/work/repo/');
  assert.is(directoryUri('/work/repo'), 'file:///work/repo/');
});

test('isIPv4 and isIPv6 accept exactly what node:net accepts', () => {
  const rnd = random(0x1b2c);
  const parts = ['0', '1', '9', '10', '99', '100', '199', '249', '255', '256', '300', '01', '001', 'a', 'ff', 'FFFF', 'fffff', '', '::', ':', '.', '%', '%eth0', '%1', '1.2.3.4', '::ffff:', 'g'];
  const seen: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const n = 1 + Math.floor(rnd() * 9);
    let s = '';
    for (let j = 0; j < n; j++) s += pick(rnd, parts) + (rnd() < 0.5 ? pick(rnd, ['.', ':', '']) : '');
    seen.push(s);
  }
  seen.push('192.168.1.1', '::1', 'fe80::1%12', '2001:db8::192.0.2.1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', ' 1.2.3.4', '1.2.3.4 ');
  // Around the limits of the grammar: group counts with and without "::", a dotted tail, zones, stray colons.
  seen.push(':::', '1::2::3', '1:::2', ':1::2', '1::2:', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1:2:3:4:5:6:7::8', '1:2:3:4:5:6::1.2.3.4');
  seen.push('1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5::1.2.3.4', '1.2.3.4::', '1.2.3.4:1::', '::1.2.3.04', '::1%', '::1%%x', '::1%a-.:Z9', '::1%é', '12345::');
  const differ = seen.filter((s) => isIPv4(s) !== nodeIsIPv4(s) || isIPv6(s) !== nodeIsIPv6(s));
  assert.equal(differ, []);
  assert.ok(seen.filter((s) => nodeIsIPv6(s)).length > 100 && seen.filter((s) => nodeIsIPv4(s)).length > 50, 'the inputs hold addresses of both families');
});

test('UTF-8 decoding keeps a byte order mark and replaces bad bytes as Buffer does', () => {
  const rnd = random(0x5eed);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const interesting = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xbb, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f];
  for (let i = 0; i < 5000; i++) {
    const bytes = Uint8Array.from({ length: Math.floor(rnd() * 24) }, () => (rnd() < 0.7 ? pick(rnd, interesting) : Math.floor(rnd() * 256)));
    if (rnd() < 0.2) bytes.set([0xef, 0xbb, 0xbf].slice(0, bytes.length));
    assert.is(decoder.decode(bytes), Buffer.from(bytes).toString('utf8'), `bytes ${[...bytes].join(' ')}`);
  }
});

test('encode writes the bytes Buffer writes, for UTF-8 and UTF-16 with and without a byte order mark', () => {
  const rnd = random(0xc0de);
  const units = [0x41, 0x0a, 0xe9, 0x20ac, 0xd83d, 0xde00, 0xdc00, 0xd800, 0xfeff, 0xffff, 0x00];
  const boms: Record<string, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };
  const viaBuffer = (text: string, encoding: string, bom: boolean): Buffer => {
    const body = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : encoding === 'utf-16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16();
    return Buffer.concat([Buffer.from(bom ? boms[encoding]! : []), body]);
  };
  for (let i = 0; i < 3000; i++) {
    const text = String.fromCharCode(...Array.from({ length: Math.floor(rnd() * 12) }, () => pick(rnd, units)));
    for (const encoding of Object.keys(boms)) {
      for (const bom of [false, true]) assert.equal([...encode(text, encoding, bom)!], [...viaBuffer(text, encoding, bom)], `${encoding} ${bom}`);
    }
  }
  assert.equal([...encode('plain', 'windows-1252', false)!], [...Buffer.from('plain', 'latin1')]);
  assert.is(encode('café', 'windows-1252', false), undefined);
});

test('hidden passwords decode from base64 to the UTF-16LE text Buffer reads', () => {
  const rnd = random(0xba5e64);
  let decoded = 0;
  for (let i = 0; i < 3000; i++) {
    const bytes = Buffer.from(Array.from({ length: Math.floor(rnd() * 40) }, () => (rnd() < 0.6 ? Math.floor(rnd() * 128) : Math.floor(rnd() * 256))));
    let text = bytes.toString('base64');
    if (rnd() < 0.5) text = text.replace(/=+$/, '');
    const result = decodeHidden(text);
    if (bytes.length % 2 === 1) {
      assert.equal(result, { ok: false, problem: 'utf16' });
      continue;
    }
    const expected = bytes.toString('utf16le');
    const wellFormed = !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/.test(expected);
    assert.equal(result, wellFormed ? { ok: true, text: expected } : { ok: false, problem: 'utf16' }, text);
    if (wellFormed) decoded++;
  }
  assert.ok(decoded > 500, `${decoded} decoded`);
});

test.run();
