// image-selection: InstallFrom/MetaData selects one image of a .wim by a key the reference documents (…-installfrom-metadata-key):
// documented keys, an /IMAGE/INDEX that is a positive integer, a Key and a Value in each item, one MetaData per InstallFrom.
import { defineRule } from '../src/engine/rule.js';
import type { AnswerModel, Fact } from '../src/engine/model.js';
import type { SettingKey } from '../src/kb/setting-keys.js';
import type { Range } from '../src/types.js';
import { named } from './_helpers/facts.js';
import { removes } from './_helpers/lists.js';
import { anyBetween } from '../src/util/sorted.js';
import { WINDOWS_PE_FACTS, windowsPENeverRuns } from './_helpers/windows-pe.js';

/** microsoft-windows-setup-imageinstall-osimage-installfrom-metadata-key documents these three. */
const DOCUMENTED = ['/IMAGE/INDEX', '/IMAGE/NAME', '/IMAGE/DESCRIPTION'];

const IMAGES = ['OSImage', 'DataImage'] as const;
const keys = (image: (typeof IMAGES)[number]) => {
  const from = `Microsoft-Windows-Setup/ImageInstall/${image}/InstallFrom` as const;
  return { from, metaData: `${from}/MetaData`, key: `${from}/MetaData/Key`, value: `${from}/MetaData/Value` } as const satisfies Record<string, SettingKey>;
};
const KEYS = IMAGES.map(keys);

export default defineRule({
  meta: {
    id: 'image-selection',
    summary: 'InstallFrom selects its image with one MetaData, with a Key and a Value, whose Key is /IMAGE/INDEX (a positive integer), /IMAGE/NAME or /IMAGE/DESCRIPTION',
    category: 'correctness',
    severity: 'warn',
    settings: KEYS.map((k) => k.key),
    facts: [...KEYS.flatMap((k) => [k.from, k.metaData, k.key, k.value]), ...WINDOWS_PE_FACTS],
    messages: {
      undocumentedKey: (d: { value: string; expected: string }) =>
        `metadata key ${d.value} is not one the reference documents (${d.expected}); Setup matches it against the image's XML metadata, so make sure the image has it`,
      index: (d: { value: string }) =>
        `/IMAGE/INDEX selects an image by its index number, 1 for the first image of the .wim, but the value is ${d.value}; write the index \`dism /Get-WimInfo\` lists, or select by /IMAGE/NAME`,
      incomplete: (d: { has: string; lacks: string }) =>
        `<MetaData> has a <${d.has}> but no <${d.lacks}>; the MetaData page selects the image with Key and Value together, so this item selects nothing: add its ${d.lacks}`,
      severalSelectors: (d: { key: string; line: number }) =>
        `this <InstallFrom> already selects its image by another <MetaData>; the reference selects an image with one Key and Value, and which image Setup installs for this second ${d.key} selector is not documented: keep one MetaData, first at line ${d.line}`,
    },
  },
  create(ctx) {
    const conditionalBetween = (start: number, end: number): boolean => anyBetween(ctx.conditionals(), start, end);

    const check = (model: AnswerModel, k: (typeof KEYS)[number]): void => {
      for (const from of model.all(k.from)) {
        let first: Fact | undefined;
        const seen = new Set<string>();
        for (const item of model.within(from, k.metaData)) {
          if (removes(item.action)) continue;
          const key = model.child(item, k.key);
          const value = model.child(item, k.value);
          // An item that modifies one child of an item set elsewhere, or whose children sit in template alternatives, is not judged.
          const modifies = item.action?.trim().toLowerCase() === 'modify';
          if (!key !== !value && !modifies && !conditionalBetween(item.elementRange.start, item.elementRange.end)) {
            ctx.report('incomplete', item.range, key ? { has: 'Key', lacks: 'Value' } : { has: 'Value', lacks: 'Key' });
          }
          const core = named(key) ? key.text!.trim().toUpperCase() : undefined;
          if (core === '/IMAGE/INDEX' && named(value) && !/^0*[1-9]\d*$/.test(value.text!.trim()))
            ctx.report('index', value.valueRange!, { value: ctx.quote(value.text!.trim(), value.valueRange!) });
          // Items with a key that is empty or a template token are other rules'; a repeated key is list-key-unique's.
          if (core === undefined) continue;
          if (!first) first = item;
          else if (!seen.has(core) && !conditionalBetween(first.elementRange.end, item.range.start))
            ctx.report('severalSelectors', item.range, { key: ctx.quote(key!.text!.trim(), key!.valueRange!), line: ctx.lineOf(first.range.start) }, {
              related: [{ message: 'first MetaData', range: first.range }],
            });
          seen.add(core);
        }
      }
    };

    // Undocumented keys, reported at the end of the document: only where the scenario runs windowsPE.
    const undocumented: { value: string; range: Range }[] = [];
    return {
      onValue(v) {
        const core = v.text.trim();
        // Empty keys are empty-value's, template tokens template-placeholder's, a documented key in other case value-case's.
        if (!core || v.element.binding.placeholder || DOCUMENTED.includes(core.toUpperCase())) return;
        undocumented.push({ value: ctx.quote(core, v.range), range: v.range });
      },
      onDocumentEnd(model) {
        if (windowsPENeverRuns(ctx, model)) return;
        for (const u of undocumented) ctx.report('undocumentedKey', u.range, { value: u.value, expected: DOCUMENTED.map((k) => `"${k}"`).join(', ') });
        for (const k of KEYS) check(model, k);
      },
    };
  },
});
