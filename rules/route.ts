// route: a TCPIP route whose Prefix is no network, has host bits set, or whose NextHopAddress is no usable address cannot be added.
import { defineRule } from '../src/engine/rule.js';
import { addressHint, addressKind, formatCidr, hostBitsSet, maskLength, networkOf, KIND_NAMES, parseAddress, parseCidr } from './_helpers/ip.js';
import { eachInterface, interfaceName, trimmed, written, TCPIP_FACTS } from './_helpers/network.js';


export default defineRule({
  meta: {
    id: 'route',
    summary: 'TCPIP route Prefix values are networks with a length in range and no host bits, and NextHopAddress is a usable address of the same family',
    category: 'correctness',
    severity: 'error',
    facts: TCPIP_FACTS,
    quietWithoutFacts: true,
    messages: {
      invalidPrefix: (d: { value: string; hint: string }) =>
        `Prefix ${d.value} is not a route prefix; ${d.hint}`,
      prefixRange: (d: { value: string; prefix: number; family: number; max: number }) =>
        `the prefix length ${d.prefix} of Prefix ${d.value} is out of range: an IPv${d.family} address has ${d.max} bits; write a length from 0 to ${d.max}`,
      lengthRange: (d: { value: string; max: number; why: string }) =>
        `Prefix ${d.value}, a prefix length alone, is out of range${d.why}; write a length from 0 to ${d.max}, or the network and its length, e.g. 10.20.0.0/16`,
      hostBits: (d: { value: string; network: string }) =>
        `Prefix ${d.value} has bits set after its prefix length, which the Prefix page says must be zero; write the network, ${d.network}`,
      invalidNextHop: (d: { value: string; hint: string }) => `NextHopAddress ${d.value} is not an IPv4 or IPv6 address; ${d.hint}`,
      nextHopKind: (d: { value: string; kind: string }) =>
        `NextHopAddress ${d.value} is ${d.kind}, which cannot be a gateway; write the address of a router on the interface's subnet`,
      familyMismatch: (d: { hop: string; hopFamily: number; prefix: string; prefixFamily: number; iface: string }) =>
        `NextHopAddress ${d.hop} is IPv${d.hopFamily} but Prefix ${d.prefix} is IPv${d.prefixFamily}, so the route on ${d.iface} cannot be added; an IPv${d.prefixFamily} route needs an IPv${d.prefixFamily} next hop`,
    },
  },
  create(ctx) {
    return eachInterface((i) => {
      for (const r of i.routes) {
        const pw = written(r.prefix);
        const hw = written(r.nextHop);
        const p = pw && trimmed(pw);
        const h = hw && trimmed(hw);
        let prefixFamily: number | undefined;
        if (p && /^\d+$/.test(p.text)) {
          // The Prefix page's integer form: a length alone, matched against NextHopAddress.
          const hop = h && parseAddress(h.text);
          const max = hop?.family === 4 ? 32 : 128;
          if (Number(p.text) > max) {
            const why = hop?.family === 4 ? ' for the IPv4 NextHopAddress (32 bits)' : ' (an IPv6 address has 128 bits)';
            ctx.report('lengthRange', p.range, { value: ctx.quote(p.text, p.range), max, why });
          }
        } else if (p) {
          const value = ctx.quote(p.text, p.range);
          const c = parseCidr(p.text, { abbreviated: true });
          if (c.kind === 'badAddress') {
            ctx.report('invalidPrefix', p.range, { value, hint: 'write the destination network and its length, e.g. 0.0.0.0/0 for the default route or 10.20.0.0/16' });
          } else if (c.kind === 'badPrefix') {
            const bits = maskLength(c.prefix);
            const hint =
              bits !== undefined
                ? `write the subnet mask as its length, ${formatCidr(networkOf(c.address, bits), bits)}`
                : 'write the length after "/" as a decimal number, e.g. 10.20.0.0/16';
            ctx.report('invalidPrefix', p.range, { value, hint });
          } else if (c.kind === 'prefixRange') {
            ctx.report('prefixRange', p.range, { value, prefix: c.prefix, family: c.address.family, max: c.max });
          } else {
            prefixFamily = c.address.family;
            if (c.prefix !== undefined && hostBitsSet(c.address, c.prefix)) {
              ctx.report('hostBits', p.range, { value, network: formatCidr(networkOf(c.address, c.prefix), c.prefix) });
            }
          }
        }
        if (!h) continue;
        const hop = parseAddress(h.text);
        const value = ctx.quote(h.text, h.range);
        if (!hop) {
          ctx.report('invalidNextHop', h.range, { value, hint: addressHint(h.text, '', "write the gateway's address, e.g. 192.168.1.1 (without a prefix length)") });
          continue;
        }
        // The unspecified next hop is how an on-link route is written.
        const k = addressKind(hop);
        const kind = k === 'unicast' || k === 'unspecified' ? undefined : KIND_NAMES[k];
        if (kind) ctx.report('nextHopKind', h.range, { value, kind });
        else if (p && prefixFamily !== undefined && prefixFamily !== hop.family) {
          const iface = interfaceName(i, ctx.quote, ctx.lineOf);
          ctx.report('familyMismatch', h.range, { hop: value, hopFamily: hop.family, prefix: ctx.quote(p.text, p.range), prefixFamily, iface }, {
            related: [{ message: 'Prefix', range: p.range }],
          });
        }
      }
    });
  },
});
