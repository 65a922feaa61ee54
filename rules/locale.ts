// locale: International-Core language settings take known language tags, and InputLocale a list of tags or id pairs.
import { defineRule } from '../src/engine/rule.js';
import type { ValueNode } from '../src/parser/events.js';
import type { Range } from '../src/types.js';
import { checkInputItem, checkTag, localeLists, type LocaleLists } from './_helpers/locales.js';
import { isTemplated } from './_helpers/placeholders.js';
import { settingKey, settingOf } from './_helpers/setting.js';
import { describePadding, literal, quote, replaceCore, splitPadding, trimValue } from './_helpers/value-text.js';

const COMPONENTS = ['Microsoft-Windows-International-Core', 'Microsoft-Windows-International-Core-WinPE'];
const TAG_SETTINGS = ['UILanguage', 'SystemLocale', 'UserLocale', 'UILanguageFallback', 'SetupUILanguage/UILanguage'];
const SINGLE = new Set(COMPONENTS.flatMap((c) => TAG_SETTINGS.map((s) => `${c}/${s}`)));
const INPUT = new Set(COMPONENTS.map((c) => `${c}/InputLocale`));

/** The items of an InputLocale list with their offsets in the file (the whole value when it holds entities). */
function items(source: string, v: ValueNode): { text: string; range: Range }[] {
  const raw = literal(source, v);
  const out: { text: string; range: Range }[] = [];
  let offset = 0;
  for (const part of (raw ?? v.text).split(';')) {
    const { lead, core } = splitPadding(part);
    const start = v.range.start + offset + lead.length;
    if (core) out.push({ text: core, range: raw === undefined ? v.range : { start, end: start + core.length } });
    offset += part.length + 1;
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'locale',
    summary: 'Language settings hold known language tags; InputLocale is a ;-list of tags or language:keyboard id pairs',
    category: 'correctness',
    severity: 'error',
    fixable: true,
    messages: {
      list: (d: { value: string; name: string; first: string }) =>
        `<${d.name}> takes one language tag, not the list ${d.value}; keep one, e.g. "${d.first}"`,
      malformed: (d: { value: string; name: string; fix?: string }) =>
        `${d.value} is not a language tag, so <${d.name}> cannot use it; ${d.fix ? `write "${d.fix}"` : 'expected a tag such as "en-US"'}`,
      unlisted: (d: { value: string; name: string; near?: string }) =>
        `language tag ${d.value} in <${d.name}> is not a locale Windows lists; ${d.near ? `did you mean "${d.near}"?` : 'check the spelling'}`,
      padded: (d: { name: string; padded: string }) => `<${d.name}> value has ${d.padded}; remove it`,
      inputMalformed: (d: { value: string }) =>
        `input locale ${d.value} is not valid; expected a language tag ("en-US") or language id:keyboard id ("0409:00000409"), several separated by ";"`,
      decimal: (d: { value: string; hex: string }) =>
        `input locale ${d.value} gives the language id in decimal; write it in hexadecimal, "${d.hex}"`,
      unlistedLanguage: (d: { value: string; id: string }) =>
        `input locale ${d.value} names language id "${d.id}", which no locale Windows lists has; check it`,
      bareKeyboard: (d: { value: string; pair?: string }) =>
        `input locale ${d.value} is a keyboard layout without its language id, a form the reference does not document; write ${d.pair ? `"${d.pair}"` : 'language id:keyboard id'}`,
      unlistedKeyboard: (d: { value: string; id: string }) =>
        `input locale ${d.value} names keyboard layout "${d.id}", which Windows does not list; check it (HKLM\\SYSTEM\\CurrentControlSet\\Control\\Keyboard Layouts)`,
    },
  },
  create(ctx) {
    let lists: LocaleLists | undefined;
    const warn = { severity: 'warn' } as const;

    function single(v: ValueNode, name: string, lists: LocaleLists): void {
      const p = splitPadding(v.text);
      const value = quote(p.core);
      if (p.core.includes(';')) {
        ctx.report('list', v.range, { value, name, first: p.core.split(';')[0]!.trim() });
        return;
      }
      const verdict = checkTag(lists, p.core);
      if (verdict.kind === 'malformed') {
        const fix = !verdict.fix ? undefined : p.lead || p.trail ? trimValue(ctx.text, v, verdict.fix) : replaceCore(ctx.text, v, verdict.fix);
        ctx.report('malformed', v.range, { value, name, fix: verdict.fix }, { fix });
      } else if (verdict.kind === 'unlisted') {
        ctx.report('unlisted', v.range, { value, name, near: verdict.near }, warn);
      } else if (p.lead || p.trail) {
        ctx.report('padded', v.range, { name, padded: describePadding(p) }, { ...warn, fix: trimValue(ctx.text, v) });
      }
    }

    function input(v: ValueNode, name: string, lists: LocaleLists): void {
      for (const item of items(ctx.text, v)) {
        const value = quote(item.text);
        const verdict = checkInputItem(lists, item.text);
        const exact = item.range !== v.range;
        switch (verdict.kind) {
          case 'ok':
            break;
          case 'malformed': {
            const fix = verdict.fix && exact ? { range: [item.range.start, item.range.end] as [number, number], text: verdict.fix } : undefined;
            if (verdict.fix) ctx.report('malformed', item.range, { value, name, fix: verdict.fix }, { fix });
            else ctx.report('inputMalformed', item.range, { value });
            break;
          }
          case 'decimal': {
            const text = `${verdict.hex}${item.text.slice(item.text.indexOf(':'))}`;
            const fix = exact ? { range: [item.range.start, item.range.end] as [number, number], text } : undefined;
            ctx.report('decimal', item.range, { value, hex: verdict.hex }, { fix });
            break;
          }
          case 'unlisted':
            ctx.report('unlisted', item.range, { value, name, near: verdict.near }, warn);
            break;
          case 'bareKeyboard':
            ctx.report('bareKeyboard', item.range, { value, pair: verdict.pair }, warn);
            break;
          case 'unlistedLanguage':
          case 'unlistedKeyboard':
            ctx.report(verdict.kind, item.range, { value, id: verdict.id }, warn);
        }
      }
    }

    return {
      onValue(v) {
        const record = settingOf(ctx.kb, v.element);
        if (!record || splitPadding(v.text).core === '' || isTemplated(v.text)) return;
        const k = settingKey(record);
        if (!SINGLE.has(k) && !INPUT.has(k)) return;
        lists ??= localeLists(ctx.kb);
        if (INPUT.has(k)) input(v, v.element.qname, lists);
        else single(v, v.element.qname, lists);
      },
    };
  },
});
