// domain-credential-exposure: UnattendedJoin Credentials hold a domain account's password in clear text, always.
import { defineRule } from '../src/engine/rule.js';
import { named } from './_helpers/facts.js';

const CREDENTIALS = 'Microsoft-Windows-UnattendedJoin/Identification/Credentials';
const PASSWORD = `${CREDENTIALS}/Password` as const;
const USERNAME = `${CREDENTIALS}/Username` as const;
const DOMAIN = `${CREDENTIALS}/Domain` as const;

export default defineRule({
  meta: {
    id: 'domain-credential-exposure',
    summary: 'UnattendedJoin Credentials keep a domain account\'s password in clear text: prefer offline domain join or a least-privilege join account',
    category: 'security',
    severity: 'warn',
    securitySeverity: '6.0',
    facts: [CREDENTIALS, PASSWORD, USERNAME, DOMAIN],
    quietWithoutFacts: true,
    schema: {
      type: 'object',
      properties: { allowedAccounts: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } },
      additionalProperties: false,
    },
    defaultOptions: { allowedAccounts: [] as string[] },
    messages: {
      exposed: (d: { account: string }) =>
        `the domain join password of ${d.account} is stored in clear text: Credentials cannot be hidden (PlainText only exists for local account passwords), ` +
        `so anyone who can read this file, or the copy Setup caches, can use the account; join offline instead (djoin /provision, then ` +
        `<Provisioning>/<AccountData>), or use an account that may only join computers to one OU, and list it in this rule's "allowedAccounts" option`,
    },
  },
  create(ctx) {
    const allowed = new Set(ctx.options.allowedAccounts.map((a) => a.trim().toLowerCase()));
    return {
      onDocumentEnd(model) {
        for (const credentials of model.all(CREDENTIALS)) {
          const password = model.child(credentials, PASSWORD);
          // Empty passwords are empty-value's; a template token is filled in later.
          if (!named(password)) continue;
          const username = model.child(credentials, USERNAME);
          const domain = model.child(credentials, DOMAIN);
          const user = named(username) ? username.text!.trim() : '';
          const dom = named(domain) ? domain.text!.trim() : '';
          const names = [user, dom && user ? `${dom}\\${user}` : '', user.includes('@') ? user : ''].filter(Boolean).map((n) => n.toLowerCase());
          if (names.some((n) => allowed.has(n))) continue;
          const account = user ? ctx.quote(user, username!.valueRange!) : 'the join account';
          ctx.report('exposed', password.range, { account });
        }
      },
    };
  },
});
