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
import type { SettingKey } from '../src/kb/setting-keys.js';
import { findPlaceholders } from './_helpers/placeholders.js';

const KINDS: readonly PasswordKind[] = [ADMINISTRATOR_PASSWORD, LOCAL_ACCOUNT_PASSWORD, OFFLINE_ADMINISTRATOR_PASSWORD, OFFLINE_LOCAL_ACCOUNT_PASSWORD];
/** Local accounts whose Password may lack a Value: Setup creates the account all the same, without a password. */
const ACCOUNT_KINDS: readonly PasswordKind[] = [LOCAL_ACCOUNT_PASSWORD, OFFLINE_LOCAL_ACCOUNT_PASSWORD];
const ACCOUNTS = ['Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount', 'Microsoft-Windows-Shell-Setup/OfflineUserAccounts/OfflineLocalAccounts/LocalAccount'] as const satisfies readonly SettingKey[];

export default defineRule({
  meta: {
    id: 'blank-password',
    summary: 'The administrator and local accounts do not get a blank password',
    category: 'security',
    severity: 'warn',
    securitySeverity: '7.0',
    facts: [...KINDS.flatMap((k) => [k.container, k.value, k.plainText]), ...ACCOUNTS],
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
        // Items that change or remove an account another file creates: a Password without a Value there sets nothing.
        const changed = new Set<number>();
        for (const key of ACCOUNTS) {
          for (const a of model.all(key)) {
            const action = a.action?.trim().toLowerCase();
            if (a.item && (action === 'modify' || action === 'remove')) changed.add(a.item.id);
          }
        }
        for (const p of storedPasswords(model, KINDS)) {
          const v = p.value;
          if (!v) {
            // The account is still created, with no password at all (local-account reports a missing <Password>).
            // A Password a template renders whole ({{ password_block }}) is template-placeholder's finding.
            const c = p.container;
            const templated = () => findPlaceholders(ctx.slice(c.elementRange.start, c.elementRange.end), 'value').length > 0;
            if (ACCOUNT_KINDS.includes(p.kind) && !(c.item && changed.has(c.item.id)) && !templated()) {
              ctx.report('blank', c.range, { what: p.kind.label, how: 'its <Password> has no <Value>', account: 'creates the account' });
            }
            continue;
          }
          if (!isBlankPassword(p)) continue;
          const how = p.form === 'hidden' && v.text?.trim() ? `its hidden <Value> holds only the suffix "${p.kind.suffix}"` : 'its <Value> is empty';
          const admin = p.kind === ADMINISTRATOR_PASSWORD || p.kind === OFFLINE_ADMINISTRATOR_PASSWORD;
          const what = p.kind.label;
          ctx.report('blank', v.range, { what, how, account: admin ? 'enables the built-in Administrator' : 'creates the account' });
        }
      },
    };
  },
});
