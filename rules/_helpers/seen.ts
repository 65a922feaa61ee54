// First occurrences of keys per open parent element, for the rules that say "first defined at line N".
import type { Range } from '../../src/types.js';
import { templateBranchBetween } from './placeholders.js';

export interface Seen<P> {
  /**
   * Where `key` was first seen under `parent`, if this is a repeat; records `range` when it is new.
   * Two occurrences with a template conditional between them are alternatives, not a repeat.
   */
  repeatOf(parent: P, key: string, range: Range): Range | undefined;
  /** Forgets a parent once it closes, so memory follows the open elements, not the file. */
  drop(parent: P): void;
}

export function createSeen<P>(text: string): Seen<P> {
  const byParent = new Map<P, Map<string, Range>>();
  return {
    repeatOf(parent, key, range) {
      let keys = byParent.get(parent);
      if (!keys) byParent.set(parent, (keys = new Map()));
      const first = keys.get(key);
      if (!first) keys.set(key, range);
      return first && !templateBranchBetween(text, first.end, range.start) ? first : undefined;
    },
    drop(parent) {
      byParent.delete(parent);
    },
  };
}
