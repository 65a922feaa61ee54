// join-policy: an organisation's allow-lists for the domain to join, the OU of the computer account and the join account.
import { defineRule } from '../src/engine/rule.js';
import type { Fact } from '../src/engine/model.js';
import { domainName, globMatcher, identifications, joinFacts, named, type Identification, type JoinPart } from './_helpers/join.js';

const PARTS: JoinPart[] = ['joinDomain', 'domain', 'username', 'machineObjectOU'];

interface Options {
  allowedDomains?: string[];
  allowedOUs?: string[];
  allowedJoinAccounts?: string[];
}

type Allowed = { list: string; test: (...texts: string[]) => boolean } | undefined;

/** A configured allow-list (an empty or missing list is no policy); every text is tried against every pattern. */
function allowList(patterns: readonly string[] | undefined, normalise = (p: string): string => p): Allowed {
  if (!patterns?.length) return undefined;
  const matchers = patterns.map((p) => globMatcher(normalise(p)));
  return { list: patterns.map((p) => JSON.stringify(p)).join(', '), test: (...texts) => texts.some((t) => matchers.some((m) => m(t))) };
}

/** The ways one join account can be written: user, DOMAIN\user and user@domain, from Username and Credentials/Domain. */
function accountForms(id: Identification): { shown: string; forms: string[] } | undefined {
  if (!named(id.username)) return undefined;
  const text = id.username.text!.trim();
  const slash = text.indexOf('\\');
  const at = text.lastIndexOf('@');
  let [user, qualifier] = slash >= 0 ? [text.slice(slash + 1), text.slice(0, slash)] : at >= 0 ? [text.slice(0, at), text.slice(at + 1)] : [text, ''];
  if (!qualifier && id.domain) {
    if (!named(id.domain)) return undefined;
    qualifier = id.domain.text!.trim();
  }
  const shown = slash >= 0 || at >= 0 || !qualifier ? text : `${qualifier}\\${user}`;
  return { shown, forms: qualifier ? [text, user, `${qualifier}\\${user}`, `${user}@${qualifier}`] : [text] };
}

const list = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };

export default defineRule<
  {
    domain: (d: { domain: string; allowed: string }) => string;
    ou: (d: { ou: string; allowed: string }) => string;
    noOu: (d: { domain: string; allowed: string }) => string;
    account: (d: { account: string; allowed: string }) => string;
  },
  Options
>({
  meta: {
    id: 'join-policy',
    summary: 'JoinDomain, MachineObjectOU and the join account are in the organisation’s allow-lists',
    category: 'policy',
    severity: 'warn',
    recommended: false,
    facts: joinFacts(...PARTS),
    quietWithoutFacts: true,
    messages: {
      domain: (d) => `<JoinDomain> ${d.domain} is not an allowed domain (${d.allowed}); join an allowed domain, or add this one to allowedDomains`,
      ou: (d) => `<MachineObjectOU> ${d.ou} is not an allowed OU (${d.allowed}); create the computer account in an allowed OU, or add this one to allowedOUs`,
      noOu: (d) =>
        `the join to ${d.domain} has no <MachineObjectOU>, so the computer account is created in the domain's default computers container, which is not an allowed OU (${d.allowed}); add MachineObjectOU`,
      account: (d) => `join account ${d.account} is not an allowed join account (${d.allowed}); use an allowed account, or add this one to allowedJoinAccounts`,
    },
    schema: {
      type: 'object',
      properties: {
        allowedDomains: { ...list, description: 'Domains JoinDomain may name (DNS or NetBIOS names; * and ? wildcards, case-insensitive)' },
        allowedOUs: { ...list, description: 'Distinguished names MachineObjectOU may hold, e.g. "OU=*,OU=Workstations,DC=corp,DC=contoso,DC=com" (* and ?, case-insensitive); a join without MachineObjectOU is reported' },
        allowedJoinAccounts: { ...list, description: 'Join accounts, matched against user, DOMAIN\\user and user@domain forms, e.g. "CORP\\svc-join*" (* and ?, case-insensitive)' },
      },
      additionalProperties: false,
    },
    defaultOptions: {},
  },
  create(ctx) {
    const domains = allowList(ctx.options.allowedDomains);
    // A DN is compared without the spaces around its separators, on both sides (AD tools write ", ").
    const compactDn = (dn: string): string => dn.trim().replace(/(?<!\\)\s*([,;])\s*/g, '$1');
    const ous = allowList(ctx.options.allowedOUs, compactDn);
    const accounts = allowList(ctx.options.allowedJoinAccounts);
    const quote = (f: Fact): string => ctx.quote(f.text!.trim(), f.valueRange!);

    const check = (id: Identification, join: Fact): void => {
      if (domains && !domains.test(join.text!.trim(), domainName(join.text!))) ctx.report('domain', join.valueRange!, { domain: quote(join), allowed: domains.list });
      const ou = id.machineObjectOU;
      if (ous && named(ou) && !ous.test(compactDn(ou.text!))) ctx.report('ou', ou.valueRange!, { ou: quote(ou), allowed: ous.list });
      else if (ous && !ou) ctx.report('noOu', join.range, { domain: quote(join), allowed: ous.list });
      const account = accounts && accountForms(id);
      if (accounts && account && !accounts.test(...account.forms)) {
        ctx.report('account', id.username!.valueRange!, { account: ctx.quote(account.shown, id.username!.valueRange!), allowed: accounts.list });
      }
    };
    return {
      onDocumentEnd(model) {
        if (!domains && !ous && !accounts) return;
        for (const id of identifications(model, PARTS)) if (named(id.joinDomain)) check(id, id.joinDomain);
      },
    };
  },
});
