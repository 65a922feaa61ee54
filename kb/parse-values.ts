// Reads a page's "Values" (and "Type") section into a value type, a default and the empty-element rule.

import type { ValueType } from '../src/kb/types.js';
import { PageError, plainText, tableRows } from './markdown.js';

export interface ValueInfo {
  value?: ValueType;
  default?: string;
  emptyAllowed?: boolean;
}

/** How a page's values are overridden in kb/known-odd.ts: a fixed type, or "ignore" the table. */
export type ValueQuirk = ValueType | 'ignore-table';

const DEFAULT_IN_ROW = /\b(this is the default|is the default value|\(default\)|default value\b|by default\b)/i;
/** Literal values in a values table: words, numbers and /IMAGE/INDEX-style keys. */
const LITERAL = /^[A-Za-z0-9_./]+$/;
const INTEGER = /^-?\d+$/;

/**
 * Values section → value info. A table with two or more rows lists the literal values (booleans,
 * enumerations); a single row or prose names a placeholder whose type the text states ("is a string
 * with a maximum length of 255 characters", "an integer between 0 and 3").
 */
export function parseValues(
  page: string,
  values: readonly string[] | undefined,
  typeSection: readonly string[] | undefined,
  quirk?: ValueQuirk,
): ValueInfo {
  const info: ValueInfo = {};
  const lines = values ?? [];
  const text = plainText(lines.join('\n'));
  const empty = emptyRule(text);
  if (empty !== undefined) info.emptyAllowed = empty;
  const rows = quirk === 'ignore-table' ? [] : literalRows(lines);
  if (quirk !== undefined && quirk !== 'ignore-table') {
    info.value = quirk;
    const row = rows.find((r) => DEFAULT_IN_ROW.test(r.description));
    return withDefault(withDefault(info, row?.literal), proseDefault(text));
  }
  if (rows.length >= 2) return { ...info, ...enumeratedValues(page, rows, text) };
  const declared = plainText((typeSection ?? []).join(' ')).toLowerCase();
  const value = proseType(text, declared, page);
  if (value) info.value = value;
  return withDefault(info, rows.length === 1 && DEFAULT_IN_ROW.test(rows[0]!.description) ? undefined : proseDefault(text));
}

interface LiteralRow {
  literal: string;
  description: string;
}

/** Table rows whose first cell is a value, not a link to a child page (some containers list children under "Values"). */
function literalRows(lines: readonly string[]): LiteralRow[] {
  const seen = new Set<string>();
  const rows: LiteralRow[] = [];
  for (const cells of tableRows(lines)) {
    if (cells.length < 2 || /\]\(|<a\s/i.test(cells[0]!)) continue;
    const literal = plainText(cells[0]!).replace(/^"(.*)"$/, '$1');
    if (!literal || seen.has(literal)) continue;
    seen.add(literal);
    rows.push({ literal, description: plainText(cells.slice(1).join(' ')) });
  }
  return rows;
}

function enumeratedValues(page: string, rows: LiteralRow[], text: string): ValueInfo {
  const literals = rows.map((r) => r.literal);
  const info: ValueInfo = {};
  const def = rows.find((r) => DEFAULT_IN_ROW.test(r.description) && !/\bnot the default\b/i.test(r.description));
  if (literals.every((l) => /^(true|false)$/i.test(l))) {
    info.value = { type: 'boolean' };
    if (def) info.default = def.literal.toLowerCase();
    return withDefault(info, info.default ? undefined : proseDefault(text));
  }
  if (!literals.every((l) => LITERAL.test(l))) {
    throw new PageError(page, `values table has literals this generator does not read: ${literals.map((l) => JSON.stringify(l)).join(', ')}`);
  }
  if (literals.every((l) => INTEGER.test(l)) && /\b(combin|bitwise|bit mask|bitmask|sum of|add(ing)? (the|these) values)/i.test(text)) {
    // Flags: any sum of the listed values is valid, so only the integer type is known.
    info.value = { type: 'integer', min: 0 };
  } else {
    info.value = { type: 'enum', values: literals };
  }
  if (def) info.default = def.literal;
  return withDefault(info, info.default ? undefined : proseDefault(text));
}

function num(s: string): number {
  return Number(s.replace(/,/g, ''));
}

const N = '(-?\\d[\\d,]*)';
const PAREN = '(?:\\s*\\([^)]*\\))?';
const RANGE_PATTERNS = [
  new RegExp(`\\b(?:between|from)\\s+${N}${PAREN}\\s+(?:and|to|through)\\s+${N}`, 'i'),
  new RegExp(`\\brange\\s+(?:is\\s+|of\\s+)?${N}\\s*(?:-|–|to|through)\\s*${N}`, 'i'),
];
const MIN_PATTERN = new RegExp(`\\b(?:greater than or equal to|minimum (?:value )?(?:is|of))\\s+${N}`, 'i');
const MAX_LENGTH = /maximum (?:length|value|size) of\s+(\d[\d,]*)\s*(?:characters|chars|bytes|unicode characters)/i;
const MAX_LENGTH_ALT = /\b(?:up to|no more than|cannot exceed|maximum of)\s+(\d[\d,]*)\s+characters/i;

/** Type from prose and the optional "Type" section (keyboard filter pages say "String"). */
function proseType(text: string, declared: string, page: string): ValueType | undefined {
  const isInteger = /\b(?:is|must be) an? (?:integer|int|dword|whole number|number)\b/i.test(text) || /^(integer|int|dword)$/.test(declared);
  const range = RANGE_PATTERNS.map((re) => re.exec(text)).find((m) => m);
  if (isInteger || (range && /\b(integer|number|value)\b/i.test(text) && !/\bstring\b/i.test(text))) {
    const t: ValueType = { type: 'integer' };
    if (range) {
      const [lo, hi] = [num(range[1]!), num(range[2]!)];
      if (lo > hi) throw new PageError(page, `integer range ${lo}..${hi} is reversed`);
      t.min = lo;
      t.max = hi;
    } else {
      const min = MIN_PATTERN.exec(text);
      if (min) t.min = num(min[1]!);
    }
    return t;
  }
  if (declared === 'boolean') return { type: 'boolean' };
  const max = MAX_LENGTH.exec(text) ?? MAX_LENGTH_ALT.exec(text);
  // "String. Optional." in a values table cell (OEMInformation/SupportProvider) says the same.
  if (/\bis a string\b|\bstring (?:value|type)\b|\bas a string\b|(?:^|\s)String\.\s/i.test(text) || declared === 'string' || max) {
    const t: ValueType = { type: 'string' };
    if (max) t.maxLength = num(max[1]!);
    return t;
  }
  return undefined;
}

export function emptyRule(text: string): boolean | undefined {
  if (/\bdoes not support empty elements\b|\bempty (?:values|elements) are not (?:supported|allowed)\b/i.test(text)) return false;
  if (/\bsupports empty elements\b/i.test(text)) return true;
  return undefined;
}

/** "The default value is 2000", "The default setting is **1000**", "default is Never". */
function proseDefault(text: string): string | undefined {
  const m = /\bdefault (?:value |setting )?is (?:set to )?"?([A-Za-z0-9_.:/-]+)"?/i.exec(text);
  if (!m) return undefined;
  const value = m[1]!.replace(/[.,;:]+$/, '');
  // "The default value is the name of ..." and similar prose are not values.
  return /^(the|a|an|to|that|not|empty|blank|used|specified|set|based)$/i.test(value) ? undefined : value;
}

/** Keeps a prose default only when it fits the value type (prose often names defaults loosely). */
function withDefault(info: ValueInfo, def: string | undefined): ValueInfo {
  if (def === undefined || info.default !== undefined) return info;
  const v = info.value;
  if (!v) return info;
  if (v.type === 'boolean' && /^(true|false)$/i.test(def)) info.default = def.toLowerCase();
  if (v.type === 'integer' && INTEGER.test(def)) info.default = def;
  if (v.type === 'enum') {
    const match = v.values.find((x) => x.toLowerCase() === def.toLowerCase());
    if (match) info.default = match;
  }
  if (v.type === 'string') info.default = def;
  return info;
}
