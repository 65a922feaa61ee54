// time-zone: Setup looks TimeZone up by Windows id; a display, IANA or localised name leaves the default zone in place.
import { defineRule } from '../src/engine/rule.js';
import type { BoundValue } from '../src/binder/bind.js';
import { TIME_ZONE_SETTINGS, timeZoneVerdict, zoneIndex } from './_helpers/time-zones.js';
import { closest } from './_helpers/suggest.js';
import { replaceCore, trimValue } from './_helpers/value-text.js';

export default defineRule({
  meta: {
    id: 'time-zone',
    summary: 'TimeZone is a Windows time zone id (as tzutil /l lists), not a display, IANA or localised name',
    category: 'correctness',
    severity: 'error',
    fixable: true,
    settings: TIME_ZONE_SETTINGS,
    messages: {
      displayName: (d: { value: string; id: string }) =>
        `time zone ${d.value} is a display name, not a Windows time zone id; write "${d.id}"`,
      iana: (d: { value: string; id: string }) =>
        `time zone ${d.value} is an IANA name, not a Windows time zone id; write "${d.id}" (CLDR's mapping)`,
      unknown: (d: { value: string; near?: string }) =>
        d.near
          ? `time zone ${d.value} is not a Windows time zone id; did you mean "${d.near}"?`
          : `time zone ${d.value} is not a Windows time zone id; use an id that tzutil /l lists, e.g. "W. Europe Standard Time" or "UTC"`,
    },
  },
  create(ctx) {
    const fixTo = (v: BoundValue, lead: string, trail: string, id: string) => (lead || trail ? trimValue(ctx, v, id) : replaceCore(ctx, v, id));
    return {
      onValue(v) {
        const verdict = timeZoneVerdict(ctx.kb, v);
        if (!verdict) return;
        const { padding } = verdict;
        const value = ctx.quote(padding.core, v.range);
        switch (verdict.kind) {
          case 'iana':
          case 'displayName': {
            const fix = fixTo(v, padding.lead, padding.trail, verdict.id);
            ctx.report(verdict.kind, v.range, { value, id: verdict.id }, fix ? { fix } : {});
            break;
          }
          case 'unknown': {
            const near = closest(verdict.zone, zoneIndex(ctx.kb).idList);
            ctx.report('unknown', v.range, { value, near: near && near + verdict.suffix });
            break;
          }
          default:
          // ok and case slips (value-case) and whitespace (value-whitespace) are other rules' findings.
        }
      },
    };
  },
});
