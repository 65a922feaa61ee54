// Small questions cross-setting rules ask of answer-model facts.
import type { Fact } from '../../src/engine/model.js';
import { removes } from './lists.js';

/** A value a rule can reason about: typed (valid for its type) and not a template token; the value rules report the rest. */
export const readable = (f: Fact): boolean => !f.placeholder && f.value !== undefined;

/** A value that names something: not empty and not a template token (those are other rules' findings). */
export const named = (f: Fact | undefined): f is Fact => !!f && !f.placeholder && !!f.text?.trim();

/** Where a fact applies: its pass and architecture. Blocks for other passes or architectures are alternatives, never compared. */
export const scopeOf = (f: Fact): string => `${f.pass ?? ''}\0${f.component.identity.processorArchitecture.trim().toLowerCase()}`;

/** Both facts apply in the same pass and architecture. */
export const sameScope = (a: Fact, b: Fact): boolean => scopeOf(a) === scopeOf(b);

/** Both facts sit in component blocks for the same architecture (blocks for others are alternatives, see mixed-architecture). */
export const sameArchitecture = (a: Fact, b: Fact): boolean =>
  a.component.identity.processorArchitecture.toLowerCase() === b.component.identity.processorArchitecture.toLowerCase();

/** The fact is in a list item that is removed (wcm:action="remove"): it configures nothing. */
export const inRemovedItem = (f: Fact): boolean => removes(f.item?.action);
