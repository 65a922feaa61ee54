// join-username: the join account is qualified exactly once, by Credentials/Domain or in Username (DOMAIN\user, UPN).
import { defineRule } from '../src/engine/rule.js';
import { credentialsUnused, given, identifications, joinFacts, named, type JoinPart } from './_helpers/join.js';

const PARTS: JoinPart[] = ['domain', 'username', 'unsecureJoin', 'accountData'];

export default defineRule({
  meta: {
    id: 'join-username',
    summary: 'Credentials/Username names its domain (UPN or domain-qualified) when Credentials/Domain is absent, and only then',
    category: 'correctness',
    severity: 'error',
    facts: joinFacts(...PARTS),
    quietWithoutFacts: true,
    messages: {
      unqualified: (d: { user: string }) =>
        `<Username> ${d.user} names no domain and <Credentials> has no <Domain>: without Domain the join account must be written DOMAIN\\user or user@dns.domain; add <Domain>, or qualify the Username`,
      qualifiedTwice: (d: { user: string; domain: string; line: number }) =>
        `<Username> ${d.user} is already qualified, and <Domain> ${d.domain} at line ${d.line} qualifies it again: with DOMAIN\\user or UPN form the Domain setting must be left out; remove <Domain>, or write the bare user name`,
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        for (const id of identifications(model, PARTS)) {
          const { username, domain } = id;
          if (!named(username) || credentialsUnused(id)) continue;
          const text = username.text!.trim();
          const user = ctx.quote(text, username.valueRange!);
          const qualified = /[\\@]/.test(text);
          // An empty Domain element is empty-value's finding: Domain is there, only not filled in.
          if (!qualified && !domain) ctx.report('unqualified', username.valueRange!, { user });
          else if (qualified && given(domain)) {
            ctx.report('qualifiedTwice', username.valueRange!, { user, domain: ctx.quote(domain.text!.trim(), domain.valueRange!), line: ctx.lineOf(domain.range.start) }, {
              related: [{ message: 'Credentials/Domain', range: domain.range }],
            });
          }
        }
      },
    };
  },
});
