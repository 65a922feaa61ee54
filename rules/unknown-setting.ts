// unknown-setting: an element a component does not define makes Setup stop ("… does not exist").
import { defineRule } from '../src/engine/rule.js';
import type { BoundElement } from '../src/binder/bind.js';
import { closest } from './_helpers/suggest.js';
import { ADDITIONAL_SCHEMA, additionalMatcher, documentedElsewhere } from './_helpers/kb-names.js';

interface Options {
  additional: string[];
}

/** Where an element stands for messages: `in "Component"` plus ` under <Parent>` below the top level. */
type Where = { name: string; component: string; under: string };

const where = (d: Where): string => `<${d.name}> in "${d.component}"${d.under ? ` under <${d.under}>` : ''}`;

const messages = {
  didYouMean: (d: Where & { suggestion: string }) => `unknown setting ${where(d)}; did you mean <${d.suggestion}>?`,
  otherComponent: (d: Where & { other: string; path: string }) =>
    `unknown setting ${where(d)}; it is a setting of component "${d.other}" (${d.path})`,
  otherPlace: (d: Where & { path: string }) => `unknown setting ${where(d)}; its documented place is ${d.path}`,
  expected: (d: Where & { expected: string }) => `unknown setting ${where(d)}; expected ${d.expected}`,
  unknown: (d: Where & { entry: string }) =>
    `unknown setting ${where(d)}; it is not in the Unattended Windows Setup Reference; if Setup knows it, list it in the config: { "rules": { "unknown-setting": ["error", { "additional": ["${d.entry}"] }] } }`,
  inLeaf: (d: { name: string; parent: string }) =>
    `unexpected element <${d.name}> inside <${d.parent}>, which takes a text value, not elements; write the value as text`,
};

const list = (names: readonly string[]): string =>
  names.length === 1 ? `<${names[0]}>` : `one of ${names.map((n) => `<${n}>`).join(', ')}`;

export default defineRule<typeof messages, Options>({
  meta: {
    id: 'unknown-setting',
    summary: 'Every element inside a component is a setting that component defines, at that place',
    elements: ['unknown'],
    category: 'correctness',
    severity: 'error',
    messages,
    schema: { type: 'object', properties: { additional: ADDITIONAL_SCHEMA }, additionalProperties: false },
    defaultOptions: { additional: [] },
  },
  create(ctx) {
    const additional = additionalMatcher(ctx.options.additional);

    const report = (node: BoundElement, parent: BoundElement): void => {
      // The binder only calls an element unknown below a known component or setting.
      const scope = parent.binding.setting ?? parent.binding.component!;
      const component = scope.kind === 'setting' ? scope.component.name : scope.name;
      const path = scope.kind === 'setting' ? scope.key.slice(component.length + 1).split('/') : [];
      if (additional.setting(component, [...path, node.local])) return;
      const under = path[path.length - 1] ?? '';
      const data = { name: node.local, component, under };
      if (scope.kind === 'setting' && scope.record.kind === 'leaf') {
        ctx.report('inLeaf', node.nameRange, { name: node.local, parent: under });
        return;
      }
      // A documented setting of that very name elsewhere says more than a sibling a few edits away.
      const other = documentedElsewhere(ctx.kb, { component, path: [...path, node.local], pass: node.pass });
      if (other && other.component !== component) {
        return ctx.report('otherComponent', node.nameRange, { ...data, other: other.component, path: other.path.join('/') });
      }
      if (other) return ctx.report('otherPlace', node.nameRange, { ...data, path: other.path.join('/') });
      const siblings = scope.childNames;
      const suggestion = closest(node.local, siblings);
      if (suggestion) return ctx.report('didYouMean', node.nameRange, { ...data, suggestion });
      if (siblings.length > 0 && siblings.length <= 5) return ctx.report('expected', node.nameRange, { ...data, expected: list(siblings) });
      ctx.report('unknown', node.nameRange, { ...data, entry: [component, ...path, node.local].join('/') });
    };

    return {
      onElement(node) {
        if (node.role === 'setting' && node.binding.status === 'unknown' && node.parent) report(node, node.parent);
      },
    };
  },
});
