// join-credentials: a domain join authenticates with Credentials, unless it is an unsecure or provisioned join.
import { defineRule } from '../src/engine/rule.js';
import type { Fact } from '../src/engine/model.js';
import { given, identifications, joinFacts, type Identification, type JoinPart } from './_helpers/join.js';

const PARTS: JoinPart[] = ['joinDomain', 'credentials', 'domain', 'username', 'password', 'unsecureJoin', 'accountData'];
export default defineRule({
  meta: {
    id: 'join-credentials',
    summary: 'A domain join has Credentials (Username and Password) unless UnsecureJoin is true or Provisioning holds AccountData',
    category: 'correctness',
    severity: 'error',
    facts: joinFacts(...PARTS),
    quietWithoutFacts: true,
    messages: {
      noCredentials: (d: { domain: string }) =>
        `<JoinDomain> ${d.domain} has no <Credentials>, so Setup has no account to join the domain with; add Credentials with the join account's Username and Password (and Domain), or set <UnsecureJoin> to true for a pre-created computer account`,
      incomplete: (d: { missing: string; line: number }) =>
        `<Credentials> has no ${d.missing}: Setup needs the join account's Username and Password to authenticate the domain join at line ${d.line}; add ${d.missing}`,
    },
  },
  create(ctx) {
    const check = (id: Identification, join: Fact): void => {
      const unsecure = id.unsecureJoin;
      const credentials = id.credentials;
      // An unsecure join takes no account (Credentials beside it are join-credentials-ignored's warning).
      if (unsecure?.value === true) return;
      // A templated or misspelt UnsecureJoin may be true once rendered (value-type reports a misspelling); a
      // provisioned join needs no account (microsoft-windows-unattendedjoin-identification-provisioning).
      if ((unsecure && unsecure.value !== false && given(unsecure)) || given(id.accountData)) return;
      if (!credentials && !id.username && !id.password && !id.domain) {
        ctx.report('noCredentials', join.range, { domain: ctx.quote(join.text!.trim(), join.valueRange!) });
        return;
      }
      // An empty Username or Password is empty-value's finding; a missing Domain with a bare Username is join-username's.
      const missing = [id.username ? '' : '<Username>', id.password ? '' : '<Password>'].filter(Boolean);
      if (missing.length === 0) return;
      const at = credentials ?? id.domain ?? id.username ?? id.password!;
      ctx.report('incomplete', at.range, { missing: missing.join(' and '), line: ctx.lineOf(join.range.start) }, {
        related: [{ message: 'JoinDomain', range: join.range }],
      });
    };
    return {
      onDocumentEnd(model) {
        for (const id of identifications(model, PARTS)) if (given(id.joinDomain)) check(id, id.joinDomain);
      },
    };
  },
});
