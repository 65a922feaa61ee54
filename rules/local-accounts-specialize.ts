// local-accounts-specialize: UserAccounts/LocalAccounts in specialize, where the reference's pass table and its best-practices page disagree.
import { defineRule } from '../src/engine/rule.js';
import type { BoundElement } from '../src/binder/bind.js';
import { contradictedPlacement, passList, placedComponent, suggestedPass } from './_helpers/pass-placement.js';

const USER_ACCOUNTS = 'Microsoft-Windows-Shell-Setup/UserAccounts';

export default defineRule({
  meta: {
    id: 'local-accounts-specialize',
    summary: 'UserAccounts holding only LocalAccounts is placed in oobeSystem or auditSystem, as its reference page lists, not specialize',
    category: 'correctness',
    severity: 'warn',
    // UserAccounts and its children: what decides between the contradiction and setting-pass's plain misplacement.
    settings: (s) => s.key === USER_ACCOUNTS || s.parent?.key === USER_ACCOUNTS,
    messages: {
      contradicted: (d: { name: string; pass: string; valid: string; target: string }) =>
        `<${d.name}> in pass "${d.pass}": its reference page lists only ${d.valid}, while Microsoft's best-practices page ` +
        `shows LocalAccounts in specialize; prefer pass "${d.target}" unless you have tested this`,
    },
  },
  create(ctx) {
    let open: { node: BoundElement; children: string[] } | undefined;
    let applied = false;
    return {
      onComponent(node) {
        const placed = placedComponent(node);
        // A component that is not applied in this pass at all is component-pass's finding.
        applied = !!placed && (placed.passes.length === 0 || placed.passes.includes(placed.pass));
      },
      onElement(node) {
        const s = node.binding.setting!;
        if (s.key !== USER_ACCOUNTS) {
          if (open && node.parent === open.node) open.children.push(s.name);
          return;
        }
        const passes = s.record.passes;
        open = applied && node.pass === 'specialize' && !passes.includes('specialize') ? { node, children: [] } : undefined;
      },
      onElementEnd(node) {
        if (!open || open.node !== node) return;
        const { children } = open;
        open = undefined;
        // Anything besides LocalAccounts (an unknown child included) is a plain misplacement: setting-pass's.
        if (children.length === 0 || children.length !== node.childCount || !children.every((c) => contradictedPlacement('Microsoft-Windows-Shell-Setup', ['UserAccounts', c], 'specialize'))) return;
        const passes = node.binding.setting!.record.passes;
        ctx.report('contradicted', node.nameRange, { name: node.local, pass: node.pass!, valid: passList(passes), target: suggestedPass(passes) });
      },
    };
  },
});
