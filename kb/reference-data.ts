// schneegans reference lists (MIT) → time zones, locales, keyboards, editions and GeoIDs for the product.

import type { EditionData, GeoIdData, KeyboardData, LocaleData, TimeZoneData } from '../src/kb/data-format.js';

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

export function buildReferenceLists(src: SchneegansLists): ReferenceLists {
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
  return {
    timeZones: unique(src.timeOffset.map((t) => ({ id: t.Id, displayName: t.DisplayName })), 'TimeOffset.json'),
    locales: unique(locales, 'UserLocale.json'),
    keyboards: unique(src.keyboardIdentifier.map((k) => ({ id: k.Id, displayName: k.DisplayName, type: k.Type })), 'KeyboardIdentifier.json'),
    editions: unique(
      src.windowsEdition.map((e) => ({ id: e.Id, displayName: e.DisplayName, productKey: e.ProductKey, visible: e.Visible })),
      'WindowsEdition.json',
    ),
    geoIds: unique(src.geoId.map((g) => ({ id: g.Id, displayName: g.DisplayName })), 'GeoId.json'),
  };
}
