// unknown-setting: an element a component does not define makes Setup stop ("… does not exist").
import { defineRule } from '../src/engine/rule.js';
import type { ElementNode } from '../src/parser/events.js';
import type { KnowledgeBase } from '../src/kb/types.js';
import { closest } from './_helpers/suggest.js';
import { ADDITIONAL_SCHEMA, additionalMatcher, documentedElsewhere, resolveChild, resolveComponent, unjudgeable } from './_helpers/kb-names.js';

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
  unknown: (d: Where) => `unknown setting ${where(d)}; it is not in the Unattended Windows Setup Reference`,
  inLeaf: (d: { name: string; parent: string }) =>
    `unexpected element <${d.name}> inside <${d.parent}>, which takes a text value, not elements; write the value as text`,
  caseOnly: (d: { name: string; canonical: string }) => `<${d.name}> differs only in case from the documented <${d.canonical}>; write <${d.canonical}>`,
};

/** What the walk knows about an open element: its documented path, or that its subtree is not judged. */
type State = { component: string; path: string[] } | 'skip';

const list = (names: readonly string[]): string =>
  names.length === 1 ? `<${names[0]}>` : `one of ${names.map((n) => `<${n}>`).join(', ')}`;

export default defineRule<typeof messages, Options>({
  meta: {
    id: 'unknown-setting',
    summary: 'Every element inside a component is a setting that component defines, at that place',
    category: 'correctness',
    severity: 'error',
    messages,
    schema: { type: 'object', properties: { additional: ADDITIONAL_SCHEMA }, additionalProperties: false },
    defaultOptions: { additional: [] },
  },
  create(ctx) {
    const additional = additionalMatcher(ctx.options.additional);
    const states = new Map<ElementNode, State>();
    // The knowledge base describes no settings of a removed component or below a removed setting, nor
    // any of a component it only names (e.g. Authentication-AuthUI): nothing there can be called unknown.
    const undescribed = (kb: KnowledgeBase, component: string): boolean =>
      !!kb.component(component)?.removed || kb.children(component, []).length === 0;

    const check = (node: ElementNode, parent: State): State => {
      if (parent === 'skip') return 'skip';
      const { component, path } = parent;
      if (additional.setting(component, [...path, node.local])) return 'skip';
      const child = resolveChild(ctx.kb, component, path, node.local);
      if (child) {
        if (child.caseOnly) ctx.report('caseOnly', node.nameRange, { name: node.local, canonical: child.name }, { severity: 'warn' });
        const full = [...path, child.name];
        return ctx.kb.setting(component, full)?.removed ? 'skip' : { component, path: full };
      }
      reportUnknown(node, component, path);
      return 'skip';
    };

    const reportUnknown = (node: ElementNode, component: string, path: string[]): void => {
      const under = path[path.length - 1] ?? '';
      const data = { name: node.local, component, under };
      if (path.length > 0 && ctx.kb.setting(component, path)?.kind === 'leaf') {
        ctx.report('inLeaf', node.nameRange, { name: node.local, parent: under });
        return;
      }
      // A documented setting of that very name elsewhere says more than a sibling a few edits away.
      const other = documentedElsewhere(ctx.kb, { component, path: [...path, node.local], pass: node.pass });
      if (other && other.component !== component) {
        return ctx.report('otherComponent', node.nameRange, { ...data, other: other.component, path: other.path.join('/') });
      }
      if (other) return ctx.report('otherPlace', node.nameRange, { ...data, path: other.path.join('/') });
      const siblings = ctx.kb.children(component, path);
      const suggestion = closest(node.local, siblings);
      if (suggestion) return ctx.report('didYouMean', node.nameRange, { ...data, suggestion });
      if (siblings.length > 0 && siblings.length <= 5) return ctx.report('expected', node.nameRange, { ...data, expected: list(siblings) });
      ctx.report('unknown', node.nameRange, data);
    };

    return {
      onElement(node) {
        if (node.role === 'component') {
          const name = node.component!.identity.name;
          const resolved = unjudgeable(name) || additional.setting(name, []) ? undefined : resolveComponent(ctx.kb, name);
          states.set(node, resolved && !undescribed(ctx.kb, resolved.name) ? { component: resolved.name, path: [] } : 'skip');
        } else if (node.role === 'setting' && node.parent) {
          states.set(node, check(node, states.get(node.parent) ?? 'skip'));
        }
      },
      onElementEnd(node) {
        states.delete(node);
      },
    };
  },
});
