// Small questions cross-setting rules ask of answer-model facts.
import type { Fact } from '../../src/engine/model.js';

/** A value a rule can reason about: typed (valid for its type) and not a template token; the value rules report the rest. */
export const readable = (f: Fact): boolean => !f.placeholder && f.value !== undefined;

/** Both facts sit in component blocks for the same architecture (blocks for others are alternatives, see mixed-architecture). */
export const sameArchitecture = (a: Fact, b: Fact): boolean =>
  a.component.identity.processorArchitecture.toLowerCase() === b.component.identity.processorArchitecture.toLowerCase();
