// secretMasker and scanFreeSecrets: what they mask, that no secret survives, and that one scan finds what four did.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { COMMAND_SHAPES, credentialRange, MASK, maskSecrets, scanFreeSecrets, secretFinder, secretMasker } from '../src/engine/secrets.js';
import { FIXTURES, SHARED } from './helpers/paths.js';

/** The masking before secretMasker: longest secret first, each replaced everywhere by split/join. */
function sequentialMask(message: string, secrets: readonly string[]): string {
  let out = message;
  const longestFirst = [...new Set(secrets)].sort((a, b) => b.length - a.length);
  for (const s of longestFirst) if (s.length > 0 && out.includes(s)) out = out.split(s).join(MASK);
  return out;
}

/** Small deterministic generator, so a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 16) % n;
  };
}

function word(rnd: (n: number) => number, alphabet: string, min: number, max: number): string {
  let w = '';
  for (let i = min + rnd(max - min + 1); i > 0; i--) w += alphabet[rnd(alphabet.length)];
  return w;
}

test('an empty list (or only empty values) leaves text as it is', () => {
  assert.is(secretMasker([])('net user admin P@ss'), 'net user admin P@ss');
  assert.is(secretMasker(['', ''])('abc'), 'abc');
  assert.equal(secretFinder([])('abc'), []);
  assert.is(secretMasker(['x'])(''), '');
});

test('each occurrence becomes one fixed-length mask', () => {
  const mask = secretMasker(['P@ssw0rd!']);
  assert.is(mask('password "P@ssw0rd!" is stored in plain text'), `password "${MASK}" is stored in plain text`);
  assert.is(mask('P@ssw0rd!P@ssw0rd! and P@ssw0rd!'), `${MASK}${MASK} and ${MASK}`);
  assert.is(mask('P@ssw0rd'), 'P@ssw0rd');
});

test('a secret inside another is masked whole, and alone where it stands alone', () => {
  const mask = secretMasker(['w0rd', 'P@ssw0rd', 'ssw']);
  assert.is(mask('"P@ssw0rd" then "w0rd" then "ssw"'), `"${MASK}" then "${MASK}" then "${MASK}"`);
  // Same result whatever the order of the list.
  assert.is(secretMasker(['ssw', 'P@ssw0rd', 'w0rd'])('xP@ssw0rdx'), `x${MASK}x`);
  // A value and its trimmed copy, as the engine collects them.
  assert.is(secretMasker(['  pw1 ', 'pw1'])('is "  pw1 " or "pw1"'), `is "${MASK}" or "${MASK}"`);
});

test('occurrences that overlap are masked as one, showing no part of either', () => {
  assert.is(secretMasker(['abcd', 'cdef'])('xabcdefy'), `x${MASK}y`);
  assert.is(secretMasker(['aa'])('baaab'), `b${MASK}b`);
  assert.is(secretMasker(['b', 'd', 'abcde'])('-abcde-b-'), `-${MASK}-${MASK}-`);
  // Touching is not overlapping: two occurrences side by side are two masks.
  assert.is(secretMasker(['ab', 'cd'])('abcd'), `${MASK}${MASK}`);
  assert.equal(secretFinder(['abcd', 'cdef', 'z'])('abcdef z'), [{ start: 0, end: 6 }, { start: 7, end: 8 }]);
});

test('short secrets, down to one character', () => {
  assert.is(secretMasker(['a'])('banana'), `b${MASK}n${MASK}n${MASK}`);
  assert.is(secretMasker(['ab', 'a'])('abca'), `${MASK}c${MASK}`);
  assert.is(secretMasker(['7', '77777'])('7 777777'), `${MASK} ${MASK}`);
});

test('regex metacharacters are plain text', () => {
  const meta = ['a.b*c', '(x|y)+', '[^$]\\d', '$&', '^.*$'];
  const mask = secretMasker(meta);
  assert.is(mask('a.b*c axbbc (x|y)+ xy [^$]\\d $& ^.*$ ^abc$'), `${MASK} axbbc ${MASK} xy ${MASK} ${MASK} ${MASK} ^abc$`);
  // "$&" in a replacement string would re-insert the match: it must not.
  assert.not.ok(mask('q$&q').includes('$&'));
});

test('unicode: accents, CJK, astral characters (surrogate pairs) and combining marks', () => {
  const mask = secretMasker(['pässwört', '密码', '🔑key🔑', 'e\u0301']);
  assert.is(mask('pässwört passwort 密码x 🔑key🔑 🔑 é e\u0301'), `${MASK} passwort ${MASK}x ${MASK} 🔑 é ${MASK}`);
});

test('many secrets: each quoted one is masked, the others leave the text alone', () => {
  const secrets = Array.from({ length: 20000 }, (_, i) => `Pw-${i}-${(i * 7919) % 10007}!`);
  const mask = secretMasker(secrets);
  const quoted = [0, 1, 9999, 19999].map((i) => secrets[i]!);
  const out = mask(`users: ${quoted.join(', ')}; not a secret: Pw-20000-1!`);
  assert.is(out, `users: ${[MASK, MASK, MASK, MASK].join(', ')}; not a secret: Pw-20000-1!`);
  // The masker is built once and used for every message.
  const messages = secrets.map((s, i) => `line ${i}: net user u${i} ${s} /add`);
  const masked = messages.map(mask);
  assert.ok(masked.every((m, i) => m === `line ${i}: net user u${i} ${MASK} /add`));
});

test('same result as the sequential masking wherever no two occurrences partly overlap', () => {
  const rnd = random(42);
  let compared = 0;
  for (let i = 0; i < 20000; i++) {
    // Odd rounds: more secrets than first characters a list of edges holds (the root's table).
    const letters = i % 2 ? 'abcdefghijklmnop' : 'abcd';
    const text = word(rnd, `${letters} `, 0, 40);
    const secrets = Array.from({ length: rnd(i % 2 ? 30 : 5) }, () => word(rnd, letters, 1, 5));
    const found: [number, number][] = [];
    for (const s of secrets) for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) found.push([at, at + s.length]);
    if (found.some(([a, b]) => found.some(([c, d]) => a < c && c < b && b < d))) continue;
    compared++;
    assert.is(secretMasker(secrets)(text), sequentialMask(text, secrets), JSON.stringify({ text, secrets }));
  }
  assert.ok(compared > 10000, `only ${compared} cases compared`);
});

test('no secret is left in the output, for any text and any secrets without "*"', () => {
  const rnd = random(7);
  for (let i = 0; i < 20000; i++) {
    const letters = i % 2 ? 'abcdefghijklmnop' : 'abc';
    const text = word(rnd, `${letters}*\n `, 0, 60);
    const secrets = Array.from({ length: 1 + rnd(i % 2 ? 30 : 6) }, () => word(rnd, `${letters}\n `, 1, 6));
    const out = secretMasker(secrets)(text);
    for (const s of secrets) assert.not.ok(out.includes(s), JSON.stringify({ text, secrets, out }));
    assert.is(maskSecrets(text, secrets), out);
  }
});

/** scanFreeSecrets done the slow way: the product-key expression, then each command shape's expression on its own. */
function separateScans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/\b[A-Za-z0-9]{5}(?:-[A-Za-z0-9]{5}){4}\b/g)) out.push({ start: m.index!, end: m.index! + m[0].length });
  for (const shape of COMMAND_SHAPES) {
    for (const m of text.matchAll(new RegExp(shape.source, 'gid'))) {
      const r = credentialRange(text, m.indices!.groups![shape.values.find((v) => m.groups![v] !== undefined)!]!);
      if (r) out.push(r);
    }
  }
  for (const m of text.matchAll(/(['"])((?:(?!\1)[^\n<]){3,256})\1\s*\|\s*ConvertTo-SecureString\b/gi)) out.push({ start: m.index! + 1, end: m.index! + 1 + m[2]!.length });
  return out;
}

/** The vendored corpus and every rule fixture (every clone has them), plus the full real corpus when ../shared is there. */
function answerFiles(): string[] {
  const dirs = [join(SHARED, 'corpus', 'real'), join(FIXTURES, 'corpus'), join(FIXTURES, 'examples'), join(FIXTURES, 'rules')].filter((d) => existsSync(d));
  return dirs.flatMap((d) =>
    readdirSync(d, { recursive: true, encoding: 'utf8' }).filter((f) => /\.xml$/i.test(f)).map((f) => readFileSync(join(d, f), 'utf8')),
  );
}

test('scanFreeSecrets finds exactly what separate scans of each shape find, in the same order', () => {
  const files = answerFiles();
  assert.ok(files.length > 0);
  let found = 0;
  for (const text of files) {
    const expected = separateScans(text);
    found += expected.length;
    assert.equal(scanFreeSecrets(text), expected);
  }
  assert.ok(found > 0, 'the inputs hold credentials of some shape');
});

test('scanFreeSecrets: a template expression for the user or the password is one token, so the password is the whole expression', () => {
  const text = "cmd /c net user {{ name }} {{ user.get('passwd') }} /add";
  assert.equal(scanFreeSecrets(text).map((r) => text.slice(r.start, r.end)), ["{{ user.get('passwd') }}"]);
  const plain = 'net user {{ name }} S3cret! /add';
  assert.equal(scanFreeSecrets(plain).map((r) => plain.slice(r.start, r.end)), ['S3cret!']);
});

test('scanFreeSecrets: each command shape finds the password it carries, and no switch, prompt, variable or separator', () => {
  const found = (text: string) => scanFreeSecrets(text).map((r) => text.slice(r.start, r.end));
  const cases: [string, string[]][] = [
    ['net user deploy S3cret-a /add', ['S3cret-a']],
    ['net user /add deploy S3cret-b', ['S3cret-b']],
    ['net user deploy /add S3cret-c /y', ['S3cret-c']],
    ['C:\\Windows\\System32\\net.exe user deploy S3cret-d', ['S3cret-d']],
    ['net use Z: \\\\srv\\share S3cret-e /user:CORP\\svc', ['S3cret-e']],
    ['net use \\\\srv\\share "S3cret f" /user:bob', ['S3cret f']],
    ['cmdkey /add:srv /user:bob /pass:S3cret-g', ['S3cret-g']],
    ['ConvertTo-SecureString -String S3cret-h -AsPlainText -Force', ['S3cret-h']],
    ['ConvertTo-SecureString -AsPlainText -Force -String S3cret-i', ['S3cret-i']],
    ["ConvertTo-SecureString 'S3cret j' -AsPlainText", ['S3cret j']],
    ["$s = 'S3cret-k' | ConvertTo-SecureString -AsPlainText -Force", ['S3cret-k']],
    ['New-LocalUser x -Password (ConvertTo-SecureString S3cret-l -AsPlainText -Force)', ['S3cret-l']],
    ['reg add "HKLM\\…\\Winlogon" /v DefaultPassword /t REG_SZ /d S3cret-m /f', ['S3cret-m']],
    ['reg add HKLM\\…\\Winlogon /d x /v "DefaultPassword" /d "S3cret n"', ['S3cret n']],
    ['schtasks /create /tn t /tr x /ru CORP\\svc /rp S3cret-o', ['S3cret-o']],
    ['psexec \\\\host -u admin -p S3cret-p cmd /c dir', ['S3cret-p']],
    // As answer files quote: entities, \" inside a quoted PowerShell command, a colon after -Password.
    ['ConvertTo-SecureString -String &quot;S3cret q&quot; -AsPlainText', ['S3cret q']],
    ["New-LocalUser x -Password (ConvertTo-SecureString &apos;S3cret-r&apos; -AsPlainText -Force)", ['S3cret-r']],
    ['net user bob &quot;S3cret s&quot; /add', ['S3cret s']],
    ['powershell "ConvertTo-SecureString -String \\"S3cret-t\\" -AsPlainText"', ['S3cret-t']],
    ['tool -Password "S3cret u" & tool -Password:S3cret-v & cmdkey /pass:"S3cret w"', ['S3cret u', 'S3cret-v', 'S3cret w']],
    ['reg add HKLM\\x /v DefaultPassword /f /d S3cret-x', ['S3cret-x']],
    ['reg add HKLM\\x /d S3cret-y /t REG_SZ /v DefaultPassword', ['S3cret-y']],
    ['Set-ItemProperty -Path x -Name DefaultPassword -Value S3cret-z', ['S3cret-z']],
    ['net use \\\\srv\\share /user:CORP\\bob S3cret-0', ['S3cret-0']],
    ['"C:\\Program Files\\x\\psexec.exe" -u bob -p S3cret-1 cmd', ['S3cret-1']],
    ["cmdkey /pass:{{ vault('S3cret-2') }}", ["{{ vault('S3cret-2') }}"]],
    ['net user Admin * /add', []],
    ['net user deploy /active:yes &amp;&amp; shutdown /r', []],
    ['ConvertTo-SecureString $plain -AsPlainText -Force', []],
    ['New-LocalUser x -Password $secure', []],
    ['schtasks /create /ru SYSTEM /rp *', []],
    ['name="abc" value="def" | more', []],
  ];
  for (const [text, expected] of cases) assert.equal(found(text), expected, text);
});

test('scanFreeSecrets: shapes that overlap each other or repeat inside a match', () => {
  const cases = [
    'net user admin /password:ABCDE-FGHIJ-KLMNO-PQRST-UVWXY',
    'net user "Jo Doe" "pa ss" && net user x ConvertTo-SecureString "-Password hunter2" -AsPlainText',
    'net user a net user b c',
    'slmgr /ipk ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-ZZZZZ-11111',
    "$p = ConvertTo-SecureString -String 'net user root s3cr3t' -AsPlainText -Force; New-LocalUser -Password $p",
    'NET USER Admin * /add & net user Admin P@ss /add & -Password "ab" -password:xyz /Password:\'q1w2e3\'',
    'convertto-securestring "a"b" net\tuser\tx\ty\n/password:"\nABCDE-12345-abcde-12345-ABCDE',
    "net user {{ name }} {{ user.get('passwd') }} /add",
    "'ab' 'abc' | ConvertTo-SecureString -String \"net use \\\\a\\b c123 /user:x\" -AsPlainText",
    'psexec -p one -p two /rp three /rp "four five" /v "DefaultPassword" /d six',
  ];
  const rnd = random(3);
  const tokens = [
    'net user ', 'net.exe use ', '\\\\srv\\s ', 'x ', '"', "'", '/password:', '/pass:', '-Password ', 'ConvertTo-SecureString ', '-String ', '-Force ',
    ' | ', '$p ', '(', '/v DefaultPassword ', '/d ', '/f ', '/rp ', 'psexec ', '-p ', '/add ', '&amp; ', '&quot;', '\\"', '-Password:', '-Name DefaultPassword -Value ',
    'ABCDE-', 'FGHIJ', ' ', '*', '\n', '<',
  ];
  for (let i = 0; i < 8000; i++) cases.push(Array.from({ length: rnd(16) }, () => tokens[rnd(tokens.length)]).join(''));
  for (const text of cases) assert.equal(scanFreeSecrets(text), separateScans(text), JSON.stringify(text));
  assert.ok(cases.some((t) => scanFreeSecrets(t).length > 1));
});

test.run();
