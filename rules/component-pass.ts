// component-pass: a component declared in a pass none of its settings is applied in is ignored or fails there.
import { defineRule } from '../src/engine/rule.js';
import type { BoundComponent } from '../src/binder/bind.js';
import { componentTwin, passList, placedComponent, suggestedPass } from './_helpers/pass-placement.js';
import { componentLostInGeneralize } from './_helpers/generalize.js';

type Placement = { name: string; pass: string; valid: string };

const SETUP_PRODUCT_KEY = 'Microsoft-Windows-Setup/UserData/ProductKey';

const messages = {
  wrongPass: (d: Placement & { target: string }) =>
    `component "${d.name}" has no setting that is applied in pass "${d.pass}"; move it to pass "${d.target}" (valid: ${d.valid})`,
  twin: (d: Placement & { hint: string }) =>
    `component "${d.name}" is not applied in pass "${d.pass}"; ${d.hint} (valid for "${d.name}": ${d.valid})`,
};

/** A misplaced component, kept open until its end tag so the message can name the twin of what it holds. */
interface Pending {
  node: BoundComponent;
  name: string;
  passes: readonly string[];
  /** Documented top-level settings it holds (unknown ones are unknown-setting's, and moving them fixes nothing). */
  topLevel: Set<string>;
  /** Passes where at least one of those settings would apply. */
  applies: Set<string>;
  productKey: boolean;
}

export default defineRule<typeof messages>({
  meta: {
    id: 'component-pass',
    summary: 'Every component is declared in a pass where Windows Setup applies at least one of its settings',
    category: 'correctness',
    severity: 'error',
    // Top-level settings (what decides whether moving the component helps) and the Windows PE product key.
    settings: (s) => !s.parent || s.key === SETUP_PRODUCT_KEY,
    messages,
  },
  create(ctx) {
    let pending: Pending | undefined;
    return {
      onComponent(node) {
        pending = undefined;
        const placed = placedComponent(node);
        // No pass data (removed components, names without a page) means no verdict; per-machine components in
        // generalize are generalize-content's.
        if (!placed || placed.passes.length === 0 || placed.passes.includes(placed.pass) || componentLostInGeneralize(placed.name, placed.pass)) return;
        pending = { node, name: placed.name, passes: placed.passes, topLevel: new Set(), applies: new Set(), productKey: false };
      },
      onElement(el) {
        if (!pending || el.role !== 'setting' || el.component !== pending.node || !el.binding.setting) return;
        const s = el.binding.setting;
        if (!s.parent) {
          pending.topLevel.add(s.name);
          for (const p of s.record.passes.length > 0 ? s.record.passes : pending.passes) pending.applies.add(p);
        }
        if (s.key === SETUP_PRODUCT_KEY) pending.productKey = true;
      },
      onComponentEnd(node) {
        if (!pending || pending.node !== node) return;
        const { name, passes, topLevel, applies, productKey } = pending;
        pending = undefined;
        // An empty component is empty-component's; one holding only unknown settings, or settings that apply in
        // no pass of the component, would not apply when moved: say so only where a move helps.
        const targets = passes.filter((p) => applies.has(p));
        if (topLevel.size === 0 || targets.length === 0) return;
        const pass = node.pass!;
        const range = node.attrs['name']?.valueRange ?? node.element.nameRange;
        const data = { name, pass, valid: passList(passes) };
        const hint = componentTwin(name, pass, (s) => topLevel.has(s), productKey);
        if (hint) ctx.report('twin', range, { ...data, hint });
        else ctx.report('wrongPass', range, { ...data, target: suggestedPass(targets) });
      },
    };
  },
});
