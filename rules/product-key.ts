// product-key: "Entering an invalid product key in the answer file will cause Windows Setup to fail" (shell-setup-productkey).
import { defineRule } from '../src/engine/rule.js';
import { isTemplated } from './_helpers/placeholders.js';
import { settingKey, settingOf } from './_helpers/setting.js';
import { splitPadding } from './_helpers/value-text.js';

const PRODUCT_KEY_SETTINGS = new Set(['Microsoft-Windows-Setup/UserData/ProductKey/Key', 'Microsoft-Windows-Shell-Setup/ProductKey']);
/** Setup/UserData/ProductKey is a container: a key written straight into it is not read. */
const SETUP_CONTAINER = 'Microsoft-Windows-Setup/UserData/ProductKey';

/** Characters of Windows product keys (N only since Windows 8): no vowels, no 0, 1, 5, L, S or Z. */
const ALPHABET = 'BCDFGHJKMNPQRTVWXY2346789';

/**
 * The all-zero key in Setup/UserData makes Setup take the firmware key or ask for one
 * (cschneegans/unattend-generator#158, #170); it never activates anything, so it is only accepted there.
 */
const ZERO_KEY = '00000-00000-00000-00000-00000';

/** What is wrong with a key, in words that never repeat any of its characters; undefined when it is well-formed. */
function problem(key: string): { what: string; warn?: boolean } | undefined {
  const groups = key.split('-');
  if (groups.length !== 5) {
    const compact = key.replace(/-/g, '');
    if (groups.length === 1 && compact.length === 25) return { what: 'has no hyphens; write it as five groups of five separated by "-"' };
    return { what: `has ${groups.length} group${groups.length === 1 ? '' : 's'} of characters; expected five groups of five separated by "-" (29 characters)` };
  }
  const short = groups.findIndex((g) => g.length !== 5);
  if (short >= 0) return { what: `has ${groups[short]!.length} characters in group ${short + 1}; each of the five groups has five` };
  const chars = [...groups.join('')];
  const foreign = chars.filter((c) => !ALPHABET.includes(c.toUpperCase())).length;
  if (foreign > 0) {
    return {
      what: `contains ${foreign} character${foreign === 1 ? '' : 's'} outside the product key alphabet; keys never contain vowels, 0, 1, 5, L, S or Z, check it for typos`,
    };
  }
  if (new Set(chars.map((c) => c.toUpperCase())).size === 1) return { what: 'repeats one character 25 times, which is a placeholder, not a key; put in the real key or remove the element' };
  if (chars.some((c) => c !== c.toUpperCase())) return { what: 'is written in lowercase; write product keys in capitals as printed', warn: true };
  return undefined;
}

export default defineRule({
  meta: {
    id: 'product-key',
    summary: 'Product keys are five hyphen-separated groups of five characters from the product key alphabet',
    category: 'correctness',
    severity: 'error',
    messages: {
      invalid: (d: { name: string; what: string }) => `the product key in <${d.name}> ${d.what}`,
      padded: (d: { name: string }) =>
        `the product key in <${d.name}> has whitespace around it; remove it (the reference describes the 29 characters alone)`,
      notInKey: () =>
        `the product key is written straight into <ProductKey>, which Microsoft-Windows-Setup reads as a container; put it in a <Key> child (Setup stops with "cannot read the <ProductKey> setting")`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const record = settingOf(ctx.kb, v.element);
        const id = record && settingKey(record);
        if (!id || !(PRODUCT_KEY_SETTINGS.has(id) || id === SETUP_CONTAINER)) return;
        const p = splitPadding(v.text);
        // Empty keys are empty-value's; template tokens are template-placeholder's.
        if (p.core === '' || isTemplated(v.text)) return;
        if (id === SETUP_CONTAINER) {
          ctx.report('notInKey', v.range, undefined);
          return;
        }
        const name = v.element.qname;
        if (p.core === ZERO_KEY && record.component === 'Microsoft-Windows-Setup') return;
        const found = problem(p.core);
        if (found) ctx.report('invalid', v.range, { name, what: found.what }, found.warn ? { severity: 'warn' } : undefined);
        else if (p.lead || p.trail) ctx.report('padded', v.range, { name }, { severity: 'warn' });
      },
    };
  },
});
