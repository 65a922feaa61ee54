// Settings placed in a pass their reference page does not list (setting-pass), leaving the documented contradiction to local-accounts-specialize.
import type { Visitor } from '../../src/engine/rule.js';
import type { BoundElement } from '../../src/binder/bind.js';
import type { SettingNode } from '../../src/kb/tree.js';
import { contradictedPlacement, holdsContradiction, placedComponent } from './pass-placement.js';

export interface Misplaced {
  node: BoundElement;
  setting: SettingNode;
}

/**
 * Per open element: 'ok' (children are checked), 'done' when reported or below something reported, or a set of the
 * child names of UserAccounts in specialize, which waits for its component's end: with LocalAccounts only it is the
 * documented contradiction, otherwise a plain misplacement.
 */
type State = 'ok' | 'done' | Set<string>;

export function placementVisitor(found: (m: Misplaced) => void): Visitor {
  // The state of the element last opened at each depth: for an element, its parent's is the one at depth - 1. No
  // end-tag hook is needed for every element.
  const states: State[] = [];
  // UserAccounts elements waiting for their component's end, with the names of their children.
  let waiting: { node: BoundElement; setting: SettingNode; children: Set<string> }[] = [];
  let applied = false;

  const check = (node: BoundElement, parent: State): State => {
    if (parent === 'done' || !applied) return 'done';
    if (parent instanceof Set) {
      parent.add(node.binding.setting?.name ?? node.local);
      return 'done';
    }
    const s = node.binding.setting;
    if (!s) return 'done';
    const record = s.record;
    // Passes copied from an ancestor or the component, or none at all, are no evidence against a pass.
    if (record.passesInferred || record.passes.length === 0 || record.passes.includes(node.pass!)) return 'ok';
    const path = s.key.slice(s.component.name.length + 1).split('/');
    if (holdsContradiction(s.component.name, path, node.pass!)) {
      const children = new Set<string>();
      waiting.push({ node, setting: s, children });
      return children;
    }
    found({ node, setting: s });
    return 'done';
  };

  return {
    onComponent(node) {
      const placed = placedComponent(node);
      // A component that is not applied in this pass at all is component-pass's finding.
      applied = !!placed && (placed.passes.length === 0 || placed.passes.includes(placed.pass));
    },
    onElement(node) {
      const parent = node.depth > 0 ? states[node.depth - 1]! : 'done';
      states[node.depth] = node.role === 'component' ? 'ok' : node.role === 'setting' && node.parent ? check(node, parent) : 'done';
    },
    onComponentEnd() {
      for (const { node, setting: s, children } of waiting) {
        const path = s.key.slice(s.component.name.length + 1).split('/');
        // UserAccounts holding only LocalAccounts is local-accounts-specialize's; anything else is misplaced.
        const onlyLocal = children.size > 0 && [...children].every((c) => contradictedPlacement(s.component.name, [...path, c], node.pass!));
        if (!onlyLocal) found({ node, setting: s });
      }
      waiting = [];
    },
  };
}
