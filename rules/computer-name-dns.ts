// computer-name-dns: names Windows accepts but DNS host names do not (hyphen at an end, "_", multi-byte overflow).
import { defineRule } from '../src/engine/rule.js';
import { NAME_SETTINGS, list, nameProblems } from './_helpers/computer-names.js';

export default defineRule({
  meta: {
    id: 'computer-name-dns',
    summary: 'Computer names are valid DNS host names: no hyphen at either end, no "_", within 15 bytes in UTF-8',
    category: 'correctness',
    severity: 'warn',
    settings: NAME_SETTINGS,
    messages: {
      notDns: (d: { value: string; problems: string }) =>
        `computer name ${d.value} ${d.problems}; Windows accepts it, but DNS host names do not, so name resolution may fail (use letters, digits and inner hyphens)`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const p = nameProblems(v);
        // A name Windows rejects is computer-name's finding; its DNS problems would only add noise.
        if (!p || p.invalid.length > 0 || p.dns.length === 0) return;
        ctx.report('notDns', v.range, { value: ctx.quote(p.name, v.range), problems: list(p.dns) });
      },
    };
  },
});
