// component-identity: Setup finds a component's manifest by its identity attributes; a wrong one is never applied.
import { defineRule } from '../src/engine/rule.js';
import type { AttributeNode, ComponentNode } from '../src/parser/events.js';
import type { Fix } from '../src/types.js';
import { closest } from './_helpers/suggest.js';
import { isTemplated } from './_helpers/placeholders.js';
import { SPECS, canonicalCase, type Spec } from './_helpers/identity.js';

/** Names other tools use for the same architectures. */
const ALIASES: Readonly<Record<string, string>> = {
  x64: 'amd64',
  x86_64: 'amd64',
  'x86-64': 'amd64',
  aarch64: 'arm64',
  i386: 'x86',
  i686: 'x86',
};

/** Five groups of five letters or digits: a product key, whatever its characters. */
const PRODUCT_KEY_SHAPE = /^[a-z0-9]{5}(?:-[a-z0-9]{5}){4}$/i;

const expected = (values: readonly string[]): string =>
  values.length === 1 ? `"${values[0]}"` : `one of ${values.join(', ')}`;

export default defineRule({
  meta: {
    id: 'component-identity',
    summary: 'Component identity attributes are present and valid: name, processorArchitecture, publicKeyToken, language, versionScope',
    category: 'correctness',
    severity: 'error',
    fixable: true,
    messages: {
      missing: (d: { component: string; attr: string; add: string }) =>
        `component "${d.component}" has no ${d.attr} attribute; add ${d.add}`,
      attrCase: (d: { written: string; attr: string }) =>
        `attribute "${d.written}" is not a component attribute; attribute names are case-sensitive, write ${d.attr}`,
      invalid: (d: { attr: string; value: string; hint: string }) => `${d.attr} "${d.value}" is not valid; ${d.hint}`,
      productKey: (d: { attr: string; hint: string }) => `${d.attr} holds what looks like a product key; ${d.hint}`,
    },
  },
  create(ctx) {
    function missing(node: ComponentNode, attr: string, spec: Spec): void {
      const component = node.identity.name || '(unnamed)';
      const written = node.element.attributes.find((a) => a.prefix === '' && a.local.toLowerCase() === attr.toLowerCase());
      if (written) {
        const fix: Fix = { range: [written.range.start, written.range.start + written.qname.length], text: attr };
        ctx.report('attrCase', written.range, { written: written.qname, attr }, { fix });
        return;
      }
      const single = spec.values.length === 1 ? spec.values[0] : undefined;
      const choices = attr === 'name' ? '' : ` (${spec.values.join(', ')})`;
      const add = single ? `${attr}="${single}"` : `${attr}="…"${choices}`;
      // Inserting the only valid value is safe; anything else needs the author's choice.
      const last = node.element.attributes.at(-1)?.range.end ?? node.element.nameRange.end;
      const fix: Fix | undefined = single ? { range: [last, last], text: ` ${attr}="${single}"` } : undefined;
      ctx.report('missing', node.element.nameRange, { component, attr, add }, fix ? { fix } : {});
    }

    function check(attr: string, a: AttributeNode, spec: Spec): void {
      const value = a.value;
      if (spec.values.includes(spec.anyCase ? value.toLowerCase() : value) || isTemplated(value)) return;
      // The XSD patterns match these case-insensitively and working files use NonSxS or AMD64: value-case's warning.
      if (canonicalCase(attr, value)) return;
      const lower = value.trim().toLowerCase();
      const alias = attr === 'processorArchitecture' && Object.hasOwn(ALIASES, lower) ? ALIASES[lower] : undefined;
      const near = alias ?? (spec.values.length > 1 ? closest(value, spec.values) : undefined);
      const hint = near ? `did you mean "${near}"? (valid: ${spec.values.join(', ')})` : `expected ${expected(spec.values)}`;
      // A product key pasted into an attribute (seen in publicKeyToken) is never quoted back.
      if (PRODUCT_KEY_SHAPE.test(value.trim())) ctx.report('productKey', a.valueRange, { attr, hint });
      else ctx.report('invalid', a.valueRange, { attr, value, hint });
    }

    return {
      onComponent(node) {
        for (const [attr, spec] of Object.entries(SPECS)) {
          const a = node.attrs[attr];
          if (!a) {
            if (spec.required) missing(node, attr, spec);
          } else if (attr === 'name') {
            const hint = 'expected a component name';
            if (!a.value.trim()) ctx.report('invalid', a.valueRange, { attr, value: a.value, hint });
          } else {
            check(attr, a, spec);
          }
        }
      },
    };
  },
});
