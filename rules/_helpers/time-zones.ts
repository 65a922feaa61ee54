// TimeZone values against the knowledge base's Windows ids: exact, case slip, IANA name, display name, unknown.
import type { BoundValue } from '../../src/binder/bind.js';
import type { KnowledgeBase, ReferenceEntry } from '../../src/kb/types.js';
import { windowsZoneForIana } from './iana-zones.js';
import { splitPadding, type Padded } from './value-text.js';

/** Settings whose value is a Windows time zone id (microsoft-windows-shell-setup-timezone). */
export const TIME_ZONE_SETTINGS = ['Microsoft-Windows-Shell-Setup/TimeZone'] as const;

/** "(UTC+01:00) ", "UTC-800 ", "(GMT) " in front of a display name. */
export const OFFSET = /^\(?\s*(?:UTC|GMT)\s*(?:[+\-\u2212]\s*\d{1,2}(?::?\d{2})?(?![\d:]))?\s*\)?\s*/i;
export const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

interface ZoneIndex {
  ids: ReadonlySet<string>;
  idList: readonly string[];
  lower: ReadonlyMap<string, string>;
  /** Display names, their text after the offset, and each city they list → id; ambiguous cities map to null. */
  display: ReadonlyMap<string, string | null>;
}

function displayIndex(entries: readonly ReferenceEntry[]): Map<string, string | null> {
  const map = new Map<string, string | null>();
  const add = (key: string, id: string): void => {
    if (!key) return;
    const seen = map.get(key);
    map.set(key, seen === undefined || seen === id ? id : null);
  };
  for (const { id, displayName } of entries) {
    const rest = displayName.replace(OFFSET, '');
    add(norm(displayName), id);
    add(norm(rest), id);
    for (const city of rest.split(',')) add(norm(city), id);
  }
  return map;
}

/** Made once per knowledge base, shared by every file. */
export const zoneIndex = (kb: KnowledgeBase): ZoneIndex =>
  kb.derive('time-zones', (k) => {
    const ids = k.timeZones();
    return {
      ids,
      idList: [...ids],
      lower: new Map([...ids].map((id) => [id.toLowerCase(), id])),
      display: displayIndex(k.timeZoneEntries()),
    };
  });

/**
 * The suffix that sets a zone without daylight saving time, as in the TimeZone page's example
 * "Pacific Standard Time_dstoff" (tzutil /s takes the same form).
 */
export const DST_OFF = '_dstoff';

export type ZoneVerdict =
  | { kind: 'ok'; padding: Padded }
  | { kind: 'wrongCase'; id: string; padding: Padded }
  | { kind: 'iana'; id: string; padding: Padded }
  | { kind: 'displayName'; id: string; padding: Padded }
  | { kind: 'unknown'; padding: Padded; /** The value without a _dstoff suffix. */ zone: string; suffix: string };

/** The verdict on a TimeZone value; undefined for other settings, empty values and template tokens. */
export function timeZoneVerdict(kb: KnowledgeBase, v: BoundValue): ZoneVerdict | undefined {
  const b = v.element.binding;
  if (!b.setting || !(TIME_ZONE_SETTINGS as readonly string[]).includes(b.setting.key) || b.placeholder) return undefined;
  const padding = splitPadding(v.text);
  const core = padding.core;
  if (core === '') return undefined;
  // "<id>_dstoff" is the zone without daylight saving time: the id before the suffix is judged, and every id the
  // verdict proposes keeps the suffix.
  const dstOff = core.length > DST_OFF.length && core.slice(-DST_OFF.length).toLowerCase() === DST_OFF;
  const zone = dstOff ? core.slice(0, -DST_OFF.length) : core;
  const suffix = dstOff ? DST_OFF : '';
  const index = zoneIndex(kb);
  if (index.ids.has(zone)) return suffix && !core.endsWith(DST_OFF) ? { kind: 'wrongCase', id: zone + suffix, padding } : { kind: 'ok', padding };
  // Setup's lookup is not documented as case-insensitive: a case slip is value-case's warning.
  const sameCase = index.lower.get(zone.toLowerCase());
  if (sameCase) return { kind: 'wrongCase', id: sameCase + suffix, padding };
  const iana = windowsZoneForIana(zone);
  if (iana && index.ids.has(iana)) return { kind: 'iana', id: iana + suffix, padding };
  const shown = index.display.get(norm(zone)) ?? index.display.get(norm(zone.replace(OFFSET, '')));
  if (shown) return { kind: 'displayName', id: shown + suffix, padding };
  return { kind: 'unknown', padding, zone, suffix };
}
