// The answer model: the facts cross-setting rules asked for, collected in the streaming pass and queried at the end.
import { CPI_NS, type ComponentIdentity } from '../parser/events.js';
import type { BoundElement, BoundValue } from '../binder/bind.js';
import type { SettingKey } from '../kb/setting-keys.js';
import type { ValueType } from '../kb/types.js';
import type { Range } from '../types.js';
import { firstStartingAt } from '../util/sorted.js';

/** The component occurrence a fact sits in (one object per <component> element, shared by its facts). */
export interface FactComponent {
  /** The knowledge base's spelling of the name. */
  readonly name: string;
  readonly identity: ComponentIdentity;
  readonly pass: string | undefined;
  /** The name attribute's value (or the start tag's name when it has none). */
  readonly range: Range;
}

/** A list item a fact sits in (or is). */
export interface FactItem {
  readonly id: number;
  readonly key: SettingKey;
  /** The item's key (wcm:keyValue or its key element's text), once read; undefined when it has none. */
  readonly itemKey: string | undefined;
  readonly keyRange: Range | undefined;
  /** The item's start-tag name. */
  readonly range: Range;
  /** The item's wcm:action as written ("add", "modify", "remove"), if any. */
  readonly action: string | undefined;
}

/** One occurrence of a setting, as plain data (no parser objects), so that facts of several files can be read together. */
export interface Fact {
  readonly key: SettingKey;
  readonly pass: string | undefined;
  readonly component: FactComponent;
  /** The nearest list item enclosing the element, or the element itself when it is a list item. */
  readonly item: FactItem | undefined;
  /** The start tag's name. */
  readonly range: Range;
  /** The whole element, through its end tag. */
  readonly elementRange: Range;
  /** The text of a leaf or of a list item without child elements (entities resolved, not trimmed); undefined for containers. */
  readonly text: string | undefined;
  readonly valueRange: Range | undefined;
  /**
   * The value typed by the knowledge base: boolean, integer, the documented spelling of an enumeration value,
   * or the text of a string; undefined when the value is not valid for its type (the value rules report that).
   */
  readonly value: boolean | number | string | undefined;
  readonly secret: boolean;
  readonly placeholder: boolean;
  /** The element's wcm:action as written ("add", "modify", "remove"), if any. */
  readonly action: string | undefined;
}

/** A <settings> block: the pass as written, where, and how many components it holds. */
export interface PassBlock {
  readonly pass: string | undefined;
  /** The pass attribute's value (the start tag's name when it has none). */
  readonly range: Range;
  /** The whole block, through its end tag. */
  readonly elementRange: Range;
  readonly components: number;
}

export interface AnswerModel {
  /** The file's <settings> blocks in document order (collected whenever some enabled rule reads facts). */
  readonly passes: readonly PassBlock[];
  /** The start-tag name of the file's first <servicing> block, if it has one. */
  readonly servicing: Range | undefined;
  /**
   * The cpi:source attributes of the file's <cpi:offlineImage> elements (Windows SIM's note of the image the file was
   * authored against, outside the settings), in document order: the value (entities resolved) and where it is written.
   */
  readonly offlineImages: readonly { readonly value: string; readonly range: Range }[];
  /** Every fact of a key, in document order ([] when the file has none or no enabled rule asked for it). */
  all(key: SettingKey): readonly Fact[];
  /** The first fact of a key, optionally in one pass. */
  first(key: SettingKey, pass?: string): Fact | undefined;
  /** Facts of `key` inside `parent`'s element (a list item's children, a container's settings), in document order. */
  within(parent: Fact, key: SettingKey): readonly Fact[];
  /** The first fact of `key` inside `parent`. */
  child(parent: Fact, key: SettingKey): Fact | undefined;
  /**
   * What `make` works out from this file's model, made once however many rules ask (the scenario, the target
   * release, the disk layout). One name, one meaning: the value must depend on the model and the file alone.
   */
  memo<T>(name: string, make: () => T): T;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const INTEGER = /^-?\d{1,15}$/;

/** The typed value of a leaf's text, or undefined when it is not valid for its type. */
export function typedValue(type: ValueType | undefined, text: string): boolean | number | string | undefined {
  const core = text.trim();
  if (!type || type.type === 'string') return text;
  if (type.type === 'boolean') {
    const lower = core.toLowerCase();
    return lower === 'true' ? true : lower === 'false' ? false : undefined;
  }
  if (type.type === 'integer') {
    if (!INTEGER.test(core)) return undefined;
    const n = Number(core);
    return (type.min !== undefined && n < type.min) || (type.max !== undefined && n > type.max) ? undefined : n;
  }
  return type.values.find((v) => v.toLowerCase() === core.toLowerCase());
}

export interface ModelCollector {
  element(el: BoundElement): void;
  value(v: BoundValue): void;
  elementEnd(el: BoundElement): void;
  model(): AnswerModel;
}

/** Collects facts for the setting ids in `wanted` (indexed by setting node id) and nothing else. */
export function createCollector(wanted: ReadonlySet<number>): ModelCollector {
  const byKey = new Map<string, Fact[]>();
  // The fact of the open element at each depth (undefined where that element is no fact): no map per element.
  const open: (Mutable<Fact> | undefined)[] = [];
  const components = new WeakMap<object, FactComponent>();
  const items = new Map<number, Mutable<FactItem>>();
  const passes: Mutable<PassBlock>[] = [];
  let openBlock: BoundElement | undefined;
  let servicing: Range | undefined;
  const offlineImages: { value: string; range: Range }[] = [];

  /** The envelope outline: a few elements per file, so always kept. */
  const outline = (el: BoundElement): void => {
    if (el.role === 'settings') {
      const attr = el.attributes.find((a) => a.local === 'pass' && a.prefix === '');
      passes.push({ pass: el.pass, range: attr?.valueRange ?? el.nameRange, elementRange: el.range, components: 0 });
      openBlock = el;
    } else if (el.role === 'component' && el.parent === openBlock && passes.length > 0) {
      passes[passes.length - 1]!.components++;
    } else if (el.role === 'servicing') {
      servicing ??= el.nameRange;
    } else if (el.role === 'foreign' && el.local === 'offlineImage' && el.uri === CPI_NS) {
      // Its source attribute is written with the element's own prefix.
      const source = el.attributes.find((a) => a.local === 'source' && a.uri === CPI_NS && a.prefix === el.prefix);
      if (source) offlineImages.push({ value: source.value, range: source.valueRange });
    }
  };

  const componentOf = (el: BoundElement): FactComponent => {
    const c = el.component!;
    let fc = components.get(c);
    if (!fc) {
      fc = {
        name: el.binding.component?.name ?? c.identity.name,
        identity: c.identity,
        pass: c.pass,
        range: c.attrs['name']?.valueRange ?? c.element.nameRange,
      };
      components.set(c, fc);
    }
    return fc;
  };

  const itemOf = (el: BoundElement): FactItem | undefined => {
    const item = el.binding.item;
    if (!item) return undefined;
    let fi = items.get(item.id);
    if (!fi) {
      fi = { id: item.id, key: item.node.key, itemKey: item.key, keyRange: item.keyRange, range: item.element.nameRange, action: item.element.action };
      items.set(item.id, fi);
    }
    return fi;
  };

  return {
    element(el) {
      if (el.role !== 'setting') {
        open[el.depth] = undefined;
        return outline(el);
      }
      const s = el.binding.setting;
      if (!s || !wanted.has(s.id) || !el.component) {
        open[el.depth] = undefined;
        return;
      }
      const fact: Mutable<Fact> = {
        key: s.key,
        pass: el.pass,
        component: componentOf(el),
        item: itemOf(el),
        range: el.nameRange,
        elementRange: el.range,
        text: undefined,
        valueRange: undefined,
        value: undefined,
        secret: el.binding.secret,
        placeholder: false,
        action: el.action,
      };
      open[el.depth] = fact;
      let list = byKey.get(s.key);
      if (!list) byKey.set(s.key, (list = []));
      list.push(fact);
    },
    value(v) {
      const fact = open[v.element.depth];
      const s = v.element.binding.setting;
      // Leaves, and list items that hold text (an IpAddress, a DomainName): value events come only for elements without children.
      if (!fact || !s || (s.record.kind !== 'leaf' && s.record.kind !== 'listItem')) return;
      fact.text = v.text;
      fact.valueRange = v.range;
      fact.placeholder = v.element.binding.placeholder;
      fact.value = fact.placeholder ? undefined : typedValue(s.record.value, v.text);
    },
    elementEnd(el) {
      if (el === openBlock) {
        passes[passes.length - 1]!.elementRange = el.fullRange ?? el.range;
        openBlock = undefined;
      }
      const fact = open[el.depth];
      if (fact) {
        fact.elementRange = el.fullRange ?? el.range;
        open[el.depth] = undefined;
      }
      // Keys are read inside the item: refresh the item's record when the item closes.
      const item = el.binding.item;
      if (item && item.element === el) {
        const fi = items.get(item.id);
        if (fi) {
          fi.itemKey = item.key;
          fi.keyRange = item.keyRange;
        }
      }
    },
    model: () => answerModel(byKey, passes, servicing, offlineImages),
  };
}

/** The model of a file whose rules read no facts (one for all such files). */
export const EMPTY_MODEL: AnswerModel = answerModel(new Map(), [], undefined, [], true);

function answerModel(
  byKey: ReadonlyMap<string, readonly Fact[]>,
  passes: readonly PassBlock[],
  servicing: Range | undefined,
  offlineImages: AnswerModel['offlineImages'],
  shared = false,
): AnswerModel {
  const memos = new Map<string, unknown>();
  const none: readonly Fact[] = Object.freeze([]);
  const all = (key: SettingKey): readonly Fact[] => byKey.get(key) ?? none;
  const within = (parent: Fact, key: SettingKey): readonly Fact[] => {
    const list = all(key);
    const end = parent.elementRange.end;
    const out: Fact[] = [];
    // Facts are in document order: the first at or after the parent's start is found by binary search.
    for (let i = firstStartingAt(list, parent.elementRange.start); i < list.length && list[i]!.range.start < end; i++) if (list[i] !== parent) out.push(list[i]!);
    return out;
  };
  const child = (parent: Fact, key: SettingKey): Fact | undefined => {
    const list = all(key);
    let i = firstStartingAt(list, parent.elementRange.start);
    if (list[i] === parent) i++;
    return i < list.length && list[i]!.range.start < parent.elementRange.end ? list[i] : undefined;
  };
  return {
    passes,
    servicing,
    offlineImages,
    all,
    first: (key, pass) => all(key).find((f) => pass === undefined || f.pass === pass),
    within,
    child,
    // The empty model is shared by every file whose rules read no facts: nothing is kept on it.
    memo: <T>(name: string, make: () => T): T => {
      if (shared) return make();
      if (!memos.has(name)) memos.set(name, make());
      return memos.get(name) as T;
    },
  };
}
