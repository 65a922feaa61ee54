// locale-unlisted: well-formed language tags, language ids and keyboard ids that the lists Windows ships do not have.
import { defineRule } from '../src/engine/rule.js';
import { LOCALE_SETTINGS, localeFindings } from './_helpers/locales.js';

export default defineRule({
  meta: {
    id: 'locale-unlisted',
    summary: 'Language tags, language ids and keyboard layouts are ones Windows lists (the lists may lag new releases)',
    category: 'correctness',
    severity: 'warn',
    settings: LOCALE_SETTINGS,
    messages: {
      unlisted: (d: { value: string; name: string; near?: string }) =>
        `language tag ${d.value} in <${d.name}> is not a locale Windows lists; ${d.near ? `did you mean "${d.near}"?` : 'check the spelling'}`,
      unlistedLanguage: (d: { value: string; id: string }) =>
        `input locale ${d.value} names language id "${d.id}", which no locale Windows lists has; check it`,
      bareKeyboard: (d: { value: string; pair?: string }) =>
        `input locale ${d.value} is a keyboard layout without its language id, a form the reference does not document; write ${d.pair ? `"${d.pair}"` : 'language id:keyboard id'}`,
      unlistedKeyboard: (d: { value: string; id: string }) =>
        `input locale ${d.value} names keyboard layout "${d.id}", which Windows does not list; check it (HKLM\\SYSTEM\\CurrentControlSet\\Control\\Keyboard Layouts)`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        for (const f of localeFindings(ctx.kb, ctx, v)) {
          if (!f.unlisted) continue;
          ctx.report(f.messageId as 'unlisted', f.range, { ...f.data, value: ctx.quote(f.text, f.range) } as never);
        }
      },
    };
  },
});
