// dns-server: a DNS-Client DNSServerSearchOrder entry must be the plain address of a server, or the client cannot query it.
import { defineRule } from '../src/engine/rule.js';
import { addressHint, addressKind, formatAddress, parseAddress, parseCidr, KIND_NAMES } from './_helpers/ip.js';
import { itemText, trimmed, written, DNS } from './_helpers/network.js';

export default defineRule({
  meta: {
    id: 'dns-server',
    summary: 'DNS-Client DNSServerSearchOrder entries are IPv4 or IPv6 addresses of servers, without a prefix length',
    category: 'correctness',
    severity: 'error',
    facts: [DNS.interface, DNS.identifier, DNS.server, DNS.serverValue],
    quietWithoutFacts: true,
    messages: {
      invalid: (d: { value: string; iface: string; hint: string }) => `DNS server ${d.value} of ${d.iface} is not an IPv4 or IPv6 address; ${d.hint}`,
      withPrefix: (d: { value: string; address: string }) =>
        `DNS server ${d.value} has a prefix length, but DNSServerSearchOrder takes an address alone; write ${d.address}`,
      several: (d: { value: string; count: number }) =>
        `DNS server entry ${d.value} holds ${d.count} addresses, but each IpAddress takes one; write each server in its own IpAddress with its own key`,
      notServer: (d: { value: string; kind: string }) =>
        `DNS server ${d.value} is ${d.kind}, which no DNS server can have; write the server's unicast address`,
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        for (const iface of model.all(DNS.interface)) {
          const id = written(model.child(iface, DNS.identifier));
          const name = id ? `interface ${ctx.quote(id.text.trim(), id.range)}` : `the interface at line ${ctx.lineOf(iface.range.start)}`;
          for (const item of model.within(iface, DNS.server)) {
            const w0 = itemText(model, item, DNS.serverValue);
            if (!w0) continue;
            const w = trimmed(w0);
            const value = ctx.quote(w.text, w.range);
            const address = parseAddress(w.text);
            if (!address) {
              const c = parseCidr(w.text);
              const parts = w.text.split(/[\s,;]+/);
              if (parts.length > 1 && parts.every((t) => parseAddress(t))) ctx.report('several', w.range, { value, count: parts.length });
              else if (c.kind !== 'badAddress' && w.text.includes('/')) ctx.report('withPrefix', w.range, { value, address: `"${formatAddress(c.address)}"` });
              else ctx.report('invalid', w.range, { value, iface: name, hint: addressHint(w.text, '', 'DNSServerSearchOrder takes server addresses, e.g. 192.168.1.1') });
              continue;
            }
            // Loopback is a server that runs DNS itself (a domain controller pointing at itself).
            const k = addressKind(address);
            const kind = k === 'unicast' || k === 'loopback' ? undefined : KIND_NAMES[k];
            if (kind) ctx.report('notServer', w.range, { value, kind });
          }
        }
      },
    };
  },
});
