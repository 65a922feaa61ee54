// static-ip-consistency: a static address without prefix length, given twice, or left beside DHCP is likely not what was meant.
import { defineRule } from '../src/engine/rule.js';
import type { Fact } from '../src/engine/model.js';
import { classfulPrefix, formatAddress, formatCidr, maskOf, type Address } from './_helpers/ip.js';
import { eachInterface, interfaceName, scopeOf, trimmed, written, TCPIP_FACTS, type StaticAddress } from './_helpers/network.js';
import { createSeen } from './_helpers/seen.js';

const dotted = (prefix: number): string => formatAddress({ family: 4, value: maskOf(4, prefix) });

export default defineRule({
  meta: {
    id: 'static-ip-consistency',
    summary: 'TCPIP static addresses carry their prefix length, are assigned once per pass, and are not left beside an enabled DHCP',
    category: 'correctness',
    severity: 'warn',
    facts: TCPIP_FACTS,
    quietWithoutFacts: true,
    messages: {
      classful: (d: { value: string; cls: string; prefix: number; mask: string; example: string }) =>
        `${d.value} has no prefix length, so Windows gives it the class ${d.cls} default /${d.prefix} (${d.mask}); write the subnet's length, e.g. ${d.example}`,
      noPrefix6: (d: { value: string; example: string }) =>
        `${d.value} has no prefix length, and the reference documents a default only for IPv4 classes; write the length, e.g. ${d.example}`,
      repeated: (d: { value: string; where: string; line: number }) =>
        `the address ${d.value} is assigned twice in this pass: ${d.where} already has it at line ${d.line}; give each interface its own addresses, each once`,
      dhcpOn: (d: { family: number; iface: string; value: string; line: number }) =>
        `DHCP is enabled for IPv${d.family} on ${d.iface}, which also has the static address ${d.value} (line ${d.line}); set Ipv${d.family}Settings/DhcpEnabled to false for a static configuration`,
      dhcpDefault: (d: { iface: string; value: string }) =>
        `${d.iface} has the static address ${d.value} but no Ipv4Settings/DhcpEnabled, which defaults to true, so DHCP stays enabled; add <Ipv4Settings><DhcpEnabled>false</DhcpEnabled></Ipv4Settings>`,
    },
  },
  create(ctx) {
    const seen = createSeen<string>(ctx);
    const quoteOf = (a: StaticAddress): string => {
      const w = trimmed(a.written);
      return ctx.quote(w.text, w.range);
    };
    const addressOf = (a: StaticAddress): Address | undefined => (a.parsed.kind === 'ok' ? a.parsed.address : undefined);

    const owner = new Map<number, { fact: Fact; name: string }>();
    return eachInterface((i) => {
      const iface = interfaceName(i, ctx.quote, ctx.lineOf);
      for (const a of i.addresses) {
        if (a.parsed.kind !== 'ok') continue;
        const { address, prefix } = a.parsed;
        const range = trimmed(a.written).range;
        const value = quoteOf(a);
        if (prefix === undefined) {
          const n = classfulPrefix(address);
          if (address.family === 6) ctx.report('noPrefix6', range, { value, example: `"${formatCidr(address, 64)}"` });
          else if (n !== undefined) {
            ctx.report('classful', range, { value, cls: n === 8 ? 'A' : n === 16 ? 'B' : 'C', prefix: n, mask: dotted(n), example: `"${formatCidr(address, 24)}"` });
          }
        }
        // The same address twice in a pass, on two interfaces or in one list (under another key).
        const first = seen.repeatOf(scopeOf(a.item), `${address.family}:${address.value}`, range);
        owner.set(range.start, { fact: i.fact, name: iface });
        if (first) {
          const other = owner.get(first.start);
          const where = !other ? 'an interface' : other.fact === i.fact ? 'this interface' : other.name;
          ctx.report('repeated', range, { value, where, line: ctx.lineOf(first.start) }, { related: [{ message: 'first assigned here', range: first }] });
        }
      }
      // DHCP beside static addresses, per protocol.
      for (const family of [4, 6] as const) {
        const statics = i.addresses.filter((a) => addressOf(a)?.family === family);
        const dhcp = family === 4 ? i.dhcp4 : i.dhcp6;
        const first = statics[0];
        if (!first) continue;
        const value = quoteOf(first);
        const w = written(dhcp);
        if (w && dhcp!.value === true) {
          const line = ctx.lineOf(first.item.range.start);
          ctx.report('dhcpOn', trimmed(w).range, { family, iface, value, line }, { related: [{ message: 'static address', range: trimmed(first.written).range }] });
        } else if (family === 4 && !dhcp) {
          ctx.report('dhcpDefault', trimmed(first.written).range, { iface, value });
        }
      }
    });
  },
});
