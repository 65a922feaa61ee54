// interface-identifier: DNS-Client and NetBT settings apply to an interface by Identifier; one TCPIP does not configure is likely a typo.
import { defineRule } from '../src/engine/rule.js';
import { named, scopeOf } from './_helpers/facts.js';
import type { Fact } from '../src/engine/model.js';
import type { SettingKey } from '../src/kb/setting-keys.js';
import { normalIdentifier as normal } from './_helpers/network.js';
import { alternatives } from './_helpers/seen.js';

const TCPIP = 'Microsoft-Windows-TCPIP/Interfaces/Interface/Identifier';
const OTHERS: readonly { key: SettingKey; component: string }[] = [
  { key: 'Microsoft-Windows-DNS-Client/Interfaces/Interface/Identifier', component: 'Microsoft-Windows-DNS-Client' },
  { key: 'Microsoft-Windows-NetBT/Interfaces/Interface/Identifier', component: 'Microsoft-Windows-NetBT' },
];


export default defineRule({
  meta: {
    id: 'interface-identifier',
    summary: 'DNS-Client and NetBT interfaces name an Identifier that a TCPIP interface of the same pass configures, once',
    category: 'correctness',
    severity: 'warn',
    facts: [TCPIP, ...OTHERS.map((o) => o.key)],
    quietWithoutFacts: true,
    messages: {
      noMatch: (d: { component: string; id: string; known: string }) =>
        `interface ${d.id} of "${d.component}" matches no Microsoft-Windows-TCPIP interface in this pass (${d.known}); check the Identifier`,
      repeated: (d: { component: string; id: string; line: number }) =>
        `interface ${d.id} is configured again in another "${d.component}" block of this pass; Setup applies one of them, first defined at line ${d.line}`,
    },
  },
  create(ctx) {
    const quote = (f: Fact): string => ctx.quote(f.text!.trim(), f.valueRange!);
    /** Repeats of an Identifier across component blocks of one pass (repeats in one list are list-key-unique's). */
    const repeats = (facts: readonly Fact[], component: string): void => {
      const first = new Map<string, Fact>();
      for (const f of facts) {
        if (!named(f)) continue;
        // Blocks for other architectures are alternatives (mixed-architecture accepts such files).
        const key = `${scopeOf(f)}\0${normal(f.text!)}`;
        const seen = first.get(key);
        if (!seen) first.set(key, f);
        else if (seen.component !== f.component && !alternatives(ctx, seen.range, f.range)) {
          ctx.report('repeated', f.valueRange!, { component, id: quote(f), line: ctx.lineOf(seen.range.start) }, {
            related: [{ message: 'first Identifier', range: seen.valueRange! }],
          });
        }
      }
    };
    return {
      onDocumentEnd(model) {
        const tcpip = model.all(TCPIP).filter(named);
        repeats(model.all(TCPIP), 'Microsoft-Windows-TCPIP');
        for (const { key, component } of OTHERS) {
          const facts = model.all(key);
          repeats(facts, component);
          for (const f of facts) {
            const inPass = tcpip.filter((t) => t.pass === f.pass);
            // Without TCPIP interfaces in the pass, DNS or NetBIOS settings for a DHCP interface are normal.
            if (!named(f) || inPass.length === 0 || inPass.some((t) => normal(t.text!) === normal(f.text!))) continue;
            const known = inPass.map((t) => quote(t)).join(', ');
            ctx.report('noMatch', f.valueRange!, { component, id: quote(f), known: `it configures ${known}` });
          }
        }
      },
    };
  },
});
