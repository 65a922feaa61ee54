// generalize-content: what identifies one machine (name, domain join, network, product key) is never applied in generalize.
import { defineRule } from '../src/engine/rule.js';
import type { BoundComponent } from '../src/binder/bind.js';
import { componentLostInGeneralize, settingLostInGeneralize } from './_helpers/generalize.js';

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
      setting: (d: { name: string; why: string }) => `<${d.name}> is not applied in pass "generalize": ${d.why}; move it to pass "specialize"`,
    },
  },
  create(ctx) {
    const reported = new Set<BoundComponent>();
    return {
      onElement(el) {
        const s = el.binding.setting;
        const c = el.component;
        if (!s || !c || el.pass !== 'generalize') return;
        const setting = settingLostInGeneralize(s.key, el.pass);
        if (setting) return ctx.report('setting', el.nameRange, { name: s.name, why: setting });
        const component = componentLostInGeneralize(s.component.name, el.pass);
        if (component && !reported.has(c)) {
          reported.add(c);
          ctx.report('component', c.attrs['name']?.valueRange ?? c.element.nameRange, { name: s.component.name, why: component });
        }
      },
    };
  },
});
