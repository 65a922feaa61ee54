// password-encoding: a password with PlainText false must be base64 of UTF-16LE text ending with its setting's suffix.
import { defineRule } from '../src/engine/rule.js';
import { hiddenOf, PASSWORD_FACTS, storedPasswords } from './_helpers/passwords.js';

export default defineRule({
  meta: {
    id: 'password-encoding',
    summary: 'A password with PlainText false is base64 of UTF-16LE text that ends with its setting\'s suffix ("Password" or "AdministratorPassword")',
    category: 'correctness',
    severity: 'error',
    facts: PASSWORD_FACTS,
    quietWithoutFacts: true,
    messages: {
      base64: (d: { what: string; line: number }) =>
        `${d.what} is marked hidden (<PlainText> false at line ${d.line}) but its <Value> is not base64, so Setup fails to decode it ("Failed to decode password") and stops; write the password in clear text with PlainText true, or let Windows SIM hide it`,
      utf16: (d: { what: string; line: number }) =>
        `${d.what} is marked hidden (<PlainText> false at line ${d.line}) but its <Value> does not decode to UTF-16LE text, so Setup fails to decode it ("Failed to decode password") and stops; encode the password followed by its suffix as UTF-16LE before base64, as Windows SIM does`,
      suffix: (d: { what: string; suffix: string; line: number }) =>
        `${d.what} is marked hidden (<PlainText> false at line ${d.line}) but its <Value> does not end with the suffix "${d.suffix}" once decoded; Setup expects the suffix Windows SIM appends, and without it cannot decode the password ("Failed to decode password"): encode the password followed by "${d.suffix}" as UTF-16LE, then base64`,
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        for (const p of storedPasswords(model)) {
          const v = p.value;
          // Empty values are blank passwords (blank-password's); template tokens are filled in later.
          if (p.form !== 'hidden' || !v || v.placeholder || !v.text?.trim()) continue;
          const line = ctx.lineOf(p.plainText!.range.start);
          const what = p.kind.label;
          const d = hiddenOf(p);
          const related = { related: [{ message: 'PlainText false: Setup decodes the value', range: p.plainText!.range }] };
          if (!d.ok) ctx.report(d.problem, v.range, { what, line }, related);
          else if (!d.text.endsWith(p.kind.suffix)) ctx.report('suffix', v.range, { what, suffix: p.kind.suffix, line }, related);
        }
      },
    };
  },
});
