// time-zone: Setup looks TimeZone up by Windows id; a display, IANA or localised name leaves the default zone in place.
import { defineRule } from '../src/engine/rule.js';
import type { ReferenceEntry } from '../src/kb/types.js';
import { windowsZoneForIana } from './_helpers/iana-zones.js';
import { isTemplated } from './_helpers/placeholders.js';
import { settingKey, settingOf } from './_helpers/setting.js';
import { closest } from './_helpers/suggest.js';
import { describePadding, quote, replaceCore, splitPadding, trimValue } from './_helpers/value-text.js';

/** Settings whose value is a Windows time zone id (microsoft-windows-shell-setup-timezone). */
const TIME_ZONE_SETTINGS = new Set(['Microsoft-Windows-Shell-Setup/TimeZone']);

/** "(UTC+01:00) ", "UTC-800 ", "(GMT) " in front of a display name. */
const OFFSET = /^\(?\s*(?:UTC|GMT)\s*(?:[+\-\u2212]\s*\d{1,2}(?::?\d{2})?(?![\d:]))?\s*\)?\s*/i;
const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Display names, their text after the offset, and each city they list → id; ambiguous cities map to nothing. */
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

export default defineRule({
  meta: {
    id: 'time-zone',
    summary: 'TimeZone is a Windows time zone id (as tzutil /l lists), not a display, IANA or localised name',
    category: 'correctness',
    severity: 'error',
    fixable: true,
    messages: {
      displayName: (d: { value: string; id: string }) =>
        `time zone ${d.value} is a display name, not a Windows time zone id; write "${d.id}"`,
      iana: (d: { value: string; id: string }) =>
        `time zone ${d.value} is an IANA name, not a Windows time zone id; write "${d.id}" (CLDR's mapping)`,
      wrongCase: (d: { value: string; id: string }) =>
        `time zone ${d.value} differs from the Windows id "${d.id}" only in case; write "${d.id}"`,
      padded: (d: { padded: string; id: string }) => `time zone id "${d.id}" has ${d.padded}; remove it`,
      unknown: (d: { value: string; near?: string }) =>
        d.near
          ? `time zone ${d.value} is not a Windows time zone id; did you mean "${d.near}"?`
          : `time zone ${d.value} is not a Windows time zone id; use an id that tzutil /l lists, e.g. "W. Europe Standard Time" or "UTC"`,
    },
  },
  create(ctx) {
    let byDisplay: Map<string, string | null> | undefined;
    return {
      onValue(v) {
        const record = settingOf(ctx.kb, v.element);
        if (!record || !TIME_ZONE_SETTINGS.has(settingKey(record))) return;
        const p = splitPadding(v.text);
        if (p.core === '' || isTemplated(v.text)) return;
        const ids = ctx.kb.timeZones();
        const value = quote(p.core);
        if (ids.has(p.core)) {
          if (p.lead || p.trail) ctx.report('padded', v.range, { padded: describePadding(p), id: p.core }, { severity: 'warn', fix: trimValue(ctx.text, v) });
          return;
        }
        const fixTo = (id: string) => (p.lead || p.trail ? trimValue(ctx.text, v, id) : replaceCore(ctx.text, v, id));
        // Setup's lookup is not documented as case-insensitive: a case slip is a warning.
        const sameCase = [...ids].find((id) => id.toLowerCase() === p.core.toLowerCase());
        if (sameCase) {
          ctx.report('wrongCase', v.range, { value, id: sameCase }, { severity: 'warn', fix: fixTo(sameCase) });
          return;
        }
        const iana = windowsZoneForIana(p.core);
        if (iana && ids.has(iana)) {
          ctx.report('iana', v.range, { value, id: iana }, { fix: fixTo(iana) });
          return;
        }
        byDisplay ??= displayIndex(ctx.kb.timeZoneEntries());
        const shown = byDisplay.get(norm(p.core)) ?? byDisplay.get(norm(p.core.replace(OFFSET, '')));
        if (shown) {
          ctx.report('displayName', v.range, { value, id: shown }, { fix: fixTo(shown) });
          return;
        }
        ctx.report('unknown', v.range, { value, near: closest(p.core, [...ids]) });
      },
    };
  },
});
