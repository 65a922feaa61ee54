// pass-not-run: settings in a configuration pass that Setup never runs in the file's scenario have no effect.
import { defineRule } from '../src/engine/rule.js';
import { SCENARIO_FACTS, scenarioNote, scenarioOf, servicingNotRun } from '../src/engine/scenario.js';

export default defineRule({
  meta: {
    id: 'pass-not-run',
    summary: 'No settings in a pass that never runs in the file\'s scenario (settings.scenario, or inferred)',
    category: 'correctness',
    severity: 'warn',
    facts: SCENARIO_FACTS,
    messages: {
      passNotRun: (d: { pass: string; components: number; why: string; scenario: string }) =>
        `the ${d.components === 1 ? 'component' : `${d.components} components`} in pass "${d.pass}" never ${d.components === 1 ? 'applies' : 'apply'}: ${d.why} ${d.scenario}`,
      servicingNotRun: (d: { why: string; scenario: string }) =>
        `this <servicing> block is never applied: ${d.why} ${d.scenario}`,
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        const scenario = scenarioOf(model, ctx.filePath, ctx.settings['scenario']);
        if (!scenario) return;
        for (const block of model.passes) {
          const why = block.components > 0 && block.pass !== undefined ? scenario.notRun(block.pass) : undefined;
          if (why) ctx.report('passNotRun', block.range, { pass: block.pass!, components: block.components, why, scenario: scenarioNote(scenario) });
        }
        const servicing = model.servicing && servicingNotRun(scenario, model);
        if (servicing) ctx.report('servicingNotRun', model.servicing!, { why: servicing, scenario: scenarioNote(scenario) });
      },
    };
  },
});
