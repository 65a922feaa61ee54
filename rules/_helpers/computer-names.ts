// Computer names as Windows checks them (microsoft-windows-shell-setup-computername; DnsValidateName).
import type { BoundValue } from '../../src/binder/bind.js';

/** Shell-Setup/ComputerName ("*" or empty: a random name) and Deployment/AuditComputerName/Name (audit mode). */
const RANDOM_ALLOWED = 'Microsoft-Windows-Shell-Setup/ComputerName';
export const NAME_SETTINGS = [RANDOM_ALLOWED, 'Microsoft-Windows-Deployment/AuditComputerName/Name'] as const;

/** microsoft-windows-shell-setup-computername: no spaces and none of { | } ~ [ \ ] ^ ' : ; < = > ? @ ! " # $ % ` ( ) + / . , * & */
const FORBIDDEN = new Set([...'{|}~[\\]^\':;<=>?@!"#$%`()+/.,*&', ' ', '\t', '\r', '\n']);
export const MAX_BYTES = 15;

export const utf8Bytes = (s: string): number => new TextEncoder().encode(s).length;
/** Bytes in the most compact code page Windows could use: 1 per character, 2 for CJK in a double-byte code page. */
const fewestBytes = (s: string): number => [...s].reduce((n, c) => n + (c.codePointAt(0)! >= 0x1100 ? 2 : 1), 0);
const show = (c: string): string => (c === ' ' ? 'a space' : /\s/.test(c) ? 'a line break or tab' : `"${c}"`);
export const list = (items: string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/**
 * A name that passes both computer-name and computer-name-dns: allowed characters only ("_" becomes "-"), no
 * hyphen at either end, within 15 UTF-8 bytes.
 */
function suggest(name: string): string {
  const clean = [...name].filter((c) => !FORBIDDEN.has(c) && c.codePointAt(0)! <= 0xffff).join('').replace(/_/g, '-').replace(/^-+/, '');
  let out = '';
  for (const c of clean) {
    if (utf8Bytes(out + c) > MAX_BYTES) break;
    out += c;
  }
  out = out.replace(/-+$/, '');
  return /^\d*$/.test(out) ? '' : out;
}

export interface NameProblems {
  name: string;
  /** What makes Windows reject the name (computer-name). */
  invalid: string[];
  /** What DNS host names do not allow, though Windows takes the name (computer-name-dns). */
  dns: string[];
  suggestion?: string;
}

/** The problems of a computer name value; undefined for other settings, random names and template tokens. */
export function nameProblems(v: BoundValue): NameProblems | undefined {
  const b = v.element.binding;
  const key = b.setting?.key;
  if (!key || !(NAME_SETTINGS as readonly string[]).includes(key) || b.placeholder) return undefined;
  const name = v.text;
  // Empty (and for Shell-Setup "*") means a random name; an empty AuditComputerName/Name is empty-value's.
  if (name === '' || (name === '*' && key === RANDOM_ALLOWED)) return undefined;
  const out: NameProblems = { name, invalid: [], dns: [] };
  const bad = [...new Set([...name].filter((c) => FORBIDDEN.has(c)))];
  if (bad.length > 0) out.invalid.push(`contains ${list(bad.map(show))} (not allowed in computer names)`);
  if (/^\d+$/.test(name)) out.invalid.push('has only digits (DnsValidateName rejects that)');
  if ([...name].some((c) => c.codePointAt(0)! > 0xffff)) out.invalid.push('contains a character outside the Basic Multilingual Plane, such as an emoji (not allowed)');
  const bytes = utf8Bytes(name);
  const fewest = fewestBytes(name);
  if (fewest > MAX_BYTES) {
    out.invalid.push(`is ${fewest === bytes ? bytes : `at least ${fewest}`} bytes (Windows accepts at most 15)`);
  } else if (bytes > MAX_BYTES) {
    out.dns.push(`is ${bytes} bytes in UTF-8 (over 15; it fits only in a legacy code page that stores its characters in fewer bytes)`);
  }
  if (out.invalid.length > 0) {
    const s = suggest(name);
    if (s) out.suggestion = s;
  }
  // DnsValidateName's documented checks (length, dots, digits only, "_", forbidden characters) say nothing about
  // hyphens, and no report shows Setup failing on one: like "_", a DNS problem, not a Windows one.
  if (/^-|-$/.test(name)) out.dns.push('starts or ends with a hyphen');
  if (name.includes('_')) out.dns.push('contains "_"');
  return out;
}
