// generalize-content: what identifies one machine (name, domain join, network, product key) is never applied in generalize.
import { defineRule } from '../src/engine/rule.js';
import type { BoundComponent } from '../src/binder/bind.js';
import { componentLostInGeneralize, settingLostInGeneralize } from './_helpers/generalize.js';
import { suggestedPass } from './_helpers/pass-placement.js';

export default defineRule({
  meta: {
    id: 'generalize-content',
    summary: 'No computer name, domain join, network settings or product key in the generalize pass, which removes them: they belong to specialize',
    category: 'correctness',
    severity: 'error',
    // Top-level settings: a component counts once it holds one (an empty one is empty-component's).
    settings: (s) => !s.parent,
    messages: {
      component: (d: { name: string; why: string }) =>
        `component "${d.name}" is not applied in pass "generalize": ${d.why}; move it to pass "specialize"`,
      componentElsewhere: (d: { name: string; why: string; moves: string }) =>
        `component "${d.name}" is not applied in pass "generalize": ${d.why}; move ${d.moves}`,
      setting: (d: { name: string; why: string }) => `<${d.name}> is not applied in pass "generalize": ${d.why}; move it to pass "specialize"`,
    },
  },
  create(ctx) {
    // The component being read, once one of its top-level settings is lost in generalize: reported at its end, with
    // where each of its settings goes (specialize for most; OfflineIdentification only applies in offlineServicing).
    let lost: { c: BoundComponent; name: string; why: string; targets: Map<string, string> } | undefined;
    return {
      onElement(el) {
        const s = el.binding.setting;
        const c = el.component;
        if (!s || !c || el.pass !== 'generalize') return;
        const setting = settingLostInGeneralize(s.key, el.pass);
        if (setting) return ctx.report('setting', el.nameRange, { name: s.name, why: setting });
        if (lost?.c !== c) {
          const why = componentLostInGeneralize(s.component.name, el.pass);
          if (!why) return;
          lost = { c, name: s.component.name, why, targets: new Map() };
        }
        const passes = s.record.passes;
        const target = s.record.passesInferred || passes.length === 0 || passes.includes('specialize') ? 'specialize' : suggestedPass(passes);
        lost.targets.set(s.name, target);
      },
      onComponentEnd(node) {
        if (lost?.c !== node) return;
        const { c, name, why, targets } = lost;
        lost = undefined;
        const range = c.attrs['name']?.valueRange ?? c.element.nameRange;
        if ([...targets.values()].every((t) => t === 'specialize')) return ctx.report('component', range, { name, why });
        const moves = [...targets].map(([setting, t]) => `<${setting}> to pass "${t}"`).join(', ');
        ctx.report('componentElsewhere', range, { name, why, moves });
      },
    };
  },
});
