// The dispatch plan, made once per config: which rule hears which setting, and which facts the answer model collects.
import type { KnowledgeBase } from '../kb/types.js';
import type { KbTree } from '../kb/tree.js';
import { editDistance } from '../util/edit-distance.js';
import type { AnyRule } from './rule.js';
import type { SettingKey } from '../kb/setting-keys.js';
import type { BindStatus } from '../binder/bind.js';

export interface EnabledRule {
  rule: AnyRule;
  severity: 1 | 2;
  options: Record<string, unknown>;
}

export interface DispatchPlan {
  readonly rules: readonly EnabledRule[];
  /** Per rule (same index): the setting ids it is limited to, or undefined when it hears every element. */
  readonly only: readonly (ReadonlySet<number> | undefined)[];
  /** Indexed by setting id: the indexes of the rules limited to that setting (undefined for none). */
  readonly bySetting: readonly (readonly number[] | undefined)[];
  /** Setting ids whose facts some enabled rule reads (the answer model collects nothing else). */
  readonly facts: ReadonlySet<number>;
  /** Per rule (same index): the keys of its facts when it is quiet without them (created only for files holding one). */
  readonly quiet: readonly (readonly SettingKey[] | undefined)[];
  /**
   * The indexes, in rule order, of the rules whose element hooks hear an element bound to the setting node `setting`
   * (undefined: bound to none) with binding status `status`; worked out once per config for each pair met.
   */
  elementRules(setting: number | undefined, status: BindStatus): readonly number[];
}

const STATUSES: readonly BindStatus[] = ['exact', 'case', 'unknown', 'unjudged'];
const STATUS_INDEX: Readonly<Record<BindStatus, number>> = { exact: 0, case: 1, unknown: 2, unjudged: 3 };

/** A fact a rule's options ask for that the knowledge base does not have (a configuration error). */
export class UnknownFactError extends Error {
  constructor(readonly ruleId: string, readonly key: string, readonly suggestion: string | undefined) {
    super(`rule "${ruleId}": "${key}" is not a setting the knowledge base knows${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
    this.name = 'UnknownFactError';
  }
}

function suggest(tree: KbTree, key: string): string | undefined {
  const lower = key.toLowerCase();
  const exactCase = tree.settings.find((s) => s.key.toLowerCase() === lower);
  if (exactCase) return exactCase.key;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const s of tree.settings) {
    const d = editDistance(lower, s.key.toLowerCase());
    if (d < bestDistance && d <= Math.ceil(s.key.length / 6)) [best, bestDistance] = [s.key, d];
  }
  return best;
}

function resolve(tree: KbTree, ruleId: string, keys: readonly string[]): number[] {
  return keys.map((key) => {
    const node = tree.setting(key);
    if (!node) throw new UnknownFactError(ruleId, key, suggest(tree, key));
    return node.id;
  });
}

export function createPlan(rules: readonly EnabledRule[], kb: KnowledgeBase): DispatchPlan {
  const tree = kb.tree();
  const only: (ReadonlySet<number> | undefined)[] = [];
  const bySetting: (number[] | undefined)[] = new Array(tree.settings.length);
  const facts = new Set<number>();
  const quiet: (SettingKey[] | undefined)[] = [];
  rules.forEach(({ rule, options }, index) => {
    const { settings, facts: needs } = rule.meta;
    if (settings) {
      const ids = typeof settings === 'function' ? tree.settings.filter(settings).map((s) => s.id) : resolve(tree, rule.meta.id, settings);
      only.push(new Set(ids));
      for (const id of ids) (bySetting[id] ??= []).push(index);
    } else {
      only.push(undefined);
    }
    const keys = typeof needs === 'function' ? needs(options) : needs;
    const ids = keys ? resolve(tree, rule.meta.id, keys) : [];
    for (const id of ids) facts.add(id);
    quiet.push(rule.meta.quietWithoutFacts && ids.length > 0 ? ids.map((id) => tree.settings[id]!.key) : undefined);
  });
  const statuses = rules.map(({ rule }) => (rule.meta.elements ? new Set(rule.meta.elements) : undefined));
  const every = rules.map((_, i) => i).filter((i) => !only[i]);
  // Dense, by (setting id + 1) × 4 + status, so that an element's rules are one array read once the pair has been met.
  const memo: (readonly number[] | undefined)[] = new Array((tree.settings.length + 1) * STATUSES.length);
  // The lookup is called for every element: the work of a first meeting is in its own function, since a closure over
  // the lookup's parameters would make every call allocate.
  const elementRules = (setting: number | undefined, status: BindStatus): readonly number[] => {
    const key = (setting === undefined ? 0 : setting + 1) * STATUSES.length + STATUS_INDEX[status];
    return memo[key] ?? (memo[key] = rulesFor(setting, status));
  };
  const rulesFor = (setting: number | undefined, status: BindStatus): readonly number[] => {
    const subscribed = setting === undefined ? [] : (bySetting[setting] ?? []);
    return [...every, ...subscribed].sort((a, b) => a - b).filter((i) => !statuses[i] || statuses[i]!.has(status));
  };
  return { rules, only, bySetting, facts, quiet, elementRules };
}
