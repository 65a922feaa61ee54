// Language tags and input locales as International-Core reads them, checked against the knowledge base's lists.
import type { KnowledgeBase } from '../../src/kb/types.js';
import type { BoundValue } from '../../src/binder/bind.js';
import type { Fix, Range } from '../../src/types.js';
import { literal, replaceCore, splitPadding, trimValue, type Padded, type SourceText } from './value-text.js';
import { closest } from './suggest.js';

/** A well-formed tag: language, optional script, optional region or UN M.49 area (en-US, sr-Latn-RS, es-419). */
const TAG = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?$/i;
/**
 * A Windows locale name with an alternate sort order: a tag, "_" and the sort's name (es-ES_tradnl, de-DE_phoneb,
 * zh-TW_radstr). Only es-ES_tradnl is in the lists; another is reported as unlisted, not as malformed.
 */
const SORTED = /^([a-z]{2,3}(?:-[a-z]{4})?-(?:[a-z]{2}|\d{3}))_[a-z]{5,6}$/i;
const PAIR = /^([0-9a-f]{4}):([0-9a-f]{8}|\{[0-9a-f-]{36}\}\{[0-9a-f-]{36}\})$/i;

export type Verdict =
  /** Known, or known but for case (the reference says these values are not case-sensitive). */
  | { kind: 'ok' }
  /** Not a tag at all; `fix` when one spelling change makes it a known one (en_US → en-US). */
  | { kind: 'malformed'; fix?: string }
  /** Well-formed but not in the list (the list may lag Windows): `near` is a did-you-mean. */
  | { kind: 'unlisted'; near?: string };

export interface LocaleLists {
  /** Lower-cased tag → canonical tag. */
  tags: Map<string, string>;
  /** Lower-cased language ("en") → the tag a bare language most likely means ("en-US"). */
  defaults: Map<string, string>;
  /** Lower-cased language ids ("0409"): listed locales' LCIDs and those of listed input profiles. */
  lcids: Set<string>;
  /** Lower-cased keyboard and IME ids. */
  keyboards: Set<string>;
}

/** Made once per knowledge base, shared by every file. */
export const localeLists = (kb: KnowledgeBase): LocaleLists => kb.derive('locale-lists', buildLocaleLists);

function buildLocaleLists(kb: KnowledgeBase): LocaleLists {
  const tags = new Map<string, string>();
  const lcids = new Set<string>();
  for (const l of kb.localeEntries()) {
    tags.set(l.id.toLowerCase(), l.id);
    // 1000 is LOCALE_CUSTOM_UNSPECIFIED: locales without an LCID of their own.
    if (l.lcid && l.lcid !== '1000') lcids.add(l.lcid.toLowerCase());
  }
  // A bare language stands for its own region (fr-FR, de-DE), else the locale of its primary sublanguage (LCID 04xx:
  // en-US, ja-JP, pt-BR), else its first listed locale.
  const defaults = new Map<string, string>();
  const rank = (l: { id: string; lcid?: string }, language: string): number =>
    l.id.toLowerCase() === `${language}-${language}` ? 0 : l.lcid && /^04[0-9a-f]{2}$/i.test(l.lcid) ? 1 : 2;
  const best = new Map<string, number>();
  for (const l of kb.localeEntries()) {
    const m = /^([a-z]{2,3})-[a-z]{2}$/i.exec(l.id);
    if (!m) continue;
    const language = m[1]!.toLowerCase();
    const r = rank(l, language);
    if (r < (best.get(language) ?? 3)) {
      best.set(language, r);
      defaults.set(language, l.id);
    }
  }
  const keyboards = new Set([...kb.keyboards()].map((k) => k.toLowerCase()));
  for (const k of keyboards) if (k.includes(':')) lcids.add(k.slice(0, 4));
  // Language ids Microsoft's input-profile tables pair a keyboard with (0c00:00000409 for jv-Latn-ID).
  for (const k of kb.keyboardEntries()) for (const l of k.languages ?? []) lcids.add(l.toLowerCase());
  return { tags, defaults, lcids, keyboards };
}

export function checkTag(lists: LocaleLists, value: string): Verdict {
  if (lists.tags.has(value.toLowerCase())) return { kind: 'ok' };
  const respelled = lists.tags.get(value.replace(/_/g, '-').toLowerCase());
  const sorted = SORTED.exec(value);
  if (sorted && lists.tags.has(sorted[1]!.toLowerCase())) return { kind: 'unlisted' };
  if (!TAG.test(value)) return respelled ? { kind: 'malformed', fix: respelled } : { kind: 'malformed' };
  // A bare language ("en"), or the United Kingdom written UK (ISO 3166 says GB): what is meant is plain.
  const meant = lists.defaults.get(value.toLowerCase()) ?? lists.tags.get(value.toLowerCase().replace(/-uk$/, '-gb'));
  return { kind: 'unlisted', near: meant ?? closest(value, [...lists.tags.values()]) };
}

export type PairVerdict =
  /** A language id written in decimal (1033 for 0409). */
  | { kind: 'decimal'; hex: string }
  | { kind: 'unlistedLanguage'; id: string }
  /** A keyboard id alone ("00000414"): undocumented; `pair` is the usual language:keyboard spelling, if known. */
  | { kind: 'bareKeyboard'; pair?: string }
  | { kind: 'unlistedKeyboard'; id: string };

/** One item of InputLocale: a language tag or "LLLL:KKKKKKKK" (language id:keyboard or IME id). */
export function checkInputItem(lists: LocaleLists, item: string): PairVerdict | Verdict {
  const m = PAIR.exec(item);
  if (!m && /^[0-9a-f]{8}$/i.test(item) && lists.keyboards.has(item.toLowerCase())) {
    const language = item.slice(4).toLowerCase();
    return lists.lcids.has(language) ? { kind: 'bareKeyboard', pair: `${item.slice(4)}:${item}` } : { kind: 'bareKeyboard' };
  }
  if (!m) return checkTag(lists, item);
  const [, language, keyboard] = m as unknown as [string, string, string];
  if (!lists.lcids.has(language.toLowerCase())) {
    const hex = /^\d+$/.test(language) ? Number(language).toString(16).padStart(4, '0') : '';
    if (hex && lists.lcids.has(hex)) return { kind: 'decimal', hex };
    return { kind: 'unlistedLanguage', id: language };
  }
  const full = keyboard.startsWith('{') ? `${language}:${keyboard}` : keyboard;
  return lists.keyboards.has(full.toLowerCase()) ? { kind: 'ok' } : { kind: 'unlistedKeyboard', id: keyboard };
}

const COMPONENTS = ['Microsoft-Windows-International-Core', 'Microsoft-Windows-International-Core-WinPE'] as const;
const TAG_SETTINGS = ['UILanguage', 'SystemLocale', 'UserLocale', 'UILanguageFallback', 'SetupUILanguage/UILanguage'];
const SINGLE = new Set<string>(COMPONENTS.flatMap((c) => TAG_SETTINGS.map((s) => `${c}/${s}`)));
const INPUT = new Set<string>(COMPONENTS.map((c) => `${c}/InputLocale`));

/** The settings the locale rules read (only those the knowledge base has for each component). */
export const LOCALE_SETTINGS = [
  'Microsoft-Windows-International-Core/UILanguage',
  'Microsoft-Windows-International-Core/SystemLocale',
  'Microsoft-Windows-International-Core/UserLocale',
  'Microsoft-Windows-International-Core/UILanguageFallback',
  'Microsoft-Windows-International-Core/InputLocale',
  'Microsoft-Windows-International-Core-WinPE/UILanguage',
  'Microsoft-Windows-International-Core-WinPE/SystemLocale',
  'Microsoft-Windows-International-Core-WinPE/UserLocale',
  'Microsoft-Windows-International-Core-WinPE/UILanguageFallback',
  'Microsoft-Windows-International-Core-WinPE/InputLocale',
  'Microsoft-Windows-International-Core-WinPE/SetupUILanguage/UILanguage',
] as const;

/** What the locale rules say about a value: `unlisted` findings are locale-unlisted's, the others locale's. */
export interface LocaleFinding {
  messageId: 'list' | 'malformed' | 'inputMalformed' | 'decimal' | 'unlisted' | 'unlistedLanguage' | 'bareKeyboard' | 'unlistedKeyboard';
  range: Range;
  /** The item or value as written (quoted by the rule). */
  text: string;
  data: Record<string, string | undefined>;
  fix?: Fix;
  unlisted: boolean;
}

/** The items of an InputLocale list with their offsets in the file (the whole value when it holds entities). */
function items(source: SourceText, v: BoundValue): { text: string; range: Range }[] {
  const raw = literal(source, v);
  const out: { text: string; range: Range }[] = [];
  let offset = 0;
  for (const part of (raw ?? v.text).split(';')) {
    const { lead, core } = splitPadding(part);
    const start = v.range.start + offset + lead.length;
    if (core) out.push({ text: core, range: raw === undefined ? v.range : { start, end: start + core.length } });
    offset += part.length + 1;
  }
  return out;
}

const judged = (v: BoundValue): 'single' | 'input' | undefined => {
  const key = v.element.binding.setting?.key;
  if (!key || v.element.binding.placeholder || splitPadding(v.text).core === '') return undefined;
  return SINGLE.has(key) ? 'single' : INPUT.has(key) ? 'input' : undefined;
};

/** The whitespace around a single language tag that is otherwise fine (value-whitespace's finding). */
export function localeVerdictPadded(kb: KnowledgeBase, v: BoundValue): Padded | undefined {
  if (judged(v) !== 'single') return undefined;
  const p = splitPadding(v.text);
  return !p.core.includes(';') && checkTag(localeLists(kb), p.core).kind === 'ok' ? p : undefined;
}

export function localeFindings(kb: KnowledgeBase, source: SourceText, v: BoundValue): LocaleFinding[] {
  const kind = judged(v);
  if (!kind) return [];
  const lists = localeLists(kb);
  const name = v.element.qname;
  if (kind === 'single') {
    const p = splitPadding(v.text);
    if (p.core.includes(';')) return [{ messageId: 'list', range: v.range, text: p.core, data: { name, first: p.core.split(';')[0]!.trim() }, unlisted: false }];
    const verdict = checkTag(lists, p.core);
    if (verdict.kind === 'malformed') {
      const fix = !verdict.fix ? undefined : p.lead || p.trail ? trimValue(source, v, verdict.fix) : replaceCore(source, v, verdict.fix);
      return [{ messageId: 'malformed', range: v.range, text: p.core, data: { name, fix: verdict.fix }, ...(fix ? { fix } : {}), unlisted: false }];
    }
    if (verdict.kind === 'unlisted') return [{ messageId: 'unlisted', range: v.range, text: p.core, data: { name, near: verdict.near }, unlisted: true }];
    return [];
  }
  const out: LocaleFinding[] = [];
  for (const item of items(source, v)) {
    const verdict = checkInputItem(lists, item.text);
    const exact = item.range !== v.range;
    const edit = (text: string): Fix | undefined => (exact ? { range: [item.range.start, item.range.end], text } : undefined);
    const add = (f: Omit<LocaleFinding, 'range' | 'text'>): void => {
      out.push({ range: item.range, text: item.text, ...f });
    };
    switch (verdict.kind) {
      case 'ok':
        break;
      case 'malformed': {
        const fix = verdict.fix ? edit(verdict.fix) : undefined;
        if (verdict.fix) add({ messageId: 'malformed', data: { name, fix: verdict.fix }, ...(fix ? { fix } : {}), unlisted: false });
        else add({ messageId: 'inputMalformed', data: {}, unlisted: false });
        break;
      }
      case 'decimal': {
        const fix = edit(`${verdict.hex}${item.text.slice(item.text.indexOf(':'))}`);
        add({ messageId: 'decimal', data: { hex: verdict.hex }, ...(fix ? { fix } : {}), unlisted: false });
        break;
      }
      case 'unlisted':
        add({ messageId: 'unlisted', data: { name, near: verdict.near }, unlisted: true });
        break;
      case 'bareKeyboard':
        add({ messageId: 'bareKeyboard', data: { pair: verdict.pair }, unlisted: true });
        break;
      case 'unlistedLanguage':
      case 'unlistedKeyboard':
        add({ messageId: verdict.kind, data: { id: verdict.id }, unlisted: true });
    }
  }
  return out;
}
