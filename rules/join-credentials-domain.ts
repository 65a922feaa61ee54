// join-credentials-domain: the join account's domain is JoinDomain, a parent or child of it, or evidently the same domain.
import { defineRule } from '../src/engine/rule.js';
import type { Fact } from '../src/engine/model.js';
import { credentialsUnused, domainName, identifications, isFqdn, joinFacts, named, relatedDomains, type JoinPart } from './_helpers/join.js';

const PARTS: JoinPart[] = ['joinDomain', 'domain', 'username', 'unsecureJoin', 'accountData'];

/**
 * Second-level labels under which country-code domains register names (contoso.co.uk, fabrikam.com.au): there the
 * registered name is the third label from the end.
 */
const SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'gov', 'govt', 'gv', 'ltd', 'mil', 'ne', 'net', 'nhs', 'or', 'org', 'plc', 'sch']);

/**
 * The registered name: domains of one organisation's tree (corp.contoso.com, lab.contoso.com) share it. Its last two
 * labels, or three under a country code's second level (corp.contoso.co.uk and lab.contoso.co.uk, not fabrikam.co.uk).
 */
function root(fqdn: string): string {
  const labels = fqdn.split('.');
  const n = labels.length >= 3 && labels[labels.length - 1]!.length === 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-n).join('.');
}

/**
 * Whether an account domain can be the joined domain or one Setup reaches through the usual trusts: DNS names that are
 * parent, child or siblings under one root; a NetBIOS name that is (or begins with, or begins) a label of the DNS
 * name, since NetBIOS names are chosen freely when a domain is created. Two NetBIOS names may be two trusted domains.
 */
function plausible(account: string, join: string): boolean {
  if (isFqdn(account) && isFqdn(join)) return relatedDomains(account, join) || root(account) === root(join);
  if (isFqdn(account) === isFqdn(join)) return true;
  const [netbios, fqdn] = isFqdn(account) ? [join, account] : [account, join];
  return fqdn.split('.').some((label) => label.startsWith(netbios) || netbios.startsWith(label));
}

export default defineRule({
  meta: {
    id: 'join-credentials-domain',
    summary: 'The join account’s domain (Credentials/Domain, or the domain part of Username) is related to JoinDomain',
    category: 'correctness',
    severity: 'warn',
    facts: joinFacts(...PARTS),
    quietWithoutFacts: true,
    messages: {
      unrelated: (d: { account: string; what: string; domain: string; line: number }) =>
        `the join account's domain ${d.account} (${d.what}) is unrelated to <JoinDomain> ${d.domain} at line ${d.line}: Setup authenticates the account against that domain; use an account of the domain being joined or of a domain it trusts`,
    },
  },
  create(ctx) {
    const check = (join: Fact, from: Fact, text: string, what: string): void => {
      const account = domainName(text);
      if (!account || plausible(account, domainName(join.text!))) return;
      ctx.report('unrelated', from.valueRange!, {
        account: ctx.quote(text.trim(), from.valueRange!),
        what,
        domain: ctx.quote(join.text!.trim(), join.valueRange!),
        line: ctx.lineOf(join.range.start),
      }, { related: [{ message: 'JoinDomain', range: join.range }] });
    };
    return {
      onDocumentEnd(model) {
        for (const id of identifications(model, PARTS)) {
          if (!named(id.joinDomain) || credentialsUnused(id)) continue;
          if (named(id.domain)) check(id.joinDomain, id.domain, id.domain.text!, 'Credentials/Domain');
          // A UPN suffix may be an alternative suffix of any domain in the forest: only DOMAIN\user says which domain.
          else if (!id.domain && named(id.username) && id.username.text!.includes('\\')) {
            check(id.joinDomain, id.username, id.username.text!.trim().split('\\')[0]!, 'the DOMAIN\\ of Username');
          }
        }
      },
    };
  },
});
