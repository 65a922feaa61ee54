// join-needs-dns: a domain join finds its domain controller through DNS, so a static interface needs DNS servers and fitting suffixes.
import { defineRule } from '../src/engine/rule.js';
import type { AnswerModel, Fact } from '../src/engine/model.js';
import type { SettingKey } from '../src/kb/setting-keys.js';
import type { Range } from '../src/types.js';
import { isTemplated } from './_helpers/placeholders.js';
import { domainName, given, isFqdn, JOIN_KEYS, named, relatedDomains } from './_helpers/join.js';
import { itemText, trimmed } from './_helpers/network.js';
import { sameScope } from './_helpers/facts.js';

const TCPIP_IFACE = 'Microsoft-Windows-TCPIP/Interfaces/Interface';
const TCPIP_ID = 'Microsoft-Windows-TCPIP/Interfaces/Interface/Identifier';
const DHCP = 'Microsoft-Windows-TCPIP/Interfaces/Interface/Ipv4Settings/DhcpEnabled';
const ADDRESS = 'Microsoft-Windows-TCPIP/Interfaces/Interface/UnicastIpAddresses/IpAddress';
const ADDRESS_VALUE = 'Microsoft-Windows-TCPIP/Interfaces/Interface/UnicastIpAddresses/IpAddress/Value';
const DNS_IFACE = 'Microsoft-Windows-DNS-Client/Interfaces/Interface';
const DNS_ID = 'Microsoft-Windows-DNS-Client/Interfaces/Interface/Identifier';
const DNS_SERVER = 'Microsoft-Windows-DNS-Client/Interfaces/Interface/DNSServerSearchOrder/IpAddress';
const DNS_DOMAIN = 'Microsoft-Windows-DNS-Client/DNSDomain';
const SUFFIX = 'Microsoft-Windows-DNS-Client/DNSSuffixSearchOrder/DomainName';
const SUFFIX_VALUE = 'Microsoft-Windows-DNS-Client/DNSSuffixSearchOrder/DomainName/Value';
const FACTS: readonly SettingKey[] = [JOIN_KEYS.joinDomain, JOIN_KEYS.accountData, TCPIP_IFACE, TCPIP_ID, DHCP, ADDRESS, ADDRESS_VALUE, DNS_IFACE, DNS_ID, DNS_SERVER, DNS_DOMAIN, SUFFIX, SUFFIX_VALUE];

/** An address Setup reads as IPv4: IPv6 ones have ":"; a template token (no leading digit) tells nothing. */
const ipv4 = (address: string | undefined): boolean => !!address && /^\d/.test(address) && !address.includes(':');

export default defineRule({
  meta: {
    id: 'join-needs-dns',
    summary: 'A domain join with static IPv4 has DNS servers on an interface, and its DNS suffixes agree with JoinDomain',
    category: 'correctness',
    severity: 'warn',
    facts: FACTS,
    quietWithoutFacts: true,
    messages: {
      noDnsServer: (d: { id: string; line: number; domain: string }) =>
        `interface ${d.id} has static IPv4 settings (line ${d.line}) and no interface has DNS-Client DNSServerSearchOrder, so the join to ${d.domain} cannot look up a domain controller; add a Microsoft-Windows-DNS-Client interface with this Identifier and the domain's DNS servers`,
      dnsDomain: (d: { suffix: string; domain: string; line: number }) =>
        `primary DNS suffix <DNSDomain> ${d.suffix} is unrelated to <JoinDomain> ${d.domain} at line ${d.line}: the computer registers and resolves names outside the domain it joins; use the domain's DNS name, or check the value`,
      searchList: (d: { suffix: string; domain: string; line: number }) =>
        `<DNSSuffixSearchOrder> (first entry ${d.suffix}) holds neither <JoinDomain> ${d.domain} at line ${d.line} nor a parent or child of it: a search list replaces the primary suffix, so short names in the joined domain are not found; add the domain's DNS name to the list`,
    },
  },
  create(ctx) {
    const quote = (f: Fact): string => ctx.quote(f.text!.trim(), f.valueRange!);

    /**
     * IPv4 without DHCP: DhcpEnabled false, or an IPv4 address in either form of IpAddress where DhcpEnabled is not
     * true (with DHCP on, as in Microsoft's example, the address is added and DHCP still gives the DNS servers).
     */
    const staticIpv4 = (model: AnswerModel, iface: Fact): Fact | undefined => {
      const dhcp = model.child(iface, DHCP);
      if (dhcp?.value === false) return dhcp;
      if (dhcp?.value === true) return undefined;
      return model.within(iface, ADDRESS).find((a) => ipv4(itemText(model, a, ADDRESS_VALUE)?.text.trim()));
    };

    const servers = (model: AnswerModel, join: Fact, iface: Fact): void => {
      const cause = staticIpv4(model, iface);
      if (!cause) return;
      const id = model.child(iface, TCPIP_ID);
      // One interface with DNS servers is enough: the join resolves the domain through the system's resolver, and a
      // storage or heartbeat network goes without DNS on purpose. A DNS interface that names no TCPIP interface is
      // interface-identifier's.
      if (model.all(DNS_IFACE).some((d) => sameScope(d, iface) && model.within(d, DNS_SERVER).length > 0)) return;
      // So is an interface with DHCP on, which gets its DNS servers from the DHCP server.
      if (model.all(TCPIP_IFACE).some((other) => sameScope(other, iface) && model.child(other, DHCP)?.value === true)) return;
      const at = id && given(id) ? id.valueRange! : iface.range;
      ctx.report('noDnsServer', at, {
        id: id && given(id) ? quote(id) : '(no Identifier)',
        line: ctx.lineOf(cause.range.start),
        domain: given(join) ? quote(join) : 'the domain',
      }, { related: [{ message: 'JoinDomain', range: join.range }] });
    };

    const suffixes = (model: AnswerModel, join: Fact): void => {
      const domain = domainName(join.text!);
      if (!isFqdn(domain)) return;
      const data = (f: Fact) => ({ suffix: quote(f), domain: quote(join), line: ctx.lineOf(join.range.start) });
      const related = { related: [{ message: 'JoinDomain', range: join.range }] };
      for (const f of model.all(DNS_DOMAIN)) {
        if (sameScope(f, join) && named(f) && !relatedDomains(domainName(f.text!), domain)) ctx.report('dnsDomain', f.valueRange!, data(f), related);
      }
      // A search list replaces the primary suffix for short names: one entry related to the domain is enough. Entries
      // are written <DomainName wcm:keyValue="1">name</DomainName> or with Key and Value children.
      const entries = model.all(SUFFIX).filter((f) => sameScope(f, join)).map((item) => {
        const w = itemText(model, item, SUFFIX_VALUE);
        return w && trimmed(w);
      });
      if (entries.length === 0 || !entries.every((e) => e && !isTemplated(e.text))) return;
      const list = entries as { text: string; range: Range }[];
      if (!list.some((e) => relatedDomains(domainName(e.text), domain))) {
        const first = list[0]!;
        ctx.report('searchList', first.range, { suffix: ctx.quote(first.text, first.range), domain: quote(join), line: ctx.lineOf(join.range.start) }, related);
      }
    };

    return {
      onDocumentEnd(model) {
        for (const join of model.all(JOIN_KEYS.joinDomain)) {
          if (!given(join)) continue;
          // An offline join (djoin /provision, then Provisioning AccountData) looks up no domain controller.
          const provisioned = model.all(JOIN_KEYS.accountData).some((f) => f.component === join.component && given(f));
          if (!provisioned) for (const iface of model.all(TCPIP_IFACE)) if (sameScope(iface, join)) servers(model, join, iface);
          if (named(join)) suffixes(model, join);
        }
      },
    };
  },
});
