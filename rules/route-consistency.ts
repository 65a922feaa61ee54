// route-consistency: a gateway outside the interface's subnets, two default routes with one metric, or a Prefix without length is likely a mistake.
import { defineRule } from '../src/engine/rule.js';
import type { Range } from '../src/types.js';
import { addressBits, addressKind, classfulPrefix, formatCidr, inSubnet, networkOf, parseAddress, parseCidr, type Address } from './_helpers/ip.js';
import { eachInterface, interfaceName, trimmed, written, TCPIP_FACTS, type TcpipInterface } from './_helpers/network.js';
import { alternatives } from './_helpers/seen.js';

/** An interface's static subnets of one family, or undefined when one of its lengths is unknown (IPv6 without one). */
function subnets(i: TcpipInterface, family: number): { base: Address; prefix: number }[] | undefined {
  const out: { base: Address; prefix: number }[] = [];
  for (const a of i.addresses) {
    if (a.parsed.kind !== 'ok' || a.parsed.address.family !== family) continue;
    const prefix = a.parsed.prefix ?? classfulPrefix(a.parsed.address);
    if (prefix === undefined) return undefined;
    out.push({ base: a.parsed.address, prefix });
  }
  return out;
}

/** DHCP may give the interface an address of this family (IPv4 DHCP is on unless DhcpEnabled says false). */
function dhcpMayAddress(i: TcpipInterface, family: number): boolean {
  const f = family === 4 ? i.dhcp4 : i.dhcp6;
  if (!f) return family === 4;
  return f.value !== false;
}

/** The length that leaves the address's trailing zero octets (IPv4) or groups (IPv6) to the host part: 10.60.0.0 → 16. */
function lengthOfZeros(a: Address): number {
  const unit = a.family === 4 ? 8 : 16;
  let n = addressBits(a.family);
  while (n > unit && (a.value >> BigInt(addressBits(a.family) - n)) % (1n << BigInt(unit)) === 0n) n -= unit;
  return n;
}

const isLinkLocal6 = (a: Address): boolean => a.family === 6 && a.value >> 118n === 0x3fan;

export default defineRule({
  meta: {
    id: 'route-consistency',
    summary: 'TCPIP routes reach their next hop through a subnet of the interface, give each default route its own metric, and write a prefix length',
    category: 'correctness',
    severity: 'warn',
    facts: TCPIP_FACTS,
    quietWithoutFacts: true,
    messages: {
      offLink: (d: { hop: string; iface: string; subnets: string }) =>
        `NextHopAddress ${d.hop} is outside the subnets of ${d.iface} (${d.subnets}), so the gateway is not on-link there; check the gateway or the prefix length of the interface's address`,
      defaultTwice: (d: { prefix: string; metric: string; iface: string; line: number }) =>
        `a second default route (${d.prefix}) with ${d.metric} on ${d.iface}, beside the one at line ${d.line}; neither is preferred, so keep one default gateway or give them different metrics`,
      noLength: (d: { value: string; example: string }) =>
        `Prefix ${d.value} has no prefix length, so it does not say which destinations the route covers; write the network and its length, e.g. ${d.example}`,
    },
  },
  create(ctx) {
    return eachInterface((i) => {
      const iface = (): string => interfaceName(i, ctx.quote, ctx.lineOf);
      const defaults = new Map<string, Range>();
      for (const r of i.routes) {
        const pw = written(r.prefix);
        // A length alone is the Prefix page's integer form, matched against NextHopAddress: nothing to compare.
        if (!pw || /^\s*\d+\s*$/.test(pw.text)) continue;
        const p = trimmed(pw);
        const c = parseCidr(p.text, { abbreviated: true });
        if (c.kind !== 'ok') continue;
        if (c.prefix === undefined) {
          ctx.report('noLength', p.range, { value: ctx.quote(p.text, p.range), example: formatCidr(c.address, lengthOfZeros(c.address)) });
          continue;
        }
        if (c.prefix === 0) {
          const m = written(r.metric);
          const metric = m ? `metric ${ctx.quote(m.text.trim(), m.range)}` : 'no metric';
          const key = `${c.address.family}\0${m ? m.text.trim() : ''}`;
          const first = defaults.get(key);
          // A default route on each side of a template conditional is one route in a rendered file.
          if (first && !alternatives(ctx, first, p.range)) {
            ctx.report('defaultTwice', p.range, { prefix: formatCidr(networkOf(c.address, 0), 0), metric, iface: iface(), line: ctx.lineOf(first.start) }, {
              related: [{ message: 'first default route', range: first }],
            });
          } else defaults.set(key, p.range);
        }
        const hw = written(r.nextHop);
        const hop = hw && parseAddress(hw.text);
        if (!hw || !hop || hop.family !== c.address.family || addressKind(hop) !== 'unicast' || isLinkLocal6(hop)) continue;
        const nets = subnets(i, hop.family);
        if (!nets || nets.length === 0 || dhcpMayAddress(i, hop.family)) continue;
        if (nets.some((n) => inSubnet(n.base, n.prefix, hop))) continue;
        const h = trimmed(hw);
        const list = nets.map((n) => formatCidr(networkOf(n.base, n.prefix), n.prefix)).join(', ');
        ctx.report('offLink', h.range, { hop: ctx.quote(h.text, h.range), iface: iface(), subnets: list });
      }
    });
  },
});
