// blank-password: an empty administrator or local account password.
import { defineRule } from '../src/engine/rule.js';
import {
  ADMINISTRATOR_PASSWORD,
  LOCAL_ACCOUNT_PASSWORD,
  OFFLINE_ADMINISTRATOR_PASSWORD,
  OFFLINE_LOCAL_ACCOUNT_PASSWORD,
  isBlankPassword,
  storedPasswords,
  type PasswordKind,
} from './_helpers/passwords.js';

const KINDS: readonly PasswordKind[] = [ADMINISTRATOR_PASSWORD, LOCAL_ACCOUNT_PASSWORD, OFFLINE_ADMINISTRATOR_PASSWORD, OFFLINE_LOCAL_ACCOUNT_PASSWORD];

export default defineRule({
  meta: {
    id: 'blank-password',
    summary: 'The administrator and local accounts do not get a blank password',
    category: 'security',
    severity: 'warn',
    securitySeverity: '7.0',
    facts: KINDS.flatMap((k) => [k.container, k.value, k.plainText]),
    quietWithoutFacts: true,
    messages: {
      blank: (d: { what: string; how: string; account: string }) =>
        `${d.what} is blank (${d.how}): Setup ${d.account} with an empty password, which anyone at the console or on the network can use; ` +
        `set a password, or leave the account out`,
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        for (const p of storedPasswords(model, KINDS)) {
          const v = p.value;
          if (!v || !isBlankPassword(p)) continue;
          const how = p.form === 'hidden' && v.text?.trim() ? `its hidden <Value> holds only the suffix "${p.kind.suffix}"` : 'its <Value> is empty';
          const admin = p.kind === ADMINISTRATOR_PASSWORD || p.kind === OFFLINE_ADMINISTRATOR_PASSWORD;
          const what = p.kind.label;
          ctx.report('blank', v.range, { what, how, account: admin ? 'enables the built-in Administrator' : 'creates the account' });
        }
      },
    };
  },
});
