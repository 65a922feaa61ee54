// join-ou: MachineObjectOU is the distinguished name of an OU in the domain being joined, or the join fails.
import { defineRule } from '../src/engine/rule.js';
import type { Fact } from '../src/engine/model.js';
import { parseDn } from './_helpers/join-dn.js';
import { domainName, identifications, isFqdn, joinFacts, named, type Identification, type JoinPart } from './_helpers/join.js';

const PARTS: JoinPart[] = ['joinDomain', 'domain', 'machineObjectOU'];

/** The DNS name the OU's domain must have, and the setting that names it; undefined when it cannot be known. */
function expectedDomain(id: Identification): { name: string; from: Fact } | undefined {
  if (!named(id.joinDomain)) return undefined;
  const join = domainName(id.joinDomain.text!);
  if (isFqdn(join)) return { name: join, from: id.joinDomain };
  // A NetBIOS JoinDomain: Credentials/Domain tells the DNS name only when it evidently is the same domain (the
  // account may come from a trusted domain).
  if (!named(id.domain)) return undefined;
  const account = domainName(id.domain.text!);
  return isFqdn(account) && account.split('.')[0] === join ? { name: account, from: id.domain } : undefined;
}

export default defineRule({
  meta: {
    id: 'join-ou',
    summary: 'MachineObjectOU is an LDAP distinguished name (OU=…,DC=…) whose DC= parts name the domain being joined',
    category: 'correctness',
    severity: 'error',
    facts: joinFacts(...PARTS),
    quietWithoutFacts: true,
    messages: {
      notDn: (d: { ou: string; reason: string }) =>
        `<MachineObjectOU> ${d.ou} is not an LDAP distinguished name: ${d.reason}; write the OU's full path, e.g. OU=Workstations,DC=corp,DC=contoso,DC=com`,
      noDc: (d: { ou: string }) =>
        `<MachineObjectOU> ${d.ou} has no DC= parts: the join needs the OU's full path down to the domain; append the domain's DC= parts, e.g. ,DC=corp,DC=contoso,DC=com`,
      dottedDc: (d: { part: string; split: string }) =>
        `${d.part} in <MachineObjectOU> names no domain: a domain's distinguished name has one DC= part per DNS label; write ${d.split}`,
      mismatch: (d: { dcs: string; joins: string; expected: string }) =>
        `<MachineObjectOU> is in the domain ${d.dcs}, but the computer joins ${d.joins}: the computer account is created in the domain being joined, where this OU does not exist; use ${d.expected}`,
    },
  },
  create(ctx) {
    const quote = (f: Fact): string => ctx.quote(f.text!.trim(), f.valueRange!);
    const check = (id: Identification, ou: Fact): void => {
      const text = ou.text!;
      const lead = text.length - text.trimStart().length;
      const dn = parseDn(text.trim());
      const quoted = ctx.quote(text.trim(), ou.valueRange!);
      if (!dn.ok) {
        ctx.report('notDn', ou.valueRange!, { ou: quoted, reason: dn.reason });
        return;
      }
      const dcs = dn.avas.filter((a) => a.type === 'DC');
      if (dcs.length === 0) {
        ctx.report('noDc', ou.valueRange!, { ou: quoted });
        return;
      }
      const dotted = dcs.find((a) => a.value.includes('.'));
      if (dotted) {
        const start = ou.valueRange!.start + lead + dotted.offset;
        const range = { start, end: start + `DC=${dotted.value}`.length };
        const split = dotted.value.split('.').map((l) => `DC=${l}`).join(',');
        ctx.report('dottedDc', range, { part: ctx.quote(`DC=${dotted.value}`, range), split });
        return;
      }
      const expected = expectedDomain(id);
      const inOu = dcs.map((a) => a.value.trim().toLowerCase()).join('.');
      if (!expected || inOu === expected.name) return;
      ctx.report(
        'mismatch',
        ou.valueRange!,
        {
          dcs: dcs.map((a) => `DC=${a.value}`).join(','),
          joins: `${quote(expected.from)} (${expected.from === id.joinDomain ? 'JoinDomain' : `the DNS name of JoinDomain ${quote(id.joinDomain!)}, from Credentials/Domain`} at line ${ctx.lineOf(expected.from.range.start)})`,
          expected: expected.name.split('.').map((l) => `DC=${l}`).join(','),
        },
        { related: [{ message: 'the domain being joined', range: expected.from.range }] },
      );
    };
    return {
      onDocumentEnd(model) {
        for (const id of identifications(model, PARTS)) if (named(id.machineObjectOU)) check(id, id.machineObjectOU);
      },
    };
  },
});
