// Answer-file names resolved against the knowledge base as Setup matches them, for the unknown-* and *-pass rules.
import type { KnowledgeBase, SettingRecord } from '../../src/kb/types.js';
import { isTemplated } from './placeholders.js';

/** A component name the rules cannot judge: missing (component-identity's business) or a template token. */
export function unjudgeable(name: string): boolean {
  return !name.trim() || isTemplated(name);
}

/**
 * "Component" or "Component/Path/…" entries (an organisation's private components, settings newer than
 * the knowledge base), matched without regard to case.
 */
export interface Additional {
  /** The component is listed, alone or as the first segment of a setting entry. */
  component(name: string): boolean;
  /** The element at component/path, or one of its ancestors, is listed. */
  setting(component: string, path: readonly string[]): boolean;
}

/** Matchers made, by the config's entries (one list per config, read again for every file). */
const matchers = new WeakMap<readonly string[], Additional>();
const NO_ENTRIES: readonly string[] = [];

export function additionalMatcher(entries: readonly string[] | undefined): Additional {
  const list = entries ?? NO_ENTRIES;
  let matcher = matchers.get(list);
  if (!matcher) matchers.set(list, (matcher = makeMatcher(list)));
  return matcher;
}

function makeMatcher(entries: readonly string[]): Additional {
  const keys = entries.map((e) => e.trim().replace(/\/+$/, '').toLowerCase()).filter(Boolean);
  const set = new Set(keys);
  const components = new Set(keys.map((k) => k.split('/')[0]!));
  return {
    component: (name) => components.has(name.trim().toLowerCase()),
    setting(component, path) {
      let key = component.trim().toLowerCase();
      if (set.has(key)) return true;
      for (const segment of path) {
        key += `/${segment.toLowerCase()}`;
        if (set.has(key)) return true;
      }
      return false;
    },
  };
}

/** JSON Schema of the shared `additional` option. */
export const ADDITIONAL_SCHEMA = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  description: 'Components ("Contoso-Branding") or settings ("Microsoft-Windows-Shell-Setup/NewSetting") to accept as known',
} as const;

/** Documented settings by lower-cased element name (removed ones left out), made once per knowledge base. */
const byName = (kb: KnowledgeBase): ReadonlyMap<string, readonly SettingRecord[]> =>
  kb.derive('settings-by-name', (k) => {
    const map = new Map<string, SettingRecord[]>();
    for (const record of k.allSettings()) {
      if (record.removed) continue;
      const name = record.path[record.path.length - 1]!.toLowerCase();
      const list = map.get(name);
      if (list) list.push(record);
      else map.set(name, [record]);
    }
    return map;
  });

/** Where else a misplaced element name is documented, best candidate first (see rank). */
export function documentedElsewhere(
  kb: KnowledgeBase,
  here: { component: string; path: readonly string[]; pass: string | undefined },
): SettingRecord | undefined {
  const name = here.path[here.path.length - 1]!.toLowerCase();
  const parent = here.path.slice(0, -1);
  let best: SettingRecord | undefined;
  let bestScore: number[] = [];
  for (const record of byName(kb).get(name) ?? []) {
    const score = rank(kb, record, here.component, parent, here.pass);
    if (!best || compare(score, bestScore) > 0) [best, bestScore] = [record, score];
  }
  return best;
}

// Same component first (an element under the wrong parent), then the most ancestors in common, then a
// component that is applied in this pass, then the shortest path; ties keep the knowledge base's order.
function rank(kb: KnowledgeBase, r: SettingRecord, component: string, parent: readonly string[], pass: string | undefined): number[] {
  let shared = 0;
  while (shared < parent.length && shared < r.path.length - 1 && r.path[shared]!.toLowerCase() === parent[shared]!.toLowerCase()) shared++;
  const inPass = pass !== undefined && (kb.component(r.component)?.passes.includes(pass) ?? false);
  return [r.component === component ? 1 : 0, shared, inPass ? 1 : 0, -r.path.length];
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
