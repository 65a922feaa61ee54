// local-accounts-specialize: UserAccounts/LocalAccounts in specialize, where the reference's pass table and its best-practices page disagree.
import { defineRule } from '../src/engine/rule.js';
import { passList, suggestedPass } from './_helpers/pass-placement.js';
import { placementVisitor } from './_helpers/setting-placement.js';

export default defineRule({
  meta: {
    id: 'local-accounts-specialize',
    summary: 'UserAccounts holding only LocalAccounts is placed in oobeSystem or auditSystem, as its reference page lists, not specialize',
    category: 'correctness',
    severity: 'warn',
    messages: {
      contradicted: (d: { name: string; pass: string; valid: string; target: string }) =>
        `<${d.name}> in pass "${d.pass}": its reference page lists only ${d.valid}, while Microsoft's best-practices page ` +
        `shows LocalAccounts in specialize; prefer pass "${d.target}" unless you have tested this`,
    },
  },
  create(ctx) {
    return placementVisitor(({ kind, node, setting }) => {
      if (kind !== 'contradicted') return;
      const passes = setting.record.passes;
      ctx.report('contradicted', node.nameRange, { name: node.local, pass: node.pass!, valid: passList(passes), target: suggestedPass(passes) });
    });
  },
});
