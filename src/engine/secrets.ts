// Which answer-file values are secrets (passwords, credentials, product keys) that no output may show.
import type { Range } from '../types.js';
import { hiddenPassword } from './hidden-password.js';

export const MASK = '********';

/**
 * Aho–Corasick automaton over UTF-16 code units; state 0 is the root. Edges live in one open-addressing
 * hash table of typed arrays, so that a step costs the same however many edges a state has (random
 * passwords give states near the root dozens) and building allocates no object per edge.
 */
interface Automaton {
  mask: number;
  edgeFrom: Int32Array;
  edgeUnit: Uint16Array;
  /** The state an edge leads to; 0 = empty slot. */
  edgeTo: Int32Array;
  /**
   * The root's edges by code unit (0 = none), since nearly every step of a search passes the root;
   * only when it has many (a one-off masker stays cheap to build).
   */
  root?: Int32Array;
  parent: Int32Array;
  unit: Uint16Array;
  depth: Int32Array;
  fail: Int32Array;
  /** Length of the longest value that ends at the state (0 = none). */
  longest: Int32Array;
}

function slot(a: Automaton, state: number, c: number): number {
  let h = Math.imul(state, 0x9e3779b1) ^ Math.imul(c + 1, 0x85ebca77);
  h ^= h >>> 15;
  for (h &= a.mask; a.edgeTo[h] !== 0; h = (h + 1) & a.mask) {
    if (a.edgeFrom[h] === state && a.edgeUnit[h] === c) return h;
  }
  return h;
}

/** The state reached from `state` by `c`, or -1; the root has an edge for everything (back to itself). */
function child(a: Automaton, state: number, c: number): number {
  if (state === 0 && a.root) return a.root[c]!;
  const next = a.edgeTo[slot(a, state, c)]!;
  return next !== 0 ? next : state === 0 ? 0 : -1;
}

/** The state after reading `c` in `state`, following failure links. */
function step(a: Automaton, state: number, c: number): number {
  let s = state;
  let next = child(a, s, c);
  while (next < 0) {
    s = a.fail[s]!;
    next = child(a, s, c);
  }
  return next;
}

const ROOT_TABLE_MIN = 16;

function build(values: readonly string[]): Automaton | undefined {
  let size = 1;
  for (const v of values) size += v.length;
  if (size === 1) return undefined;
  // At most three quarters full, so that probes stay short.
  const slots = 2 ** Math.ceil(Math.log2((size * 4) / 3 + 1));
  const a: Automaton = {
    mask: slots - 1, edgeFrom: new Int32Array(slots), edgeUnit: new Uint16Array(slots), edgeTo: new Int32Array(slots),
    parent: new Int32Array(size), unit: new Uint16Array(size), depth: new Int32Array(size),
    fail: new Int32Array(size), longest: new Int32Array(size),
  };
  let count = 1;
  let rootEdges = 0;
  for (const value of values) {
    let state = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      const h = slot(a, state, c);
      if (a.edgeTo[h] === 0) {
        a.edgeFrom[h] = state;
        a.edgeUnit[h] = c;
        a.edgeTo[h] = count;
        a.parent[count] = state;
        a.unit[count] = c;
        a.depth[count] = i + 1;
        if (state === 0) rootEdges++;
        count++;
      }
      state = a.edgeTo[h]!;
    }
    if (state !== 0) a.longest[state] = value.length;
  }
  if (rootEdges >= ROOT_TABLE_MIN) {
    a.root = new Int32Array(0x10000);
    for (let k = 1; k < count; k++) if (a.parent[k] === 0) a.root[a.unit[k]!] = k;
  }
  linkFailures(a, count);
  return a;
}

// In order of depth, so a state's failure target (shallower) is complete before the state is.
function linkFailures(a: Automaton, count: number): void {
  let deepest = 0;
  for (let k = 1; k < count; k++) deepest = Math.max(deepest, a.depth[k]!);
  const firstAt = new Int32Array(deepest + 2);
  for (let k = 1; k < count; k++) firstAt[a.depth[k]! + 1]!++;
  for (let d = 1; d <= deepest + 1; d++) firstAt[d]! += firstAt[d - 1]!;
  const byDepth = new Int32Array(count);
  for (let k = 1; k < count; k++) byDepth[firstAt[a.depth[k]!]!++] = k;
  for (let q = 0; q < count - 1; q++) {
    const k = byDepth[q]!;
    const p = a.parent[k]!;
    if (p === 0) continue;
    a.fail[k] = step(a, a.fail[p]!, a.unit[k]!);
    if (a.longest[k] === 0) a.longest[k] = a.longest[a.fail[k]!]!;
  }
}

/**
 * Returns a function that finds where any of `values` occurs in a text, as sorted disjoint ranges;
 * occurrences that overlap (a secret inside another, or two that share characters) form one range.
 * The automaton is built once, in one pass over the values; a search is linear in the text,
 * whatever the number of values.
 */
export function secretFinder(values: readonly string[]): (text: string) => Range[] {
  const a = build(values);
  if (!a) return () => [];
  return (text) => {
    const found: Range[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = step(a, state, text.charCodeAt(i));
      const length = a.longest[state]!;
      if (length > 0) addMerged(found, i + 1 - length, i + 1);
    }
    return found;
  };
}

// Ends arrive in increasing order; a new range swallows the earlier ones it overlaps (not those it only touches).
function addMerged(found: Range[], start: number, end: number): void {
  let s = start;
  while (found.length > 0 && found[found.length - 1]!.end > s) s = Math.min(s, found.pop()!.start);
  found.push({ start: s, end });
}

/**
 * Returns a function that replaces every occurrence of a secret in a text with MASK. Built once per
 * file; a call is linear in the text. The longest occurrence wins and a secret that contains another is
 * masked whole; occurrences that overlap are masked as one, so no part of either shows.
 */
export function secretMasker(values: readonly string[]): (text: string) => string {
  const find = secretFinder(values);
  return (text) => maskFound(text, find(text));
}

/** `text` with each of the sorted disjoint ranges (as secretFinder returns them) replaced by MASK. */
export function maskFound(text: string, found: readonly Range[]): string {
  if (found.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const r of found) {
    out += text.slice(cursor, r.start) + MASK;
    cursor = r.end;
  }
  return out + text.slice(cursor);
}

/**
 * Replaces every occurrence of a secret's text in a message with a fixed mask. For one message: it
 * looks for each secret in turn, so masking many messages should use one secretMasker instead.
 */
export function maskSecrets(message: string, secrets: readonly string[]): string {
  return maskFound(message, fewSecretsFinder(secrets)(message));
}

/**
 * The texts of secret ranges, each as written and trimmed (a value written with surrounding blanks may be quoted
 * trimmed by a message), without repeats: what messages are masked against.
 */
export function secretValuesOf(text: { slice(start: number, end: number): string }, ranges: readonly Range[]): string[] {
  const values = new Set<string>();
  for (const r of ranges) {
    const value = text.slice(r.start, r.end);
    if (!value.trim()) continue;
    values.add(value);
    values.add(value.trim());
    // Messages quote the parsed text: a value written with references (Sm1th&amp;Co) is quoted as Sm1th&Co.
    const parsed = value.includes('&') ? resolveReferences(value) : value;
    if (parsed !== value && parsed.trim()) {
      values.add(parsed);
      values.add(parsed.trim());
    }
    // A hidden password is secret in its decoded form too (an account name, a comment, a command that repeats it).
    const decoded = hiddenPassword(parsed);
    if (decoded?.trim()) values.add(decoded);
  }
  return [...values];
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The text XML makes of `raw`: the five predefined entities and character references resolved (others kept). */
function resolveReferences(raw: string): string {
  return raw.replace(/&(?:([a-z]+)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g, (ref, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name !== undefined) return PREDEFINED[name] ?? ref;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
  });
}

/** secretFinder for a handful of secrets: only a text holding one of them is handed to a matcher. */
function fewSecretsFinder(values: readonly string[]): (text: string) => Range[] {
  return (text) => {
    const present = values.filter((s) => s.length > 0 && text.includes(s));
    return present.length === 0 ? [] : secretFinder(present)(text);
  };
}

/**
 * The finder to use for `values` over about `texts` texts (a file's messages): for a few of either, looking for
 * each secret in each text is cheaper than building a matcher; past that, one matcher keeps the work linear.
 */
export function secretFinderFor(values: readonly string[], texts: number): (text: string) => Range[] {
  return values.length * Math.max(1, texts) <= 4096 ? fewSecretsFinder(values) : secretFinder(values);
}

/** Secrets shorter than this (trimmed) are common words and numbers: they are looked for as whole tokens in messages. */
export const SHORT_SECRET = 4;

/**
 * The finder for a file's secret values in the texts of its findings (messages, fix texts): as secretFinderFor, but
 * a short occurrence inside a longer word or number is left alone. A password "x" is not in "expected", and masking
 * it there would garble every message while hiding nothing; quoted on its own, it is masked.
 */
export function messageSecretFinder(values: readonly string[], texts: number): (text: string) => Range[] {
  const find = secretFinderFor(values, texts);
  if (!values.some((v) => v.trim().length < SHORT_SECRET)) return find;
  return (text) => find(text).filter((r) => r.end - r.start >= SHORT_SECRET || !insideWord(text, r));
}

/** Whether a range's first or last character continues a word that starts before it or goes on after it. */
function insideWord(text: string, r: Range): boolean {
  const at = (i: number): boolean => i >= 0 && i < text.length && isWord(text.charCodeAt(i));
  return (at(r.start - 1) && at(r.start)) || (at(r.end - 1) && at(r.end));
}

// Credentials that can sit anywhere in a file, not only in password elements: product keys pasted into
// attributes or commands (slmgr /ipk), and passwords given to common commands. Product keys are found from their
// hyphens (much faster than a regex tried at every letter); the command shapes by one regex, so the text is
// scanned once for them. Each shape names the groups that can hold its credential (one of them matches).
export interface CommandShape {
  readonly name: string;
  readonly source: string;
  readonly values: readonly string[];
}

/**
 * A quoted value: in double or single quotes, and the quotes as an answer file often writes them (&quot; &apos;,
 * or \" inside a quoted PowerShell command). QUOTED names its quote group `${name}Quote`.
 */
const QUOTED = (name: string): string =>
  String.raw`(?<${name}Quote>&quot;|&apos;|\\"|["'])(?:(?!\k<${name}Quote>)[^<\n])*\k<${name}Quote>`;
/** A value on a command line: quoted, a template expression (one token, spaces and all), or up to white space. */
const ARG = (name: string): string => String.raw`(?:${QUOTED(name)}|\{\{[^}]*\}\}|[^\s<]+)`;
/**
 * Not a value: a switch, a prompt ("*"), a command separator (& && | ;) or a redirection (> 2>nul, as the file
 * writes it: &gt;) after the command's last switch.
 */
const NOT_VALUE = String.raw`(?!\/)(?!\*(?:\s|$))(?!&amp;|&&|\||;|\d?(?:&gt;|&lt;|>))`;
/**
 * Switches between a command's name and the argument a shape wants; a switch's value may be quoted, spaces and all
 * (/fullname:"Deploy Account"), and ends at a command separator (/active:yes; Set-TimeZone …).
 */
const SWITCHES = String.raw`(?:\s+\/(?:"[^"<\n]*"|&quot;(?:(?!&quot;)[^<\n])*&quot;|&(?!quot;|amp;)|[^\s"&;<])+)*`;
/** The net command: net, net1 (what net runs), with .exe or not. */
const NET = String.raw`\bnet1?(?:\.exe)?`;
export const COMMAND_SHAPES: readonly CommandShape[] = [
  // net user [switches] NAME [switches] PASSWORD: net takes its switches anywhere; net.exe and a path work too.
  {
    name: 'net',
    values: ['netValue'],
    source: String.raw`${NET}\s+user${SWITCHES}\s+(?:"[^"]+"|&quot;(?:(?!&quot;).)+&quot;|\{\{[^}]*\}\}|(?!\/)\S+)${SWITCHES}\s+(?<netValue>${NOT_VALUE}${ARG('net')})`,
  },
  // net use [D:|*] \\server\share [/user:NAME] PASSWORD
  {
    name: 'use',
    values: ['useValue'],
    source: String.raw`${NET}\s+use\s+(?:(?:[a-z]:|\*)\s+)?\\\\[^\s<]+${SWITCHES}\s+(?<useValue>${NOT_VALUE}${ARG('use')})`,
  },
  // ConvertTo-SecureString [-AsPlainText -Force] [-String] VALUE, quoted or not (a $variable is no credential).
  {
    name: 'secure',
    values: ['secureValue', 'secureBare'],
    source: String.raw`ConvertTo-SecureString(?:\s+-(?!String\b)[a-z]+)*\s+(?:-String\s+)?(?:(?<secureValue>${QUOTED('secure')})|(?<secureBare>(?![-$(@{])(?!&quot;|&apos;)[^\s'"|;)<]+))`,
  },
  // /password:VALUE, /pass:VALUE (cmdkey), -Password VALUE or -Password:VALUE (not a $variable or a subexpression).
  {
    name: 'arg',
    values: ['argValue'],
    source: String.raw`(?:\/pass(?:word)?:|-Password(?::|\s+))(?<argValue>${QUOTED('arg')}|\{\{[^}]*\}\}|(?![($])(?!&quot;|&apos;)[^\s'"<]+)`,
  },
  // reg add …\Winlogon /v DefaultPassword [/t REG_SZ] [/f] /d VALUE: the automatic logon password, in clear text.
  {
    name: 'reg',
    values: ['regValue'],
    source: String.raw`\/v\s+(?<regName>"?)DefaultPassword\k<regName>(?:\s+\/(?!d\b)[a-z]+(?:\s+(?!\/)[^\s<]+)?)*\s+\/d\s+(?<regValue>${ARG('reg')})`,
  },
  // The same with /d first: reg add … /d VALUE [/t REG_SZ] [/f] /v DefaultPassword
  {
    name: 'regFirst',
    values: ['regFirstValue'],
    source: String.raw`\/d\s+(?<regFirstValue>${ARG('regFirst')})(?:\s+\/(?!v\b)[a-z]+(?:\s+(?!\/)[^\s<]+)?)*\s+\/v\s+"?DefaultPassword\b`,
  },
  // Set-ItemProperty … -Name DefaultPassword -Value VALUE (PowerShell's way to the same registry value).
  {
    name: 'psReg',
    values: ['psRegValue'],
    source: String.raw`-Name\s+(?<psRegName>['"]?)DefaultPassword\k<psRegName>\s+-Value\s+(?<psRegValue>${ARG('psReg')})`,
  },
  // NAME=VALUE for a name that ends in PASSWORD, PASSWD or PWD: an MSI public property (msiexec … SERVICE_PASSWORD=…,
  // SQL Server setup's SAPWD=…) or a --password= switch. Found from the name's end, so it is tried only where one is;
  // a run-time value (%VAR%, $var, !VAR!) or a prompt (*) is none. A bare value ends at a command separator (& ; |),
  // which is also where a URL's query parameter ends (a generator's settings link in a comment: …Password=x&Next=…).
  {
    name: 'prop',
    values: ['propValue'],
    source: String.raw`(?:password|passwd|pwd)=(?<propValue>${QUOTED('prop')}|(?![%$!*(])(?!&quot;|&apos;)[^\s'"<&;|]+)`,
  },
  // schtasks … /rp VALUE: the password of the task's account.
  { name: 'rp', values: ['rpValue'], source: String.raw`\/rp\s+(?<rpValue>${QUOTED('rp')}|(?!\*(?:\s|$))[^\s<"]+)` },
  // psexec … -p VALUE (psexec.exe, psexec64, also at the end of a quoted path)
  {
    name: 'psexec',
    values: ['psexecValue'],
    source: String.raw`\bpsexec(?:64)?(?:\.exe)?(?:"|&quot;)?(?:[ \t]+[^\s<]+)*?[ \t]+-p[ \t]+(?<psexecValue>${ARG('psexec')})`,
  },
];
/** `'VALUE' | ConvertTo-SecureString`: found from the pipe (what follows it), the value read back from it (PIPED_VALUE). */
const PIPED = /\s*ConvertTo-SecureString\b/iy;
/** The longest value read back before a pipe. */
export const PIPED_VALUE = 256;
/** All shapes in one expression; `d` gives the credential's own offsets. */
const COMMAND_SECRETS = new RegExp(COMMAND_SHAPES.map((s) => `(?<${s.name}>${s.source})`).join('|'), 'gid');

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isWord = (c: number): boolean => isAlnum(c) || c === 95;

/**
 * Where a scan for credentials by shape stands: what it found, and where each search goes on. A whole text is
 * scanned in one window; a streamed one window by window, each window reaching far enough past its end to hold any
 * match that starts before it (matches are short: a product key, an argument).
 */
export interface FreeSecretScan {
  /** Found per shape (product keys, then each command shape), each in document order. */
  readonly byShape: Range[][];
  /** The next hyphen a product key may hold. */
  hyphen: number;
  /** Where the search for command shapes goes on. */
  lastIndex: number;
  /** Per command shape: where its last match ended (a shape's matches never overlap each other). */
  readonly resume: number[];
  /** Where the search for `| ConvertTo-SecureString` goes on. */
  pipe: number;
}

export const freeSecretScan = (): FreeSecretScan => ({
  byShape: [[], ...COMMAND_SHAPES.map(() => []), []],
  hyphen: 0,
  lastIndex: 0,
  resume: COMMAND_SHAPES.map(() => 0),
  pipe: 0,
});

/**
 * The quoted values piped into ConvertTo-SecureString whose pipe is before `until`. A search for the quote from
 * every quote character would cost many times the other shapes together; pipes are rare.
 */
function pipedShapes(text: string, base: number, until: number, scan: FreeSecretScan): void {
  const out = scan.byShape[scan.byShape.length - 1]!;
  const re = PIPED;
  const last = until - base;
  // A search for the pipe character, then the expression from just after it: much cheaper than the expression
  // tried at every offset.
  let i = text.indexOf('|', Math.max(0, scan.pipe - base));
  for (; i >= 0 && i < last; i = text.indexOf('|', i + 1)) {
    re.lastIndex = i + 1;
    if (!re.test(text)) continue;
    let close = i - 1;
    while (close >= 0 && isSpace(text.charCodeAt(close))) close--;
    const quote = text.charCodeAt(close);
    if (quote !== 34 && quote !== 39) continue;
    const open = text.lastIndexOf(text[close]!, close - 1);
    if (open < 0 || close - open - 1 > PIPED_VALUE) continue;
    const value = text.slice(open + 1, close);
    if (value.length >= 3 && !value.includes('\n') && !value.includes('<')) out.push({ start: base + open + 1, end: base + close });
  }
  scan.pipe = i >= 0 ? Math.min(base + i, until) : until;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;

/** Product-key shapes (five groups of five letters or digits, between word boundaries) whose hyphens are before `until`. */
function productKeyShapes(text: string, base: number, until: number, scan: FreeSecretScan): void {
  const out = scan.byShape[0]!;
  let i = text.indexOf('-', Math.max(0, scan.hyphen - base));
  while (i >= 0 && base + i < until) {
    const start = i - 5;
    let ok = start >= 0 && (start === 0 || !isWord(text.charCodeAt(start - 1)));
    for (let g = 0; ok && g < 5; g++) {
      for (let j = 0; j < 5 && ok; j++) ok = isAlnum(text.charCodeAt(start + g * 6 + j));
      if (ok && g < 4) ok = text.charCodeAt(start + g * 6 + 5) === 45;
    }
    const end = start + 29;
    if (ok && !isWord(text.charCodeAt(end))) {
      out.push({ start: base + start, end: base + end });
      i = text.indexOf('-', end);
    } else {
      i = text.indexOf('-', i + 1);
    }
  }
  scan.hyphen = i >= 0 ? base + i : until;
}

/**
 * The credential a shape's value group holds: inside its quotes when it is quoted (the quotes are the command
 * line's, not the password's); undefined when shorter than 3 characters, which hides nothing.
 */
export function credentialRange(text: string, [start, end]: readonly [number, number]): Range | undefined {
  for (const quote of QUOTES) {
    if (end - start >= 2 * quote.length && text.startsWith(quote, start) && text.startsWith(quote, end - quote.length)) {
      start += quote.length;
      end -= quote.length;
      break;
    }
  }
  return end - start >= 3 ? { start, end } : undefined;
}

/** The quotes a value on a command line comes in (QUOTED), longest first. */
const QUOTES = ['&quot;', '&apos;', '\\"', '"', "'"];

/** The command shapes (net user, ConvertTo-SecureString, /password:, …) of `text` (at offset `base`) starting before `until`. */
function commandShapes(text: string, base: number, until: number, scan: FreeSecretScan): void {
  // The one expression, its lastIndex set before each use (nothing in the loop scans with it again): a copy per call
  // would hash its 2,000-character source each time, which a small file feels.
  const re = COMMAND_SECRETS;
  re.lastIndex = Math.max(0, scan.lastIndex - base);
  let m = re.exec(text);
  for (; m && base + m.index < until; m = re.exec(text)) {
    // A match of one shape may overlap a match of another, so the scan goes on right after its start.
    // No two shapes can match at the same offset: each begins with its own word, switch or quote.
    re.lastIndex = m.index + 1;
    const groups = m.groups!;
    const k = COMMAND_SHAPES.findIndex((shape) => groups[shape.name] !== undefined);
    const at0 = base + m.index;
    if (at0 < scan.resume[k]!) continue;
    scan.resume[k] = at0 + m[0].length;
    const name = COMMAND_SHAPES[k]!.values.find((v) => groups[v] !== undefined)!;
    const r = credentialRange(text, m.indices!.groups![name]!);
    if (r) scan.byShape[k + 1]!.push({ start: base + r.start, end: base + r.end });
  }
  scan.lastIndex = m ? Math.min(base + m.index, until) : until;
}

/** Scans `text`, which starts at offset `base` of the file, for credential shapes that start before `until`. */
export function scanFreeSecretsIn(text: string, base: number, until: number, scan: FreeSecretScan): void {
  productKeyShapes(text, base, until, scan);
  commandShapes(text, base, until, scan);
  pipedShapes(text, base, until, scan);
}

// An element whose name says it holds a secret, as the binder's name check reads names (…Password…, ProductKey,
// AccountData), found in the text itself: where the parser never binds anything (past the point where a file stops
// being well-formed), its value still has to be masked in code frames.
const SECRET_TAG = /<((?:[\w.-]+:)?[\w.-]*(?:password|productkey|accountdata)[\w.-]*)(?:\s[^<>]*)?>/gi;
const VALUE_CHILD = /<(?:[\w.-]+:)?(?:Value|Key)(?:\s[^<>]*)?>([^<]*)/g;
/** How far past a secret element's start tag its value is looked for when its end tag is missing. */
const SECRET_REACH = 2000;

/** Ranges of the text of secret-named elements, or of their Value/Key children, read from the text alone. */
export function secretElementShapes(text: string): Range[] {
  const out: Range[] = [];
  if (!/password|productkey|accountdata/i.test(text)) return out;
  const re = new RegExp(SECRET_TAG);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].endsWith('/>')) continue;
    const from = m.index + m[0].length;
    const close = text.indexOf(`</${m[1]}`, from);
    const end = close >= 0 && close - from <= SECRET_REACH ? close : Math.min(text.length, from + SECRET_REACH);
    const body = text.slice(from, end);
    const lead = /^[^<]*/.exec(body)![0];
    if (lead.trim()) out.push({ start: from, end: from + lead.length });
    const child = new RegExp(VALUE_CHILD);
    for (let c = child.exec(body); c; c = child.exec(body)) {
      const at = from + c.index + c[0].length - c[1]!.length;
      if (c[1]!.trim()) out.push({ start: at, end: at + c[1]!.length });
    }
    re.lastIndex = Math.max(re.lastIndex, from);
  }
  return out;
}

/** Words for each command shape, as a message names what passes the credential. */
const SHAPE_WORDS: Readonly<Record<string, string>> = {
  net: 'net user',
  use: 'net use',
  secure: 'ConvertTo-SecureString',
  arg: '/password: or -Password',
  reg: 'reg add … DefaultPassword',
  regFirst: 'reg add … DefaultPassword',
  psReg: 'Set-ItemProperty … DefaultPassword',
  prop: 'a …PASSWORD= property',
  rp: 'schtasks /rp',
  psexec: 'psexec -p',
};

/** The credentials that command shapes (not product keys) pass in `text`, in document order, each with what passes it. */
export function commandCredentials(text: string): { shape: string; range: Range }[] {
  const scan = freeSecretScan();
  commandShapes(text, 0, text.length, scan);
  pipedShapes(text, 0, text.length, scan);
  const out: { shape: string; range: Range }[] = [];
  COMMAND_SHAPES.forEach((shape, k) => {
    for (const range of scan.byShape[k + 1]!) out.push({ shape: SHAPE_WORDS[shape.name] ?? shape.name, range });
  });
  for (const range of scan.byShape[scan.byShape.length - 1]!) out.push({ shape: 'a value piped to ConvertTo-SecureString', range });
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** Ranges of credentials found by shape anywhere in the text (masked in code frames like element secrets). */
export function scanFreeSecrets(text: string): Range[] {
  const scan = freeSecretScan();
  scanFreeSecretsIn(text, 0, text.length, scan);
  return scan.byShape.flat();
}
