// netbios-options: a policy that every interface the file configures sets NetBIOS over TCP/IP to one NetbiosOptions value (disabled by default).
import { defineRule } from '../src/engine/rule.js';
import type { Fact } from '../src/engine/model.js';
import { normalIdentifier, written, NETBT, TCPIP } from './_helpers/network.js';

interface Options {
  require: 0 | 1 | 2;
}

const MEANING: Record<number, string> = {
  0: '0 (the DHCP server\'s setting)',
  1: '1 (enabled)',
  2: '2 (disabled)',
};

/** NetBT is configured in specialize only (…-netbt-interfaces-interface-netbiosoptions): the interfaces of the installed system. */
const PASS = 'specialize';

export default defineRule({
  meta: {
    id: 'netbios-options',
    summary: 'Policy: every interface the file configures sets NetBT NetbiosOptions to the required value (2, NetBIOS disabled, by default)',
    category: 'policy',
    severity: 'warn',
    recommended: false,
    facts: [NETBT.interface, NETBT.identifier, NETBT.options, TCPIP.interface, TCPIP.identifier],
    quietWithoutFacts: true,
    messages: {
      mismatch: (d: { value: string; required: string }) =>
        `NetbiosOptions is ${d.value}, but the policy requires ${d.required} on every interface; write the required value`,
      missing: (d: { iface: string; required: string }) =>
        `${d.iface} sets no NetbiosOptions, so NetBIOS over TCP/IP follows the DHCP server (else stays enabled); the policy requires ${d.required}: add <NetbiosOptions>`,
      uncovered: (d: { iface: string; required: string }) =>
        `${d.iface} is configured by Microsoft-Windows-TCPIP in specialize, but no Microsoft-Windows-NetBT interface sets its NetbiosOptions; the policy requires ${d.required}: add a NetBT Interface with this Identifier`,
    },
    schema: {
      type: 'object',
      properties: {
        require: {
          enum: [0, 1, 2],
          description: 'The NetbiosOptions every interface must have: 0 use the DHCP server\'s setting, 1 enabled, 2 disabled (default)',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { require: 2 } as Options,
  },
  create(ctx) {
    const required = ctx.options.require ?? 2;
    const want = MEANING[required]!;
    const nameOf = (iface: Fact, id: Fact | undefined): string => {
      const w = written(id);
      return w ? `interface ${ctx.quote(w.text.trim(), w.range)}` : `the interface at line ${ctx.lineOf(iface.range.start)}`;
    };
    return {
      onDocumentEnd(model) {
        const covered = new Set<string>();
        for (const iface of model.all(NETBT.interface)) {
          const id = model.child(iface, NETBT.identifier);
          const idText = written(id)?.text;
          if (iface.pass === PASS && idText) covered.add(normalIdentifier(idText));
          const opt = model.child(iface, NETBT.options);
          if (!opt) {
            ctx.report('missing', iface.range, { iface: nameOf(iface, id), required: want });
            continue;
          }
          // Empty, templated and invalid values are empty-value's, template-placeholder's and value-type's.
          const w = written(opt);
          if (!w || opt.value === undefined || Number(opt.value) === required) continue;
          ctx.report('mismatch', w.range, { value: MEANING[Number(opt.value)]!, required: want });
        }
        for (const iface of model.all(TCPIP.interface)) {
          if (iface.pass !== PASS) continue;
          const id = model.child(iface, TCPIP.identifier);
          const w = written(id);
          // Without a usable Identifier there is nothing to match (empty-value and template-placeholder report it).
          if (!w || covered.has(normalIdentifier(w.text))) continue;
          ctx.report('uncovered', w.range, { iface: nameOf(iface, id), required: want });
        }
      },
    };
  },
});
