// Microsoft's language pages (../shared/reference/setup, CC BY 4.0) → the language tags, language ids,
// keyboards and input profiles they list for answer files and DISM.
//
// - available-language-packs-for-windows: language packs and LIPs, tag + language id ("0x0401").
// - default-input-locales-for-windows-language-packs: each language's default input profiles
//   ("af-ZA: United States - English (0436:00000409)").
// - windows-language-pack-default-values: keyboard identifiers and input method editors.

import { PageError, plainText, tableRows } from './markdown.js';

export const LANGUAGE_PACKS = 'available-language-packs-for-windows';
export const INPUT_LOCALES = 'default-input-locales-for-windows-language-packs';
export const KEYBOARDS = 'windows-language-pack-default-values';
export const LANGUAGE_PAGES = [LANGUAGE_PACKS, INPUT_LOCALES, KEYBOARDS] as const;
export type LanguagePage = (typeof LANGUAGE_PAGES)[number];

/** Keyboard ids the keyboard table misprints, with the id the name stands for (both in KeyboardIdentifier.json under the same name). */
const KEYBOARD_ID_TYPOS: Readonly<Record<string, { id: string; reason: string }>> = {
  '0x0030402': { id: '00030402', reason: 'Bulgarian: seven digits; 00030402 is the Bulgarian layout' },
  '0x000004009': { id: '00004009', reason: 'India: nine digits; 00004009 is English (India)' },
};

export interface PageTag {
  /** As the page spells it (the first spelling seen in BCP 47 case wins, else the first seen). */
  id: string;
  displayName?: string;
  /** Language id from the language packs page ("0401"). */
  lcid?: string;
  /** The page says the tag is no longer used (sr-Latn-CS → sr-Latn-RS). */
  obsolete: boolean;
  pages: Set<LanguagePage>;
}

export interface PageKeyboard {
  /** Lower-case: "00000409", or "045e:{…}{…}" for an input method. */
  id: string;
  type: 'Keyboard' | 'IME';
  displayName?: string;
  /** Language ids ("0436") the input-profile tables pair the keyboard with. */
  languages: Set<string>;
  pages: Set<LanguagePage>;
}

export interface LanguagePageLists {
  tags: Map<string, PageTag>;
  keyboards: Map<string, PageKeyboard>;
  /** Every input profile the tables give, as written ("0436:00000409", "045e:{…}{…}"). */
  profiles: Set<string>;
}

const TAG = /^([a-z]{2,3}(?:-[a-z0-9]{2,8})*(?:_[a-z]+)?)(?::|\s|$)/i;
const PAIR = /\b([0-9a-f]{4}):([0-9a-f]{8}|\{[0-9a-f-]{36}\}\{[0-9a-f-]{36}\})/gi;
const NO_LONGER_USED = /no longer used/i;

/** BCP 47 case: language lower, script title, region upper (zh-Hant-TW); other subtags lower. */
function bcp47Case(tag: string): string {
  return tag
    .split('-')
    .map((s, i) => (i === 0 ? s.toLowerCase() : /^[a-z]{4}$/i.test(s) ? s[0]!.toUpperCase() + s.slice(1).toLowerCase() : /^([a-z]{2}|\d{3})$/i.test(s) ? s.toUpperCase() : s))
    .join('-');
}

export function parseLanguagePages(pages: Readonly<Record<LanguagePage, string>>): LanguagePageLists {
  const out: LanguagePageLists = { tags: new Map(), keyboards: new Map(), profiles: new Set() };

  const addTag = (page: LanguagePage, raw: string, extra: { displayName?: string; lcid?: string; obsolete?: boolean } = {}): void => {
    const key = raw.toLowerCase();
    let tag = out.tags.get(key);
    if (!tag) out.tags.set(key, (tag = { id: raw, obsolete: false, pages: new Set() }));
    else if (tag.id !== bcp47Case(tag.id) && raw === bcp47Case(raw)) tag.id = raw;
    tag.pages.add(page);
    if (extra.obsolete) tag.obsolete = true;
    if (extra.displayName && !tag.displayName) tag.displayName = extra.displayName;
    if (extra.lcid) {
      if (tag.lcid && tag.lcid !== extra.lcid) throw new PageError(`${page}.md`, `${raw} has language ids ${tag.lcid} and ${extra.lcid}`);
      tag.lcid = extra.lcid;
    }
  };
  const addKeyboard = (page: LanguagePage, id: string, displayName: string | undefined, language?: string): void => {
    const key = id.toLowerCase();
    let kb = out.keyboards.get(key);
    if (!kb) out.keyboards.set(key, (kb = { id: key, type: key.includes(':') ? 'IME' : 'Keyboard', languages: new Set(), pages: new Set() }));
    kb.pages.add(page);
    if (displayName && !kb.displayName) kb.displayName = displayName;
    if (language && kb.type === 'Keyboard') kb.languages.add(language.toLowerCase());
  };
  /** One input-profile cell: items ("tag: Name (LLLL:KKKKKKKK)"), each in a <p> or alone. */
  const readProfiles = (page: LanguagePage, cell: string, rowName: string): number => {
    let found = 0;
    for (const part of cell.split(/<\/?p>/i)) {
      const text = plainText(part);
      if (!text) continue;
      const tag = TAG.exec(text)?.[1];
      const pairs = [...text.matchAll(PAIR)];
      // "de-AT: German ()": a secondary profile whose pair the page leaves out; the tag still counts.
      if (pairs.length === 0 && tag && /\(\)$/.test(text)) {
        addTag(page, tag);
        continue;
      }
      if (pairs.length === 0) throw new PageError(`${page}.md`, `row ${JSON.stringify(rowName)}: no input profile in ${JSON.stringify(text)}`);
      if (tag && !/^[0-9a-f]{4}$/i.test(tag)) addTag(page, tag);
      // The keyboard's name: what stands between "tag:" and "(pair)", if anything.
      const name = text
        .replace(TAG, '')
        .replace(/\(?[0-9a-f]{4}:[^\s;)]+\)?/gi, '')
        .replace(/[;\s]+$/, '')
        .trim();
      for (const [, language, keyboard] of pairs) {
        out.profiles.add(`${language}:${keyboard}`);
        const id = keyboard!.startsWith('{') ? `${language}:${keyboard}` : keyboard!;
        addKeyboard(page, id, pairs.length === 1 && name ? name : undefined, language);
        found++;
      }
    }
    return found;
  };

  // Language packs and LIPs: Markdown tables headed "Language/region | Language/region tag | … | Language/region ID | …".
  let packRows = 0;
  for (const table of pipeTables(pages[LANGUAGE_PACKS])) {
    const col = (name: string) => table.header.findIndex((h) => plainText(h).toLowerCase() === name);
    const [nameCol, tagCol, idCol] = [col('language/region'), col('language/region tag'), col('language/region id')];
    if (tagCol < 0) continue;
    if (nameCol < 0 || idCol < 0) throw new PageError(`${LANGUAGE_PACKS}.md`, `table with columns ${table.header.join(' | ')}`);
    for (const row of table.rows) {
      const cell = plainText(row[tagCol] ?? '');
      const tag = TAG.exec(cell)?.[1];
      const id = /^0x([0-9a-f]{4})$/i.exec(plainText(row[idCol] ?? ''))?.[1];
      if (!tag || !id) throw new PageError(`${LANGUAGE_PACKS}.md`, `unreadable row ${row.join(' | ')}`);
      addTag(LANGUAGE_PACKS, tag, { displayName: plainText(row[nameCol]!), lcid: id.toLowerCase(), obsolete: NO_LONGER_USED.test(cell) });
      packRows++;
    }
  }
  if (packRows === 0) throw new PageError(`${LANGUAGE_PACKS}.md`, 'no language pack table');

  // Default input profiles: an HTML table, language/region | primary | secondary.
  let inputRows = 0;
  for (const row of tableRows(pages[INPUT_LOCALES].split('\n'))) {
    if (row.length !== 3) throw new PageError(`${INPUT_LOCALES}.md`, `row with ${row.length} cells: ${row.join(' | ')}`);
    const rowName = plainText(row[0]!);
    if (readProfiles(INPUT_LOCALES, row[1]!, rowName) === 0) throw new PageError(`${INPUT_LOCALES}.md`, `row ${JSON.stringify(rowName)} has no primary input profile`);
    readProfiles(INPUT_LOCALES, row[2]!, rowName);
    // The row names the language of its primary profile's tag, when that tag is the row's own.
    const primary = TAG.exec(plainText(row[1]!))?.[1];
    const tag = primary && out.tags.get(primary.toLowerCase());
    if (tag && !tag.displayName && tag.pages.size === 1) tag.displayName = rowName;
    inputRows++;
  }
  if (inputRows === 0) throw new PageError(`${INPUT_LOCALES}.md`, 'no input profile table');

  // Keyboard identifiers ("Keyboard | Keyboard identifier (hexadecimal)") and input method editors.
  let keyboardRows = 0;
  for (const table of pipeTables(pages[KEYBOARDS])) {
    const head = table.header.map((h) => plainText(h).toLowerCase());
    if (head[0] === 'keyboard') {
      for (const row of table.rows) {
        const raw = plainText(row[1] ?? '');
        const id = /^0x([0-9a-f]{8})$/i.exec(raw)?.[1] ?? KEYBOARD_ID_TYPOS[raw.toLowerCase()]?.id;
        if (!id) throw new PageError(`${KEYBOARDS}.md`, `keyboard ${JSON.stringify(plainText(row[0] ?? ''))} has id ${JSON.stringify(raw)}`);
        addKeyboard(KEYBOARDS, id, plainText(row[0]!));
        keyboardRows++;
      }
    } else if (head[0] === 'language/region') {
      for (const row of table.rows) {
        const rowName = plainText(row[0]!);
        if (readProfiles(KEYBOARDS, row[1] ?? '', rowName) === 0) throw new PageError(`${KEYBOARDS}.md`, `row ${JSON.stringify(rowName)} has no input profile`);
        // An IME named by the row alone ("Chinese (Wubi)" → 0804:{…}{…}).
        for (const [, language, keyboard] of plainText(row[1]!).matchAll(PAIR)) {
          const kb = out.keyboards.get(`${language}:${keyboard}`.toLowerCase());
          if (kb && !kb.displayName) kb.displayName = rowName;
        }
        keyboardRows++;
      }
    } else {
      throw new PageError(`${KEYBOARDS}.md`, `table with columns ${table.header.join(' | ')}`);
    }
  }
  if (keyboardRows === 0) throw new PageError(`${KEYBOARDS}.md`, 'no keyboard table');
  return out;
}

/** Markdown pipe tables with their header cells. */
function pipeTables(page: string): { header: string[]; rows: string[][] }[] {
  const lines = page.split('\n');
  const tables: { header: string[]; rows: string[][] }[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line.startsWith('|') || !/^\|?\s*:?-+:?\s*(\||$)/.test(lines[i + 1]!.trim())) continue;
    const start = i;
    let end = i + 2;
    while (end < lines.length && lines[end]!.trim().startsWith('|')) end++;
    // tableRows skips a pipe table's header row (and its separator): the rows are the data.
    tables.push({ header: splitRow(line), rows: tableRows(lines.slice(start, end)) });
    i = end - 1;
  }
  return tables;
}

function splitRow(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/\|\s*$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}
