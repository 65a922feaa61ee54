// Disks and the image to install are read by Windows Setup in windowsPE only: where the file's scenario never runs
// that pass (a sysprep file with a leftover windowsPE block), pass-not-run says so once and the disk and image rules
// judge nothing that Setup never reads.
import type { RuleContext } from '../../src/engine/rule.js';
import type { AnswerModel } from '../../src/engine/model.js';
import { SCENARIO_FACTS, scenarioOf } from '../../src/engine/scenario.js';

/** The facts a rule adds to its own to ask windowsPENeverRuns. */
export const WINDOWS_PE_FACTS = SCENARIO_FACTS;

/** Whether the file's scenario (settings.scenario, or inferred) never runs the windowsPE pass. */
export function windowsPENeverRuns(ctx: Pick<RuleContext, 'filePath' | 'settings'>, model: AnswerModel): boolean {
  return scenarioOf(model, ctx.filePath, ctx.settings['scenario'])?.notRun('windowsPE') !== undefined;
}
