// The dispatch plan, made once per config: which rule hears which setting, and which facts the answer model collects.
import type { KnowledgeBase } from '../kb/types.js';
import type { KbTree, SettingNode } from '../kb/tree.js';
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
  /** Setting ids whose facts some enabled rule reads (the answer model collects nothing else). */
  readonly facts: ReadonlySet<number>;
  /** Per rule (same index): the keys of its facts when it is quiet without them (created only for files holding one). */
  readonly quiet: readonly (readonly SettingKey[] | undefined)[];
  /**
   * The indexes, in rule order, of the rules whose element hooks hear an element bound to the setting node `setting`
   * (undefined: bound to none) with binding status `status`, plain or not (ElementNode.plain); worked out once per
   * config for each slot met.
   */
  elementRules(setting: number | undefined, status: BindStatus, plain?: boolean): readonly number[];
  /**
   * For a file whose visitors have the element hooks `shape` says (one character per rule, its HOOK_BITS), the rules
   * each element hook hears per slot (elementSlot): made once per config for each shape met, so that a file's
   * dispatch is set up without going through the rules of every setting.
   */
  hookTables(shape: string): HookTables;
}

export type ElementHook = 'onElement' | 'onElementEnd' | 'onValue';
/** A rule's element hooks as one character of a shape: the sum of the bits of the hooks its visitor has. */
export const HOOK_BITS: Readonly<Record<ElementHook, number>> = { onElement: 1, onElementEnd: 2, onValue: 4 };

/** Per element hook: the indexes, in rule order, of the rules with that hook that hear an element of a slot. */
export type HookTables = Readonly<Record<ElementHook, (slot: number) => readonly number[]>>;

const STATUSES: readonly BindStatus[] = ['exact', 'case', 'unknown', 'unjudged'];
const STATUS_INDEX: Readonly<Record<BindStatus, number>> = { exact: 0, case: 1, unknown: 2, unjudged: 3 };

/**
 * The slot of an element bound to the setting node `setting` (undefined: none) with `status`, plain or not: what
 * decides who hears it.
 */
export function elementSlot(setting: number | undefined, status: BindStatus, plain: boolean): number {
  return ((setting === undefined ? 0 : setting + 1) * STATUSES.length + STATUS_INDEX[status]) * 2 + (plain ? 1 : 0);
}

/** Shapes kept per plan: a config's rules give one or two; past this many, a file's tables are made for it alone. */
const KEPT_SHAPES = 16;

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

/** The ids of setting keys (their nodes are not made: a start-up makes only those of the components a file names). */
function resolve(tree: KbTree, ruleId: string, keys: readonly string[]): number[] {
  return keys.map((key) => {
    const id = tree.idOf(key);
    if (id === undefined) throw new UnknownFactError(ruleId, key, suggest(tree, key));
    return id;
  });
}

export function createPlan(rules: readonly EnabledRule[], kb: KnowledgeBase): DispatchPlan {
  const tree = kb.tree();
  // Per rule: undefined when it hears every element, else whether it hears a setting node. Keyed subscriptions are
  // resolved now (an unknown key is an error); a rule's own test is asked of a setting when an element bound to it
  // is first met, so that a start-up makes only the settings of the components a file names.
  const hears: (((node: SettingNode) => boolean) | undefined)[] = [];
  const facts = new Set<number>();
  const quiet: (SettingKey[] | undefined)[] = [];
  rules.forEach(({ rule, options }) => {
    const { settings, facts: needs } = rule.meta;
    if (typeof settings === 'function') {
      hears.push(settings);
    } else if (settings) {
      const ids = new Set(resolve(tree, rule.meta.id, settings));
      hears.push((node) => ids.has(node.id));
    } else {
      hears.push(undefined);
    }
    const keys = typeof needs === 'function' ? needs(options, kb) : needs;
    const ids = keys ? resolve(tree, rule.meta.id, keys) : [];
    for (const id of ids) facts.add(id);
    quiet.push(rule.meta.quietWithoutFacts && ids.length > 0 ? (keys as SettingKey[]) : undefined);
  });
  const statuses = rules.map(({ rule }) => (rule.meta.elements ? new Set(rule.meta.elements) : undefined));
  const skipsPlain = rules.map(({ rule }) => rule.meta.plainElements === false);
  // Dense, by slot (elementSlot), so that an element's rules are one array read once the slot has been met.
  const memo: (readonly number[] | undefined)[] = new Array((tree.settingCount + 1) * STATUSES.length * 2);
  // The lookup is called for every element: the work of a first meeting is in its own function, since a closure over
  // the lookup's parameters would make every call allocate.
  const ofSlot = (slot: number): readonly number[] => memo[slot] ?? (memo[slot] = rulesFor(slot));
  // A slot's parts, read back from it (elementSlot) at its first meeting.
  const rulesFor = (slot: number): readonly number[] => {
    const plain = (slot & 1) === 1;
    const pair = slot >> 1;
    const setting = Math.floor(pair / STATUSES.length) - 1;
    const status = STATUSES[pair % STATUSES.length]!;
    const node = setting < 0 ? undefined : tree.settingById(setting);
    const out: number[] = [];
    for (let i = 0; i < rules.length; i++) {
      const test = hears[i];
      if (test && !(node && test(node))) continue;
      if ((statuses[i] && !statuses[i]!.has(status)) || (plain && skipsPlain[i])) continue;
      out.push(i);
    }
    return out;
  };
  const elementRules = (setting: number | undefined, status: BindStatus, plain = false): readonly number[] => ofSlot(elementSlot(setting, status, plain));
  const shapes = new Map<string, HookTables>();
  const hookTables = (shape: string): HookTables => {
    const kept = shapes.get(shape);
    if (kept) return kept;
    const table = (hook: ElementHook): ((slot: number) => readonly number[]) => {
      const bit = HOOK_BITS[hook];
      const heard: (readonly number[] | undefined)[] = new Array(memo.length);
      const narrow = (slot: number): readonly number[] => (heard[slot] = ofSlot(slot).filter((i) => (shape.charCodeAt(i) & bit) !== 0));
      return (slot) => heard[slot] ?? narrow(slot);
    };
    const tables: HookTables = { onElement: table('onElement'), onElementEnd: table('onElementEnd'), onValue: table('onValue') };
    if (shapes.size < KEPT_SHAPES) shapes.set(shape, tables);
    return tables;
  };
  return { rules, facts, quiet, elementRules, hookTables };
}
