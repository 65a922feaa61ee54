// Language tags and input locales as International-Core reads them, checked against the knowledge base's lists.
import type { KnowledgeBase } from '../../src/kb/types.js';
import { closest } from './suggest.js';

/** A well-formed tag: language, optional script, optional region or UN M.49 area (en-US, sr-Latn-RS, es-419). */
const TAG = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?$/i;
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
  /** Lower-cased LCIDs ("0409") of listed locales. */
  lcids: Set<string>;
  /** Lower-cased keyboard and IME ids. */
  keyboards: Set<string>;
}

export function localeLists(kb: KnowledgeBase): LocaleLists {
  const tags = new Map<string, string>();
  const lcids = new Set<string>();
  for (const l of kb.localeEntries()) {
    tags.set(l.id.toLowerCase(), l.id);
    // 1000 is LOCALE_CUSTOM_UNSPECIFIED: locales without an LCID of their own.
    if (l.lcid && l.lcid !== '1000') lcids.add(l.lcid.toLowerCase());
  }
  const keyboards = new Set([...kb.keyboards()].map((k) => k.toLowerCase()));
  for (const k of keyboards) if (k.includes(':')) lcids.add(k.slice(0, 4));
  return { tags, lcids, keyboards };
}

export function checkTag(lists: LocaleLists, value: string): Verdict {
  if (lists.tags.has(value.toLowerCase())) return { kind: 'ok' };
  const respelled = lists.tags.get(value.replace(/_/g, '-').toLowerCase());
  if (!TAG.test(value)) return respelled ? { kind: 'malformed', fix: respelled } : { kind: 'malformed' };
  return { kind: 'unlisted', near: closest(value, [...lists.tags.values()]) };
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
