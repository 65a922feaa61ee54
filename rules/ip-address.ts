// ip-address: a TCPIP static address that is no address, has a prefix length beyond its bits, or is no unicast address cannot be assigned.
import { defineRule } from '../src/engine/rule.js';
import { addressHint, addressKind, formatAddress, maskLength, KIND_NAMES } from './_helpers/ip.js';
import { eachInterface, interfaceName, trimmed, TCPIP_FACTS } from './_helpers/network.js';


export default defineRule({
  meta: {
    id: 'ip-address',
    summary: 'TCPIP UnicastIpAddresses values are IPv4 or IPv6 unicast addresses with an optional prefix length in range',
    category: 'correctness',
    severity: 'error',
    facts: TCPIP_FACTS,
    quietWithoutFacts: true,
    messages: {
      invalid: (d: { value: string; iface: string; hint: string }) =>
        `${d.value} is not an IPv4 or IPv6 address, so Setup cannot assign it to ${d.iface}; ${d.hint}`,
      badPrefix: (d: { value: string; prefix: string; hint: string }) =>
        `the prefix length ${d.prefix} of ${d.value} is not a number of bits; ${d.hint}`,
      prefixRange: (d: { value: string; prefix: number; family: number; max: number }) =>
        `the prefix length ${d.prefix} of ${d.value} is out of range: an IPv${d.family} address has ${d.max} bits; write a length from 0 to ${d.max}`,
      notUnicast: (d: { value: string; kind: string; iface: string }) =>
        `${d.value} is ${d.kind}, which ${d.iface} cannot hold as its own address; UnicastIpAddresses takes the interface's unicast addresses`,
    },
  },
  create(ctx) {
    return eachInterface((i) => {
      const iface = interfaceName(i, ctx.quote, ctx.lineOf);
      for (const a of i.addresses) {
        const w = trimmed(a.written);
        const value = ctx.quote(w.text, w.range);
        const p = a.parsed;
        if (p.kind === 'badAddress') ctx.report('invalid', w.range, { value, iface, hint: addressHint(p.address, w.text.slice(p.address.length), 'write the address with its prefix length, e.g. 192.168.1.10/24') });
        else if (p.kind === 'badPrefix') {
          const bits = maskLength(p.prefix);
          const example = `${formatAddress(p.address)}/${bits ?? (p.address.family === 4 ? 24 : 64)}`;
          const hint =
            bits !== undefined
              ? `write the subnet mask as its length: ${example}`
              : `write the length after "/" as a decimal number, e.g. ${example}`;
          ctx.report('badPrefix', w.range, { value, prefix: ctx.quote(p.prefix, w.range), hint });
        } else if (p.kind === 'prefixRange') {
          ctx.report('prefixRange', w.range, { value, prefix: p.prefix, family: p.address.family, max: p.max });
        } else {
          const kind = addressKind(p.address);
          if (kind !== 'unicast') ctx.report('notUnicast', w.range, { value, kind: KIND_NAMES[kind], iface });
        }
      }
    });
  },
});
