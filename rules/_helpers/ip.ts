// IP addresses and prefixes for the network rules: a syntax check of our own decides what an address is (it accepts
// what Node's net.isIPv4 and net.isIPv6 accept, so the rules read addresses alike in every runtime; test/core-parity.ts
// compares the two), bigints do the masking.

const DOT = 0x2e;
const COLON = 0x3a;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHexDigit = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** One octet of a dotted address: 0 to 255 in decimal, one to three digits, no leading zero unless it is "0". */
function isOctet(text: string): boolean {
  if (text.length < 1 || text.length > 3) return false;
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return (text.length === 1 || text.charCodeAt(0) !== 0x30) && Number(text) <= 255;
}

/** One group of an IPv6 address: one to four hexadecimal digits, either case. */
function isGroup(text: string): boolean {
  if (text.length < 1 || text.length > 4) return false;
  for (let i = 0; i < text.length; i++) if (!isHexDigit(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A dotted-decimal IPv4 address: exactly four octets joined by dots (no spaces, no other separators, no shortened
 * forms such as 10.1).
 */
export function isIPv4(text: string): boolean {
  const octets = text.split('.');
  return octets.length === 4 && octets.every(isOctet);
}

/**
 * How many 16-bit groups a colon-separated run of IPv6 groups stands for, or -1 when it is malformed. The run is empty
 * or holds groups joined by single colons; when `dottedTail` allows it, its last part may be a dotted IPv4 address,
 * which fills two groups.
 */
function groupCount(run: string, dottedTail: boolean): number {
  if (run === '') return 0;
  const parts = run.split(':');
  const last = parts.length - 1;
  let count = 0;
  for (let i = 0; i <= last; i++) {
    const part = parts[i]!;
    if (isGroup(part)) count += 1;
    else if (i === last && dottedTail && isIPv4(part)) count += 2;
    else return -1;
  }
  return count;
}

/**
 * An IPv6 address in the text forms of RFC 4291, section 2.2, with an optional zone after it:
 * - an address is eight 16-bit groups, each written as one to four hexadecimal digits, separated by colons;
 * - one run of groups may be left out and written as "::" (the run is at least one group, so at most seven groups
 *   remain around it; "::" may begin or end the address, and may appear once only);
 * - the last two groups may instead be written as a dotted IPv4 address (::ffff:192.0.2.1), after the other six or
 *   after "::" with fewer (the groups before "::" are hexadecimal ones only);
 * - a zone (the interface of a link-local address, fe80::1%12 or fe80::1%eth0) follows a "%": one or more letters,
 *   digits, "-", "." or ":".
 * Nothing else is allowed: no spaces, no brackets, no prefix length.
 */
export function isIPv6(text: string): boolean {
  let address = text;
  const percent = text.indexOf('%');
  if (percent >= 0) {
    if (percent === text.length - 1) return false;
    for (let i = percent + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!(isDigit(c) || isLetter(c) || c === 0x2d || c === DOT || c === COLON)) return false;
    }
    address = text.slice(0, percent);
  }
  const gap = address.indexOf('::');
  if (gap < 0) return groupCount(address, true) === 8;
  // A second "::" (or ":::", which holds one starting a character later) is not allowed.
  if (address.indexOf('::', gap + 1) >= 0) return false;
  const before = groupCount(address.slice(0, gap), false);
  const after = groupCount(address.slice(gap + 2), true);
  return before >= 0 && after >= 0 && before + after <= 7;
}

export type Family = 4 | 6;

/** An IPv4 or IPv6 address as a number (a zone id such as %12 is kept apart; it takes no part in comparisons). */
export interface Address {
  readonly family: Family;
  readonly value: bigint;
  readonly zone?: string;
}

/** What a text of the form `address[/prefix]` holds, or why it is not one. */
export type CidrResult =
  | { readonly kind: 'ok'; readonly address: Address; readonly prefix: number | undefined }
  /** The part before any "/" is not an address. */
  | { readonly kind: 'badAddress'; readonly address: string }
  /** The part after "/" is not a decimal number. */
  | { readonly kind: 'badPrefix'; readonly address: Address; readonly prefix: string }
  /** The prefix length is larger than the family's address. */
  | { readonly kind: 'prefixRange'; readonly address: Address; readonly prefix: number; readonly max: number };

export const addressBits = (family: Family): number => (family === 4 ? 32 : 128);

const ALL = (family: Family): bigint => (1n << BigInt(addressBits(family))) - 1n;

/** The network mask of a prefix length, as a number of the family's width. */
export const maskOf = (family: Family, prefix: number): bigint => ALL(family) ^ (ALL(family) >> BigInt(prefix));

function v4Value(text: string): bigint {
  return text.split('.').reduce((n, octet) => (n << 8n) | BigInt(Number(octet)), 0n);
}

function v6Value(text: string): bigint {
  let t = text;
  let tail: number[] = [];
  // An embedded IPv4 tail (::ffff:192.0.2.1) is the last two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(t);
  if (dotted) {
    const v = Number(v4Value(dotted[1]!));
    tail = [v >>> 16, v & 0xffff];
    t = t.slice(0, dotted.index);
    if (t.endsWith(':') && !t.endsWith('::')) t = t.slice(0, -1);
  }
  const groups = (s: string): number[] => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const gap = t.indexOf('::');
  let all: number[];
  if (gap < 0) all = [...groups(t), ...tail];
  else {
    const left = groups(t.slice(0, gap));
    const right = [...groups(t.slice(gap + 2)), ...tail];
    all = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  }
  return all.reduce((n, g) => (n << 16n) | BigInt(g), 0n);
}

/** An IPv4 or IPv6 address (surrounding spaces ignored), or undefined. IPv4 octets with leading zeros are not addresses. */
export function parseAddress(text: string): Address | undefined {
  const t = text.trim();
  if (isIPv4(t)) return { family: 4, value: v4Value(t) };
  if (!isIPv6(t)) return undefined;
  const pct = t.indexOf('%');
  const bare = pct < 0 ? t : t.slice(0, pct);
  return pct < 0 ? { family: 6, value: v6Value(bare) } : { family: 6, value: v6Value(bare), zone: t.slice(pct + 1) };
}

/**
 * An IPv4 network written with its trailing zero octets left out (`192.168` for 192.168.0.0), as the route Prefix
 * page writes them (`192.168/16`); also a full dotted address.
 */
function abbreviatedV4(text: string): Address | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){0,3}$/.test(text)) return undefined;
  const parts = text.split('.');
  if (parts.some((o) => Number(o) > 255 || (o.length > 1 && o.startsWith('0')))) return undefined;
  while (parts.length < 4) parts.push('0');
  return { family: 4, value: v4Value(parts.join('.')) };
}

export interface CidrOptions {
  /** Accept IPv4 networks with trailing zero octets left out before the "/" (`12.34/16`). */
  abbreviated?: boolean;
}

/** Parses `address` or `address/prefix` (surrounding spaces ignored; none allowed around the "/"). */
export function parseCidr(text: string, opts: CidrOptions = {}): CidrResult {
  const t = text.trim();
  const slash = t.indexOf('/');
  const addressText = slash < 0 ? t : t.slice(0, slash);
  const address = parseAddress(addressText) ?? (opts.abbreviated && slash >= 0 ? abbreviatedV4(addressText) : undefined);
  if (!address || addressText !== addressText.trim()) return { kind: 'badAddress', address: addressText };
  if (slash < 0) return { kind: 'ok', address, prefix: undefined };
  const prefixText = t.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return { kind: 'badPrefix', address, prefix: prefixText };
  const prefix = Number(prefixText);
  const max = addressBits(address.family);
  return prefix > max ? { kind: 'prefixRange', address, prefix, max } : { kind: 'ok', address, prefix };
}

/** True when bits of `address` beyond the first `prefix` are set (a host address, not the network's). */
export const hostBitsSet = (address: Address, prefix: number): boolean => (address.value & ~maskOf(address.family, prefix) & ALL(address.family)) !== 0n;

/** The network address of `address` with `prefix` bits kept. */
export const networkOf = (address: Address, prefix: number): Address => ({ family: address.family, value: address.value & maskOf(address.family, prefix) });

/** True when `address` lies in the network of `base` with `prefix` bits (same family). */
export const inSubnet = (base: Address, prefix: number, address: Address): boolean =>
  base.family === address.family && (base.value & maskOf(base.family, prefix)) === (address.value & maskOf(base.family, prefix));

/** The same address (zone ids ignored). */
export const sameAddress = (a: Address, b: Address): boolean => a.family === b.family && a.value === b.value;

/**
 * The prefix length Windows uses for an IPv4 address written without one: its class's (A 8, B 16, C 24); undefined
 * for class D (multicast) and E (reserved), and for IPv6
 * (…-tcpip-interfaces-interface-unicastipaddresses-ipaddress-value).
 */
export function classfulPrefix(address: Address): number | undefined {
  if (address.family !== 4) return undefined;
  const first = Number(address.value >> 24n);
  return first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : undefined;
}

/** What kind of address this is, for the uses where only some can work. */
export type AddressKind = 'unspecified' | 'loopback' | 'multicast' | 'broadcast' | 'reserved' | 'unicast';

export function addressKind(address: Address): AddressKind {
  const v = address.value;
  if (v === 0n) return 'unspecified';
  if (address.family === 4) {
    const first = Number(v >> 24n);
    if (first === 127) return 'loopback';
    if (first >= 224 && first < 240) return 'multicast';
    if (v === 0xffffffffn) return 'broadcast';
    if (first >= 240) return 'reserved';
    return 'unicast';
  }
  if (v === 1n) return 'loopback';
  if (v >> 120n === 0xffn) return 'multicast';
  return 'unicast';
}

/** The address in its usual text form: dotted IPv4; IPv6 in lower case with the longest run of zero groups as "::" (RFC 5952). */
export function formatAddress(address: Address): string {
  if (address.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((address.value >> s) & 0xffn)).join('.');
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => Number((address.value >> s) & 0xffffn));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
  return best < 0 ? hex(groups) : `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}

/** `network/prefix` in the usual text form. */
export const formatCidr = (address: Address, prefix: number): string => `${formatAddress(address)}/${prefix}`;

/** The prefix length a dotted IPv4 subnet mask stands for (255.255.255.0 → 24), or undefined when it is not a mask. */
export function maskLength(text: string): number | undefined {
  const a = parseAddress(text);
  if (!a || a.family !== 4) return undefined;
  for (let n = 0; n <= 32; n++) if (maskOf(4, n) === a.value) return n;
  return undefined;
}

/** How a message names a kind of address that is not an ordinary unicast one. */
export const KIND_NAMES: Readonly<Record<Exclude<AddressKind, 'unicast'>, string>> = {
  unspecified: 'the unspecified address',
  loopback: 'a loopback address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved (class E) address',
};

/**
 * An IPv4 address written with zero-padded octets (`192.168.001.010`) is no address for isIPv4 (nor for Node's
 * net.isIPv4), and Windows' lenient parsers read such octets as octal (010 is 8): its octets without the padding, or
 * undefined.
 */
export function unpadded(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(t) || !/(^|\.)0\d/.test(t)) return undefined;
  const plain = t.split('.').map((o) => String(Number(o))).join('.');
  return isIPv4(plain) ? plain : undefined;
}

/** What to tell the author of a text that is no address: drop the zero padding when that is all, else `otherwise`. */
export function addressHint(text: string, rest: string, otherwise: string): string {
  const plain = unpadded(text);
  return plain ? `IPv4 octets are written without leading zeros (Windows may read 010 as octal 8): write ${plain}${rest}` : otherwise;
}
