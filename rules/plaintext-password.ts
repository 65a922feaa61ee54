// plaintext-password: a password stored in clear text (PlainText true, or absent: true is the default).
import { defineRule } from '../src/engine/rule.js';
import type { SettingKey } from '../src/kb/setting-keys.js';
import { named } from './_helpers/facts.js';
import { PASSWORD_FACTS, storedPasswords } from './_helpers/passwords.js';

/**
 * Network credentials Setup uses to reach a share or run a command as a user: no PlainText option, so always clear
 * text (the domain join's Credentials are domain-credential-exposure's).
 */
const CREDENTIALS: readonly SettingKey[] = [
  'Microsoft-Windows-Setup/RunSynchronous/RunSynchronousCommand/Credentials/Password',
  'Microsoft-Windows-Setup/RunAsynchronous/RunAsynchronousCommand/Credentials/Password',
  'Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand/Credentials/Password',
  'Microsoft-Windows-Deployment/RunAsynchronous/RunAsynchronousCommand/Credentials/Password',
  'Microsoft-Windows-PnpCustomizationsWinPE/DriverPaths/PathAndCredentials/Credentials/Password',
  'Microsoft-Windows-PnpCustomizationsNonWinPE/DriverPaths/PathAndCredentials/Credentials/Password',
  'Microsoft-Windows-Setup/ImageInstall/OSImage/InstallFrom/Credentials/Password',
  'Microsoft-Windows-Setup/ImageInstall/DataImage/InstallFrom/Credentials/Password',
  'Microsoft-Windows-Setup/WindowsDeploymentServices/Login/Credentials/Password',
];

export default defineRule({
  meta: {
    id: 'plaintext-password',
    summary: 'Passwords are not stored in clear text (PlainText true, or PlainText absent: true is the default)',
    category: 'security',
    severity: 'warn',
    securitySeverity: '5.0',
    facts: [...PASSWORD_FACTS, ...CREDENTIALS],
    quietWithoutFacts: true,
    messages: {
      plain: (d: { what: string; how: string }) =>
        `${d.what} is stored in clear text (${d.how}): anyone who can read this file, or the copy Setup caches on the installed system, can read it; ` +
        `Windows SIM's "Hide sensitive data" (PlainText false) only base64-encodes it, which anyone can decode, so the real protection is ` +
        `keeping the file where others cannot read it and changing the password after deployment`,
      credentials: (d: { where: string }) =>
        `the <Credentials> password of ${d.where} is stored in clear text and cannot be hidden (only local account passwords have PlainText): ` +
        `anyone who can read this file, or the copy Setup caches, can use that account; use an account with access to nothing but what Setup needs here, ` +
        `keep the file where others cannot read it, and change the password after deployment`,
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        for (const p of storedPasswords(model)) {
          const v = p.value;
          // Empty passwords are blank-password's; a template token is filled in later, in whatever form the template writes.
          if (p.form !== 'plain' || !v || v.placeholder || !v.text) continue;
          const how = p.plainText ? `<PlainText> is true` : `it has no <PlainText>, and the default is true`;
          const what = p.kind.label;
          ctx.report('plain', p.plainText?.range ?? v.range, { what, how });
        }
        for (const key of CREDENTIALS) {
          for (const f of model.all(key)) {
            if (!named(f)) continue;
            const parts = key.split('/');
            const where = `${parts[0]} ${parts.slice(1, -2).join('/')}`;
            ctx.report('credentials', f.range, { where });
          }
        }
      },
    };
  },
});
