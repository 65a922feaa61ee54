// setting-pass: a setting in a pass its reference page does not list is not applied there (or fails Setup).
import { defineRule } from '../src/engine/rule.js';
import { passList, settingTwin, suggestedPass } from './_helpers/pass-placement.js';
import { placementVisitor } from './_helpers/setting-placement.js';
import { settingLostInGeneralize } from './_helpers/generalize.js';

type Placement = { name: string; pass: string; valid: string; target: string };

const messages = {
  wrongPass: (d: Placement) => `<${d.name}> is not applied in pass "${d.pass}"; move it to pass "${d.target}" (valid: ${d.valid})`,
  twin: (d: Placement & { hint: string }) =>
    `<${d.name}> is not applied in pass "${d.pass}"; ${d.hint}, or move it to pass "${d.target}" (valid: ${d.valid})`,
};

export default defineRule<typeof messages>({
  meta: {
    id: 'setting-pass',
    summary: 'Every setting is placed in a pass its reference page lists, within a component that is applied in that pass',
    category: 'correctness',
    severity: 'error',
    messages,
  },
  create(ctx) {
    return placementVisitor(({ node, setting }) => {
      const passes = setting.record.passes;
      const pass = node.pass!;
      // Per-machine settings in generalize are generalize-content's.
      if (settingLostInGeneralize(setting.key, pass)) return;
      const data = { name: node.local, pass, valid: passList(passes), target: suggestedPass(passes) };
      const path = setting.key.slice(setting.component.name.length + 1).split('/');
      const hint = settingTwin(setting.component.name, path, pass);
      if (hint) ctx.report('twin', node.nameRange, { ...data, hint });
      else ctx.report('wrongPass', node.nameRange, data);
    });
  },
});
