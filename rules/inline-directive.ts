// Inline directives that suppress nothing or name unknown rules; the engine finds them after all rules ran.
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'inline-directive',
    summary: 'Inline disable directives suppress a finding and name known rules',
    category: 'style',
    severity: 'warn',
    // The engine reports these itself (it must know every other rule's findings first);
    // this entry carries the metadata and the severity users configure.
    messages: {},
  },
  create: () => ({}),
});
