// Which answer-file values are secrets (passwords, credentials, product keys) that no output may show.
import type { ValueNode } from '../parser/events.js';
import type { Range } from '../types.js';

const SECRET_LEAVES = new Set(['Password', 'MachinePassword', 'AccountData', 'ProductKey']);
const SECRET_PARENTS = new Set(['Password', 'AdministratorPassword', 'ProductKey']);
// <Password><Value>…</Value><PlainText>…</PlainText></Password>; <ProductKey><Key>…</Key></ProductKey>
const SECRET_CHILDREN = new Set(['Value', 'Key']);

export function isSecretValue(node: ValueNode): boolean {
  const el = node.element;
  if (el.role !== 'setting') return false;
  if (SECRET_LEAVES.has(el.local)) return true;
  return SECRET_CHILDREN.has(el.local) && !!el.parent && SECRET_PARENTS.has(el.parent.local);
}

export const MASK = '********';

// Trie edges keyed by state * 2^16 + UTF-16 code unit, in one Map (no per-state objects).
const UNITS = 0x10000;

/**
 * Returns a function that finds where any of `values` occurs in a text, as sorted disjoint ranges;
 * occurrences that overlap (a secret inside another, or two that share characters) form one range.
 * An Aho–Corasick automaton, built once: a search is linear in the text, whatever the number of values.
 */
export function secretFinder(values: readonly string[]): (text: string) => Range[] {
  const edges = new Map<number, number>();
  const parent = [0];
  const unit = [0];
  const depth = [0];
  // Length of the longest value that ends at the state (0 = none).
  const longest = [0];
  for (const value of values) {
    let state = 0;
    for (let i = 0; i < value.length; i++) {
      const key = state * UNITS + value.charCodeAt(i);
      let next = edges.get(key);
      if (next === undefined) {
        next = depth.length;
        edges.set(key, next);
        parent.push(state);
        unit.push(value.charCodeAt(i));
        depth.push(i + 1);
        longest.push(0);
      }
      state = next;
    }
    longest[state] = value.length;
  }
  if (depth.length === 1) return () => [];
  const fail = failureLinks(edges, parent, unit, depth, longest);
  return (text) => {
    const found: Range[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let next = edges.get(state * UNITS + c);
      while (next === undefined && state !== 0) {
        state = fail[state]!;
        next = edges.get(state * UNITS + c);
      }
      state = next ?? 0;
      if (longest[state]! > 0) addMerged(found, i + 1 - longest[state]!, i + 1);
    }
    return found;
  };
}

/** Failure links in order of depth; also lets `longest` see values that end at a state as a suffix. */
function failureLinks(edges: Map<number, number>, parent: number[], unit: number[], depth: number[], longest: number[]): number[] {
  const fail = new Array<number>(depth.length).fill(0);
  const byDepth = Array.from(depth.keys()).sort((a, b) => depth[a]! - depth[b]!);
  for (const state of byDepth) {
    const p = parent[state]!;
    if (state === 0 || p === 0) continue;
    let f = fail[p]!;
    let next = edges.get(f * UNITS + unit[state]!);
    while (next === undefined && f !== 0) {
      f = fail[f]!;
      next = edges.get(f * UNITS + unit[state]!);
    }
    fail[state] = next ?? 0;
    if (longest[state] === 0) longest[state] = longest[fail[state]!]!;
  }
  return fail;
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
  return (text) => {
    const found = find(text);
    if (found.length === 0) return text;
    let out = '';
    let cursor = 0;
    for (const r of found) {
      out += text.slice(cursor, r.start) + MASK;
      cursor = r.end;
    }
    return out + text.slice(cursor);
  };
}

/** Replaces every occurrence of a secret's text in a message with a fixed mask (one-off; see secretMasker). */
export function maskSecrets(message: string, secrets: readonly string[]): string {
  return secretMasker(secrets)(message);
}

// Credentials that can sit anywhere in a file, not only in password elements: product keys pasted into
// attributes or commands (slmgr /ipk), and passwords given to common account commands. One regex, so the
// text is scanned once; each alternative names the group holding the credential.
const FREE_SECRET_SHAPES = [
  String.raw`(?<key>\b[A-Za-z0-9]{5}(?:-[A-Za-z0-9]{5}){4}\b)`,
  String.raw`(?<net>\bnet\s+user\s+(?:"[^"]+"|(?!\/)\S+)\s+(?<netValue>(?!\/)(?!\*(?:\s|$))(?:"[^"]*"|[^\s<]+)))`,
  String.raw`(?<secure>ConvertTo-SecureString\s+(?:-String\s+)?(?<secureQuote>['"])(?<secureValue>(?:(?!\k<secureQuote>).)+)\k<secureQuote>)`,
  String.raw`(?<arg>(?:\/password:|-Password\s+)(?<argQuote>['"]?)(?<argValue>[^\s'"<]+)\k<argQuote>)`,
] as const;
const SHAPE_GROUPS = [['key', 'key'], ['net', 'netValue'], ['secure', 'secureValue'], ['arg', 'argValue']] as const;
const FREE_SECRETS = new RegExp(FREE_SECRET_SHAPES.join('|'), 'gi');

/** Ranges of credentials found by shape anywhere in the text (masked in code frames like element secrets). */
export function scanFreeSecrets(text: string): Range[] {
  // Found per shape, in the order of the shapes, each shape's matches never overlapping each other.
  const byShape: Range[][] = SHAPE_GROUPS.map(() => []);
  const resume = SHAPE_GROUPS.map(() => 0);
  const re = new RegExp(FREE_SECRETS);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // A match of one shape may overlap a match of another, so the scan goes on right after its start.
    // No two shapes can match at the same offset (they begin with a key group, "net", "ConvertTo-", "/" or "-").
    re.lastIndex = m.index + 1;
    const k = SHAPE_GROUPS.findIndex(([whole]) => m!.groups![whole] !== undefined);
    if (m.index < resume[k]!) continue;
    resume[k] = m.index + m[0].length;
    const secret = m.groups![SHAPE_GROUPS[k]![1]]!;
    const at = m.index + m[0].lastIndexOf(secret);
    if (secret.length >= 3) byShape[k]!.push({ start: at, end: at + secret.length });
  }
  return byShape.flat();
}
