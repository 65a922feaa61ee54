// setting-pass: a setting in a pass its reference page does not list is not applied there (or fails Setup).
import { defineRule } from '../src/engine/rule.js';
import type { ElementNode } from '../src/parser/events.js';
import { resolveChild } from './_helpers/kb-names.js';
import { contradictedPlacement, holdsContradiction, passList, placedComponent, settingTwin, suggestedPass } from './_helpers/pass-placement.js';

type Placement = { name: string; pass: string; valid: string; target: string };

const messages = {
  wrongPass: (d: Placement) => `<${d.name}> is not applied in pass "${d.pass}"; move it to pass "${d.target}" (valid: ${d.valid})`,
  twin: (d: Placement & { hint: string }) =>
    `<${d.name}> is not applied in pass "${d.pass}"; ${d.hint}, or move it to pass "${d.target}" (valid: ${d.valid})`,
  contradicted: (d: Placement) =>
    `<${d.name}> in pass "${d.pass}": its reference page lists only ${d.valid}, while Microsoft's best-practices page ` +
    `shows LocalAccounts in specialize; prefer pass "${d.target}" unless you have tested this`,
};

/**
 * An open element: its documented path (children are checked), or 'done' when it is reported, unknown or
 * below something reported. UserAccounts in specialize waits for its end tag: with LocalAccounts only it
 * is the documented contradiction (a warning), otherwise a plain misplacement.
 */
type State = { path: string[]; children?: Set<string> } | 'done';

export default defineRule<typeof messages>({
  meta: {
    id: 'setting-pass',
    summary: 'Every setting is placed in a pass its reference page lists, within a component that is applied in that pass',
    category: 'correctness',
    severity: 'error',
    messages,
  },
  create(ctx) {
    const states = new Map<ElementNode, State>();
    let component: string | undefined;

    const report = (node: ElementNode, path: string[], passes: readonly string[]): void => {
      const pass = node.pass!;
      const data = { name: node.local, pass, valid: passList(passes), target: suggestedPass(passes) };
      const hint = settingTwin(component!, path, pass);
      if (hint) ctx.report('twin', node.nameRange, { ...data, hint });
      else ctx.report('wrongPass', node.nameRange, data);
    };

    const check = (node: ElementNode, parent: State): State => {
      if (parent === 'done' || !component) return 'done';
      if (parent.children) {
        parent.children.add(node.local);
        return 'done';
      }
      const child = resolveChild(ctx.kb, component, parent.path, node.local);
      if (!child) return 'done';
      const path = [...parent.path, child.name];
      const record = ctx.kb.setting(component, path)!;
      // Passes copied from an ancestor or the component, or none at all, are no evidence against a pass.
      if (record.passesInferred || record.passes.length === 0 || record.passes.includes(node.pass!)) return { path };
      if (holdsContradiction(component, path, node.pass!)) return { path, children: new Set() };
      report(node, path, record.passes);
      return 'done';
    };

    return {
      onComponent(node) {
        const placed = placedComponent(ctx.kb, node);
        // A component that is not applied in this pass at all is component-pass's finding.
        component = placed && (placed.passes.length === 0 || placed.passes.includes(placed.pass)) ? placed.name : undefined;
      },
      onElement(node) {
        if (node.role === 'component') states.set(node, { path: [] });
        else if (node.role === 'setting' && node.parent) states.set(node, check(node, states.get(node.parent) ?? 'done'));
      },
      onElementEnd(node) {
        const state = states.get(node);
        states.delete(node);
        if (state === 'done' || !state?.children || !component) return;
        const passes = ctx.kb.setting(component, state.path)!.passes;
        const onlyLocal = state.children.size > 0 && [...state.children].every((c) => contradictedPlacement(component!, [...state.path, c], node.pass!));
        if (!onlyLocal) return report(node, state.path, passes);
        const data = { name: node.local, pass: node.pass!, valid: passList(passes), target: suggestedPass(passes) };
        ctx.report('contradicted', node.nameRange, data, { severity: 'warn' });
      },
    };
  },
});
