// unknown-component: Setup stops with "A component or setting specified in the answer file does not exist".
import { defineRule } from '../src/engine/rule.js';
import { editDistance } from '../src/util/edit-distance.js';
import type { KnowledgeBase } from '../src/kb/types.js';
import { ADDITIONAL_SCHEMA, additionalMatcher, unjudgeable } from './_helpers/kb-names.js';
import type { ComponentNode } from '../src/parser/events.js';
import type { Range } from '../src/types.js';

interface Options {
  additional: string[];
}

const PREFIX = /^microsoft-windows-/i;

/**
 * The known component `name` was probably meant as: same name without the Microsoft-Windows- prefix
 * written or with it doubled, or without a "-WinPE" suffix, else a few edits away. The distance is taken on the part after the
 * prefix, and kept tight (a quarter of it), so that "SQM-Client" does not turn into "DNS-Client".
 */
export function suggestComponent(kb: KnowledgeBase, name: string): string | undefined {
  // The same unknown name recurs across files (a generator's private component): work it out once per process.
  const cache = kb.derive('component-suggestions', () => new Map<string, string | undefined>());
  if (!cache.has(name)) cache.set(name, nearestComponent(kb, name));
  return cache.get(name);
}

/** A "-WinPE" suffix written on a component that has no Windows PE twin (TCPIP applies in windowsPE under its own name). */
const WINPE_SUFFIX = /-?winpe$/i;

function nearestComponent(kb: KnowledgeBase, name: string): string | undefined {
  const tail = name.trim().replace(PREFIX, '').toLowerCase();
  // International-Core-WinPE and PnpCustomizationsWinPE are real twins; for the others the name without the suffix
  // is what was meant. Edit distance cannot see it: the suffix is more edits than a quarter of most names.
  if (WINPE_SUFFIX.test(tail)) {
    const base = tail.replace(WINPE_SUFFIX, '');
    const known = kb.componentNames().find((c) => c.replace(PREFIX, '').toLowerCase() === base);
    if (known) return known;
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of kb.componentNames()) {
    const d = editDistance(tail, candidate.replace(PREFIX, '').toLowerCase());
    if (d < bestDistance && d <= Math.max(1, Math.floor(tail.length / 4))) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/**
 * The one known component whose top-level settings include every name in `children`, if there is exactly one:
 * what a component written under a name of its own (Microsoft-Windows-Firewall) holding real settings was meant as.
 */
export function componentHolding(kb: KnowledgeBase, children: ReadonlySet<string>): string | undefined {
  if (children.size === 0) return undefined;
  const index = kb.derive('components-by-setting', (k) => {
    const by = new Map<string, string[]>();
    for (const c of k.componentNames()) {
      for (const child of k.children(c, [])) {
        const holders = by.get(child);
        if (holders) holders.push(c);
        else by.set(child, [c]);
      }
    }
    return by;
  });
  let holders: string[] | undefined;
  for (const name of children) {
    const of = index.get(name) ?? [];
    holders = holders ? holders.filter((c) => of.includes(c)) : of;
    if (holders.length === 0) return undefined;
  }
  return holders?.length === 1 ? holders[0] : undefined;
}

const messages = {
  didYouMean: (d: { name: string; suggestion: string }) => `unknown component "${d.name}"; did you mean "${d.suggestion}"?`,
  holder: (d: { name: string; suggestion: string; settings: string }) =>
    `unknown component "${d.name}"; its settings (${d.settings}) are those of "${d.suggestion}": did you mean that component?`,
  unknown: (d: { name: string }) =>
    `unknown component "${d.name}"; it is not in the Unattended Windows Setup Reference; if it is your own, list it in the config: { "rules": { "unknown-component": ["error", { "additional": ["${d.name}"] }] } }`,
};

export default defineRule<typeof messages, Options>({
  meta: {
    id: 'unknown-component',
    summary: 'Every component is one Windows Setup knows (did-you-mean for typos; case differences are accepted)',
    category: 'correctness',
    severity: 'error',
    messages,
    // Below an unknown component everything is unjudged: its children are read there, and nowhere else.
    elements: ['unjudged'],
    schema: {
      type: 'object',
      properties: {
        additional: ADDITIONAL_SCHEMA,
      },
      additionalProperties: false,
    },
    defaultOptions: { additional: [] },
  },
  create(ctx) {
    const additional = additionalMatcher(ctx.options.additional);
    // An unknown component without a name like a known one waits for its end: its children may tell what it is.
    let pending: { node: ComponentNode; name: string; range: Range; children: Set<string> } | undefined;
    return {
      onElement(el) {
        if (pending && el.parent === pending.node.element && el.role === 'setting') pending.children.add(el.local);
      },
      onComponentEnd() {
        if (!pending) return;
        const { name, range, children } = pending;
        pending = undefined;
        const suggestion = componentHolding(ctx.kb, children);
        const settings = [...children].slice(0, 2).map((c) => `<${c}>`).join(', ') + (children.size > 2 ? ', …' : '');
        if (suggestion) ctx.report('holder', range, { name, suggestion, settings });
        else ctx.report('unknown', range, { name });
      },
      onComponent(node) {
        const name = node.identity.name;
        if (unjudgeable(name) || additional.component(name)) return;
        const range = node.attrs.name?.valueRange ?? node.element.nameRange;
        // Case slips resolve (name-case reports them when asked).
        if (node.element.binding.status !== 'unknown') return;
        const suggestion = suggestComponent(ctx.kb, name);
        if (suggestion) ctx.report('didYouMean', range, { name, suggestion });
        else pending = { node, name, range, children: new Set() };
      },
    };
  },
});
