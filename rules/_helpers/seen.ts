// First occurrences of keys per open parent element, for the rules that say "first defined at line N".
import type { Range } from '../../src/types.js';
import type { RuleContext } from '../../src/engine/rule.js';
import { anyBetween } from '../../src/util/sorted.js';

export interface Seen<P> {
  /**
   * Where `key` was first seen under `parent`, if this is a repeat; records `range` when it is new.
   * Two occurrences with a template conditional between them are alternatives, not a repeat.
   */
  repeatOf(parent: P, key: string, range: Range): Range | undefined;
  /** Forgets a parent once it closes, so memory follows the open elements, not the file. */
  drop(parent: P): void;
}

export function createSeen<P>(ctx: Pick<RuleContext, 'conditionals'>): Seen<P> {
  const byParent = new Map<P, Map<string, Range>>();
  return {
    repeatOf(parent, key, range) {
      let keys = byParent.get(parent);
      if (!keys) byParent.set(parent, (keys = new Map()));
      const first = keys.get(key);
      if (!first) keys.set(key, range);
      // The file's template conditionals are found once, and only if a key repeats: the test is then a binary search.
      return first && !alternatives(ctx, first, range) ? first : undefined;
    },
    drop(parent) {
      // Called for every element that closes, most of which were never a parent here.
      if (byParent.size > 0) byParent.delete(parent);
    },
  };
}

/**
 * Whether two ranges of a file are alternatives of a template: a conditional ({% if %} … {% else %}) lies between
 * them, so a rendered file may hold only one of them.
 */
export function alternatives(ctx: Pick<RuleContext, 'conditionals'>, a: Range, b: Range): boolean {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  return first.end < second.start && anyBetween(ctx.conditionals(), first.end, second.start);
}
