// schneegans reference lists (MIT) → time zones, locales, keyboards, editions and GeoIDs for the product;
// Microsoft's language pages (kb/language-pages.ts) add the tags, language ids and keyboards they list.

import type { EditionData, GeoIdData, KeyboardData, LocaleData, TimeZoneData } from '../src/kb/data-format.js';
import type { LanguagePageLists } from './language-pages.js';

interface IdName {
  Id: string;
  DisplayName: string;
}

export interface SchneegansLists {
  timeOffset: readonly IdName[];
  userLocale: readonly (IdName & { LCID?: string | null; KeyboardLayout?: string | null; GeoLocation?: string | null })[];
  imageLanguage: readonly IdName[];
  keyboardIdentifier: readonly (IdName & { Type: string })[];
  windowsEdition: readonly (IdName & { ProductKey: string; Visible: boolean })[];
  geoId: readonly IdName[];
}

export interface ReferenceLists {
  timeZones: TimeZoneData[];
  locales: LocaleData[];
  keyboards: KeyboardData[];
  editions: EditionData[];
  geoIds: GeoIdData[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function unique<T extends { id: string }>(list: T[], what: string): T[] {
  const seen = new Set<string>();
  for (const item of list) {
    if (seen.has(item.id)) throw new Error(`schneegans ${what}: duplicate id ${JSON.stringify(item.id)}`);
    seen.add(item.id);
  }
  return list.sort(byId);
}

export function buildReferenceLists(src: SchneegansLists, pages?: LanguagePageLists): ReferenceLists {
  const imageLanguages = new Set(src.imageLanguage.map((l) => l.Id));
  const locales = src.userLocale.map((l): LocaleData => {
    const out: LocaleData = { id: l.Id, displayName: l.DisplayName };
    if (l.LCID) out.lcid = l.LCID;
    if (l.KeyboardLayout) out.keyboard = l.KeyboardLayout;
    if (l.GeoLocation) out.geoId = l.GeoLocation;
    if (imageLanguages.has(l.Id)) out.imageLanguage = true;
    return out;
  });
  for (const id of imageLanguages) {
    if (!locales.some((l) => l.id === id)) {
      const lang = src.imageLanguage.find((l) => l.Id === id)!;
      locales.push({ id, displayName: lang.DisplayName, imageLanguage: true });
    }
  }
  const keyboards = src.keyboardIdentifier.map((k): KeyboardData => ({ id: k.Id, displayName: k.DisplayName, type: k.Type }));
  unique(keyboards, 'KeyboardIdentifier.json');
  unique(locales, 'UserLocale.json');
  if (pages) addPageLists(locales, keyboards, pages);
  return {
    timeZones: unique(withOldTimeZones(src.timeOffset.map((t) => ({ id: t.Id, displayName: t.DisplayName }))), 'TimeOffset.json'),
    locales: unique(locales, 'UserLocale.json and the language pages'),
    keyboards: unique(keyboards, 'KeyboardIdentifier.json and the language pages'),
    editions: unique(
      src.windowsEdition.map((e) => ({ id: e.Id, displayName: e.DisplayName, productKey: e.ProductKey, visible: e.Visible })),
      'WindowsEdition.json',
    ),
    geoIds: unique(src.geoId.map((g) => ({ id: g.Id, displayName: g.DisplayName })), 'GeoId.json'),
  };
}

/**
 * Adds what Microsoft's language pages list: tags the lists lack (those the pages call "no longer
 * used" only if the lists have them already), keyboards and input methods, and on each keyboard the
 * language ids the input-profile tables pair it with. Every entry a page lists names that page.
 */
function addPageLists(locales: LocaleData[], keyboards: KeyboardData[], pages: LanguagePageLists): void {
  const byTag = new Map(locales.map((l) => [l.id.toLowerCase(), l]));
  for (const [key, tag] of [...pages.tags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let entry = byTag.get(key);
    if (!entry) {
      if (tag.obsolete) continue;
      entry = { id: tag.id, displayName: tag.displayName ?? tag.id };
      if (tag.lcid) entry.lcid = tag.lcid;
      locales.push(entry);
      byTag.set(key, entry);
    }
    entry.pages = [...new Set([...(entry.pages ?? []), ...tag.pages])].sort();
  }
  const byKeyboard = new Map(keyboards.map((k) => [k.id.toLowerCase(), k]));
  for (const [key, kb] of [...pages.keyboards].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let entry = byKeyboard.get(key);
    if (!entry) {
      if (!kb.displayName) throw new Error(`language pages: keyboard ${kb.id} has no name`);
      entry = { id: kb.id, displayName: kb.displayName, type: kb.type };
      keyboards.push(entry);
      byKeyboard.set(key, entry);
    }
    entry.pages = [...new Set([...(entry.pages ?? []), ...kb.pages])].sort();
    if (kb.languages.size > 0) entry.languages = [...new Set([...(entry.languages ?? []), ...kb.languages])].sort();
  }
}

/**
 * Time zones Windows 10 and 11 still list (`tzutil /l`) with display names ending in "- Old", which TimeOffset.json
 * leaves out: ids that machines set long ago and answer files copied from them still name.
 */
export const OLD_TIME_ZONES: readonly TimeZoneData[] = [
  { id: 'Kamchatka Standard Time', displayName: '(UTC+12:00) Petropavlovsk-Kamchatsky - Old' },
  { id: 'Mid-Atlantic Standard Time', displayName: '(UTC-02:00) Mid-Atlantic - Old' },
];

function withOldTimeZones(zones: TimeZoneData[]): TimeZoneData[] {
  return [...zones, ...OLD_TIME_ZONES.filter((old) => !zones.some((z) => z.id === old.id))];
}
