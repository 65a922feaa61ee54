// name-case: a setting or component name written in other letter case than the reference writes it.
import { defineRule } from '../src/engine/rule.js';

interface Options {
  components: boolean;
}

export default defineRule({
  meta: {
    id: 'name-case',
    summary: 'Setting names (and, with an option, component names) are written in the letter case the reference uses',
    elements: ['case'],
    category: 'correctness',
    severity: 'warn',
    messages: {
      setting: (d: { name: string; canonical: string }) => `<${d.name}> differs only in case from the documented <${d.canonical}>; write <${d.canonical}>`,
      component: (d: { name: string; canonical: string }) =>
        `component "${d.name}" differs only in case from "${d.canonical}"; Setup accepts it, the reference writes "${d.canonical}"`,
    },
    schema: {
      type: 'object',
      properties: {
        components: {
          type: 'boolean',
          description: 'Also report component names that differ only in case (Setup resolves them without regard to case, so off by default)',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { components: false } as Options,
  },
  create(ctx) {
    return {
      onElement(node) {
        if (node.binding.status !== 'case') return;
        if (node.role === 'setting') {
          ctx.report('setting', node.nameRange, { name: node.local, canonical: node.binding.setting!.name });
        } else if (node.role === 'component' && ctx.options.components) {
          const c = node.component!;
          const range = c.attrs['name']?.valueRange ?? node.nameRange;
          ctx.report('component', range, { name: c.identity.name, canonical: node.binding.component!.name });
        }
      },
    };
  },
});
