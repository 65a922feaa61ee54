// component-pass: a component declared in a pass none of its settings is applied in is ignored or fails there.
import { defineRule } from '../src/engine/rule.js';
import type { ComponentNode } from '../src/parser/events.js';
import { componentTwin, passList, placedComponent, suggestedPass } from './_helpers/pass-placement.js';

type Placement = { name: string; pass: string; valid: string };

const messages = {
  wrongPass: (d: Placement & { target: string }) =>
    `component "${d.name}" has no setting that is applied in pass "${d.pass}"; move it to pass "${d.target}" (valid: ${d.valid})`,
  twin: (d: Placement & { hint: string }) =>
    `component "${d.name}" is not applied in pass "${d.pass}"; ${d.hint} (valid for "${d.name}": ${d.valid})`,
  empty: (d: Placement) => `component "${d.name}" holds no settings and is not applied in pass "${d.pass}"; remove it (valid: ${d.valid})`,
};

/** A misplaced component, kept open until its end tag so the message can name the twin of what it holds. */
interface Pending {
  node: ComponentNode;
  name: string;
  passes: readonly string[];
  topLevel: Set<string>;
  productKey: boolean;
}

export default defineRule<typeof messages>({
  meta: {
    id: 'component-pass',
    summary: 'Every component is declared in a pass where Windows Setup applies at least one of its settings',
    category: 'correctness',
    severity: 'error',
    messages,
  },
  create(ctx) {
    let pending: Pending | undefined;
    return {
      onComponent(node) {
        pending = undefined;
        const placed = placedComponent(ctx.kb, node);
        // No pass data (removed components, names without a page) means no verdict.
        if (!placed || placed.passes.length === 0 || placed.passes.includes(placed.pass)) return;
        pending = { node, name: placed.name, passes: placed.passes, topLevel: new Set(), productKey: false };
      },
      onElement(el) {
        if (!pending || el.role !== 'setting' || el.component !== pending.node) return;
        if (el.path.length === 1) pending.topLevel.add(el.local);
        if (el.path[0] === 'UserData' && el.path[1] === 'ProductKey') pending.productKey = true;
      },
      onComponentEnd(node) {
        if (!pending || pending.node !== node) return;
        const { name, passes, topLevel, productKey } = pending;
        pending = undefined;
        const pass = node.pass!;
        const range = node.attrs.name?.valueRange ?? node.element.nameRange;
        const data = { name, pass, valid: passList(passes) };
        // Nothing is lost when an empty component is misplaced, and no report shows Setup stopping on one.
        if (topLevel.size === 0) return ctx.report('empty', range, data, { severity: 'warn' });
        const hint = componentTwin(name, pass, (s) => topLevel.has(s), productKey);
        if (hint) ctx.report('twin', range, { ...data, hint });
        else ctx.report('wrongPass', range, { ...data, target: suggestedPass(passes) });
      },
    };
  },
});
