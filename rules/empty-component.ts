// empty-component: a component with no settings in a pass where it is not applied: nothing is lost, but it is dead weight.
import { defineRule } from '../src/engine/rule.js';
import type { BoundComponent } from '../src/binder/bind.js';
import { passList, placedComponent } from './_helpers/pass-placement.js';

export default defineRule({
  meta: {
    id: 'empty-component',
    summary: 'No empty component in a pass where Setup does not apply that component',
    category: 'correctness',
    severity: 'warn',
    messages: {
      empty: (d: { name: string; pass: string; valid: string }) =>
        `component "${d.name}" holds no settings and is not applied in pass "${d.pass}"; remove it (valid: ${d.valid})`,
    },
  },
  create(ctx) {
    let open: { node: BoundComponent; children: number } | undefined;
    return {
      onComponent(node) {
        const placed = placedComponent(node);
        open = placed && placed.passes.length > 0 && !placed.passes.includes(placed.pass) ? { node, children: 0 } : undefined;
      },
      onComponentEnd(node) {
        const placed = placedComponent(node);
        // Nothing is lost when an empty component is misplaced, and no report shows Setup stopping on one.
        if (!open || open.node !== node || node.element.childCount > 0 || !placed) return;
        open = undefined;
        const range = node.attrs['name']?.valueRange ?? node.element.nameRange;
        ctx.report('empty', range, { name: placed.name, pass: placed.pass, valid: passList(placed.passes) });
      },
    };
  },
});
