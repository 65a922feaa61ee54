// What the network rules read of TCPIP, DNS-Client and NetBT: the settings' keys, the values of address list items,
// and each TCPIP interface with its addresses and routes, gathered from the answer model.
import type { AnswerModel, Fact } from '../../src/engine/model.js';
import type { Visitor } from '../../src/engine/rule.js';
import type { SettingKey } from '../../src/kb/setting-keys.js';
import type { Range } from '../../src/types.js';
import { parseCidr, type CidrResult } from './ip.js';

const T = 'Microsoft-Windows-TCPIP/Interfaces/Interface';
export const TCPIP = {
  interface: T,
  identifier: `${T}/Identifier`,
  dhcp4: `${T}/Ipv4Settings/DhcpEnabled`,
  dhcp6: `${T}/Ipv6Settings/DhcpEnabled`,
  address: `${T}/UnicastIpAddresses/IpAddress`,
  addressValue: `${T}/UnicastIpAddresses/IpAddress/Value`,
  route: `${T}/Routes/Route`,
  routeIdentifier: `${T}/Routes/Route/Identifier`,
  metric: `${T}/Routes/Route/Metric`,
  nextHop: `${T}/Routes/Route/NextHopAddress`,
  prefix: `${T}/Routes/Route/Prefix`,
} as const satisfies Record<string, SettingKey>;

const D = 'Microsoft-Windows-DNS-Client/Interfaces/Interface';
export const DNS = {
  interface: D,
  identifier: `${D}/Identifier`,
  server: `${D}/DNSServerSearchOrder/IpAddress`,
  serverValue: `${D}/DNSServerSearchOrder/IpAddress/Value`,
} as const satisfies Record<string, SettingKey>;

const N = 'Microsoft-Windows-NetBT/Interfaces/Interface';
export const NETBT = {
  interface: N,
  identifier: `${N}/Identifier`,
  options: `${N}/NetbiosOptions`,
} as const satisfies Record<string, SettingKey>;

/** A value as written, trimmed of nothing: a leaf's text, or the text a list item holds itself. */
export interface Written {
  readonly text: string;
  readonly range: Range;
}

/** A leaf's value when there is one to judge: empty values and template tokens are other rules' findings. */
export function written(f: Fact | undefined): Written | undefined {
  if (!f || f.placeholder || f.text === undefined || !f.valueRange || !f.text.trim()) return undefined;
  return { text: f.text, range: f.valueRange };
}

/**
 * The value a list item assigns: its own text (`<IpAddress wcm:keyValue="1">10.0.0.5/24</IpAddress>`), else its
 * `<Value>` child's; undefined when empty, templated, or the item has wcm:action="remove" (it assigns nothing).
 */
export function itemText(model: AnswerModel, item: Fact, valueKey: SettingKey): Written | undefined {
  if (item.action?.trim().toLowerCase() === 'remove') return undefined;
  return item.text !== undefined ? written(item) : written(model.child(item, valueKey));
}

export { scopeOf } from './facts.js';

export interface StaticAddress {
  readonly item: Fact;
  readonly written: Written;
  readonly parsed: CidrResult;
}

export interface TcpipRoute {
  readonly item: Fact;
  readonly metric: Fact | undefined;
  readonly nextHop: Fact | undefined;
  readonly prefix: Fact | undefined;
}

export interface TcpipInterface {
  readonly fact: Fact;
  readonly identifier: Fact | undefined;
  readonly dhcp4: Fact | undefined;
  readonly dhcp6: Fact | undefined;
  readonly addresses: readonly StaticAddress[];
  readonly routes: readonly TcpipRoute[];
}

/** Every setting `tcpipInterfaces` reads (for a rule's meta.facts). */
export const TCPIP_FACTS: readonly SettingKey[] = Object.values(TCPIP);

/** The TCPIP interfaces of the file, in document order, each with what it configures. */
export function tcpipInterfaces(model: AnswerModel): TcpipInterface[] {
  return model.all(TCPIP.interface).map((fact) => {
    const addresses: StaticAddress[] = [];
    for (const item of model.within(fact, TCPIP.address)) {
      const w = itemText(model, item, TCPIP.addressValue);
      if (w) addresses.push({ item, written: w, parsed: parseCidr(w.text) });
    }
    return {
      fact,
      identifier: model.child(fact, TCPIP.identifier),
      dhcp4: model.child(fact, TCPIP.dhcp4),
      dhcp6: model.child(fact, TCPIP.dhcp6),
      addresses,
      routes: model.within(fact, TCPIP.route).map((item) => ({
        item,
        metric: model.child(item, TCPIP.metric),
        nextHop: model.child(item, TCPIP.nextHop),
        prefix: model.child(item, TCPIP.prefix),
      })),
    };
  });
}

/** How a message names an interface: its Identifier, quoted, or its line when it has none. */
export function interfaceName(i: TcpipInterface, quote: (text: string, range: Range) => string, lineOf: (offset: number) => number): string {
  const w = written(i.identifier);
  return w ? `interface ${quote(w.text.trim(), w.range)}` : `the interface at line ${lineOf(i.fact.range.start)}`;
}

/** The written value without its surrounding spaces (value-whitespace reports those), for ranges and quotes. */
export function trimmed(w: Written): Written {
  const lead = w.text.length - w.text.trimStart().length;
  const text = w.text.trim();
  return { text, range: { start: w.range.start + lead, end: w.range.start + lead + text.length } };
}

/**
 * An interface Identifier as Windows matches it: an alias or a MAC address, without regard to case, a MAC address
 * written with "-" or ":" (…-tcpip-interfaces-interface-identifier).
 */
export const normalIdentifier = (id: string): string => {
  const t = id.trim().toLowerCase();
  return isMacAddress(t) ? t.replace(/:/g, '-') : t;
};

/** An Identifier written as a MAC address (00-15-5D-01-02-03 or 00:15:5d:01:02:03) rather than an alias. */
export const isMacAddress = (id: string): boolean => /^[0-9a-f]{2}([-:][0-9a-f]{2}){5}$/i.test(id.trim());

/** The hook of a rule about TCPIP interfaces: `each` is called for every interface at the end of the document. */
export function eachInterface(each: (i: TcpipInterface, model: AnswerModel) => void): Visitor {
  return {
    onDocumentEnd(model) {
      for (const i of tcpipInterfaces(model)) each(i, model);
    },
  };
}
