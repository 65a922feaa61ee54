// locale: International-Core language settings take language tags, and InputLocale a list of tags or id pairs.
import { defineRule } from '../src/engine/rule.js';
import { LOCALE_SETTINGS, localeFindings } from './_helpers/locales.js';

export default defineRule({
  meta: {
    id: 'locale',
    summary: 'Language settings hold language tags; InputLocale is a ;-list of tags or language:keyboard id pairs',
    category: 'correctness',
    severity: 'error',
    fixable: true,
    settings: LOCALE_SETTINGS,
    messages: {
      list: (d: { value: string; name: string; first: string }) =>
        `<${d.name}> takes one language tag, not the list ${d.value}; keep one, e.g. "${d.first}"`,
      malformed: (d: { value: string; name: string; fix?: string }) =>
        `${d.value} is not a language tag, so <${d.name}> cannot use it; ${d.fix ? `write "${d.fix}"` : 'expected a tag such as "en-US"'}`,
      inputMalformed: (d: { value: string }) =>
        `input locale ${d.value} is not valid; expected a language tag ("en-US") or language id:keyboard id ("0409:00000409"), several separated by ";"`,
      decimal: (d: { value: string; hex: string }) =>
        `input locale ${d.value} gives the language id in decimal; write it in hexadecimal, "${d.hex}"`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        for (const f of localeFindings(ctx.kb, ctx, v)) {
          if (f.unlisted) continue;
          const data = { ...f.data, value: ctx.quote(f.text, f.range) } as never;
          ctx.report(f.messageId as 'list', f.range, data, f.fix ? { fix: f.fix } : {});
        }
      },
    };
  },
});
