// plaintext-password: a password stored in clear text (PlainText true, or absent: true is the default).
import { defineRule } from '../src/engine/rule.js';
import { PASSWORD_FACTS, storedPasswords } from './_helpers/passwords.js';

export default defineRule({
  meta: {
    id: 'plaintext-password',
    summary: 'Passwords are not stored in clear text (PlainText true, or PlainText absent: true is the default)',
    category: 'security',
    severity: 'warn',
    securitySeverity: '5.0',
    facts: PASSWORD_FACTS,
    messages: {
      plain: (d: { what: string; how: string }) =>
        `${d.what} is stored in clear text (${d.how}): anyone who can read this file, or the copy Setup caches on the installed system, can read it; ` +
        `Windows SIM's "Hide sensitive data" (PlainText false) only base64-encodes it, which anyone can decode, so the real protection is ` +
        `keeping the file where others cannot read it and changing the password after deployment`,
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
      },
    };
  },
});
