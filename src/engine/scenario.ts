// The scenario: how an answer file is used (installation media, sysprep, audit mode, DISM), which passes Setup then
// runs and in which order — from settings.scenario, or inferred from the passes present, their content and the file name.
import { PASS_NAMES, type PassName } from '../parser/events.js';
import type { SettingKey } from '../kb/setting-keys.js';
import type { AnswerModel } from './model.js';

export const SCENARIOS = ['media', 'sysprep-generalize', 'sysprep-oobe', 'audit', 'offline'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** What each scenario is, in the words of a deployment engineer. */
export const SCENARIO_DESCRIPTIONS: Readonly<Record<ScenarioName, string>> = {
  media: 'Windows Setup from installation media (Autounattend.xml, or setup.exe /unattend)',
  'sysprep-generalize': 'the file given to sysprep /generalize /oobe or /generalize /audit, and deployed with the image',
  'sysprep-oobe': 'the file given to sysprep /oobe, without /generalize',
  audit: 'the file given to sysprep /audit',
  offline: 'DISM /Image:… /Apply-Unattend, servicing an offline image',
};

/** What the scenario was decided from. */
export type ScenarioBasis = 'config' | 'windowsPE' | 'offline' | 'generalize' | 'specialize' | 'audit' | 'oobeSystem';

const RESEAL_MODE = 'Microsoft-Windows-Deployment/Reseal/Mode';
const GENERALIZE = 'Microsoft-Windows-Deployment/Generalize';

/** The facts the scenario is read from: a rule that asks for the scenario adds these to its meta.facts. */
export const SCENARIO_FACTS: readonly SettingKey[] = [RESEAL_MODE, GENERALIZE];

export interface PassRun {
  readonly pass: PassName;
  /** When the pass runs only under a condition: what it is; undefined when it always runs. */
  readonly when?: string;
}

export interface Scenario {
  readonly name: ScenarioName;
  readonly basis: ScenarioBasis;
  /** Why this scenario, in words: "the file has a windowsPE pass". */
  readonly reason: string;
  /** "media, inferred from …" or "sysprep-generalize, from settings.scenario": for messages. */
  readonly label: string;
  /** The passes Setup may run, in the order it runs them (a pass may appear twice). */
  readonly runs: readonly PassRun[];
  /** Why `pass` never runs in this scenario; undefined when it runs or may run. */
  notRun(pass: string): string | undefined;
}

/** The note a finding that depends on the scenario ends with: which scenario, from what, and how to change it. */
export function scenarioNote(scenario: Scenario): string {
  return `(scenario ${scenario.label}; set settings.scenario if the file is used otherwise)`;
}

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value);
}

/** The passes that hold at least one component, as written. */
function passesPresent(model: AnswerModel): Set<string> {
  return new Set(model.passes.filter((p) => p.components > 0 && p.pass !== undefined).map((p) => p.pass!));
}

interface Inferred {
  name: ScenarioName;
  basis: ScenarioBasis;
  reason: string;
  /**
   * The file may as well be applied with DISM and read at first boot (only a specialize pass says sysprep, or an
   * offlineServicing pass sits beside the others): its offlineServicing pass is not said never to run.
   */
  weak?: boolean;
}

function infer(present: ReadonlySet<string>, filePath: string, model: AnswerModel): Inferred | undefined {
  // A name that says sysprep outweighs a windowsPE pass copied from an install file: sysprep never runs windowsPE.
  // Autounattend is the name Setup looks for on installation media, so a name with both says media.
  // The last path segment, with either separator (a path may come from Windows or from anywhere else).
  const name = filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
  const sysprepName = /sysprep/i.test(name) && !/autounattend/i.test(name);
  if (present.has('windowsPE') && !sysprepName) {
    return { name: 'media', basis: 'windowsPE', reason: 'the file has a windowsPE pass' };
  }
  const named = sysprepName ? ' and its name says sysprep' : '';
  if ([...present].every((p) => p === 'offlineServicing') && (present.size > 0 || model.servicing)) {
    return { name: 'offline', basis: 'offline', reason: 'the file holds only offlineServicing settings or <servicing>' };
  }
  if (present.has('generalize')) {
    return { name: 'sysprep-generalize', basis: 'generalize', reason: `the file has a generalize pass${named}` };
  }
  if (present.has('specialize')) {
    return {
      name: 'sysprep-generalize',
      basis: 'specialize',
      reason: `the file has a specialize pass${sysprepName ? named : ' and no windowsPE pass'}`,
      weak: !sysprepName,
    };
  }
  // An offlineServicing pass beside the others: the file may be applied with DISM /Apply-Unattend first, and the
  // others read when the image boots, so the offlineServicing pass is not judged (weak).
  const offline = present.has('offlineServicing');
  const andOffline = offline ? ' (and an offlineServicing pass)' : '';
  if (present.has('auditSystem') || present.has('auditUser')) {
    return { name: 'audit', basis: 'audit', reason: `the file's passes are audit-mode passes${andOffline}${named}`, weak: offline };
  }
  if (present.has('oobeSystem')) {
    const pe = present.has('windowsPE') ? ' and a windowsPE pass' : '';
    const only = offline ? `an oobeSystem pass${pe} and an offlineServicing pass only` : pe ? `an oobeSystem pass${pe} only` : 'only an oobeSystem pass';
    return { name: 'sysprep-oobe', basis: 'oobeSystem', reason: `the file has ${only}${named}`, weak: offline };
  }
  return undefined;
}

/**
 * The file's scenario: `setting` is settings.scenario (a scenario name, or "auto"/undefined to infer it). Undefined
 * when it is inferred and the file shows nothing to infer it from (no pass holds a component).
 */
export function scenarioOf(model: AnswerModel, filePath: string, setting: unknown): Scenario | undefined {
  // Every rule that asks about one file asks the same question (one file, one config): answered once.
  return model.memo('scenario', () => decide(model, filePath, setting));
}

function decide(model: AnswerModel, filePath: string, setting: unknown): Scenario | undefined {
  const present = passesPresent(model);
  const chosen: Inferred | undefined = isScenarioName(setting)
    ? { name: setting, basis: 'config', reason: 'settings.scenario says so' }
    : infer(present, filePath, model);
  if (!chosen) return undefined;
  const label = chosen.basis === 'config' ? `${chosen.name}, from settings.scenario` : `${chosen.name}, inferred: ${chosen.reason}`;
  // Made field by field: spreading into a new object is a slow path of the runtime, and this is made per file.
  const { runs, notRun } = passRuns(chosen.name, present, model, !!chosen.weak);
  return { name: chosen.name, basis: chosen.basis, reason: chosen.reason, label, runs, notRun };
}

const mode = (model: AnswerModel, pass: string, value: string): boolean =>
  model.all(RESEAL_MODE).some((f) => f.pass === pass && f.value === value);

/** Which passes run in a scenario, given what the file says about Reseal and Generalize. */
function passRuns(name: ScenarioName, present: ReadonlySet<string>, model: AnswerModel, weak: boolean): Pick<Scenario, 'runs' | 'notRun'> {
  // A templated Mode may render to Audit: the audit passes may then run, and are not called dead.
  const templatedAudit = model.all(RESEAL_MODE).some((f) => f.pass === 'oobeSystem' && f.placeholder);
  const toAudit = mode(model, 'oobeSystem', 'Audit') || templatedAudit;
  const generalizes = model.all(GENERALIZE).some((f) => f.pass === 'auditUser');
  const toOobe = mode(model, 'auditSystem', 'OOBE') || mode(model, 'auditUser', 'OOBE');
  const never: Partial<Record<PassName, string>> = {};
  let runs: PassRun[];
  const sysprepOnly = 'it runs only under sysprep /generalize, and later with this file if it is cached or passed to sysprep /unattend';
  switch (name) {
    case 'media': {
      runs = [{ pass: 'windowsPE' }, { pass: 'offlineServicing' }, { pass: 'generalize', when: sysprepOnly }, { pass: 'specialize' }];
      if (toAudit) {
        const when = templatedAudit && !mode(model, 'oobeSystem', 'Audit') ? 'its Reseal Mode (a template token) may be Audit, which starts audit mode' : 'its Reseal Mode=Audit then starts audit mode';
        runs.push({ pass: 'oobeSystem', when }, { pass: 'auditSystem' }, { pass: 'auditUser' });
        if (generalizes) runs.push({ pass: 'generalize' }, { pass: 'specialize' });
        runs.push({ pass: 'oobeSystem', when: 'after audit mode reseals to OOBE' });
      } else {
        runs.push({ pass: 'oobeSystem' });
        const audit = 'a media install goes from specialize to oobeSystem; the audit passes run only in audit mode, and nothing in this file boots to it (Microsoft-Windows-Deployment Reseal Mode=Audit in oobeSystem)';
        never.auditSystem = audit;
        never.auditUser = audit;
      }
      // Only a configured media scenario gets here without windowsPE (an inferred one needs the pass).
      if (!present.has('windowsPE')) {
        never.specialize = 'Setup ignores a media answer file with no windowsPE pass while it runs windowsPE, and is reported not to act on its specialize pass then: add a windowsPE pass';
      }
      break;
    }
    case 'sysprep-generalize':
      runs = [{ pass: 'generalize' }, { pass: 'specialize' }, { pass: 'oobeSystem', when: 'sysprep /oobe' }, { pass: 'auditSystem', when: 'sysprep /audit' }, { pass: 'auditUser', when: 'sysprep /audit' }];
      never.windowsPE = 'only Setup from installation media runs windowsPE; sysprep never does';
      // A file with only specialize and offlineServicing may be applied with DISM /Apply-Unattend first.
      if (!weak) never.offlineServicing = 'offlineServicing runs when an image is applied or serviced offline, never under sysprep';
      break;
    case 'sysprep-oobe': {
      runs = [{ pass: 'oobeSystem' }];
      // Reseal Mode=Audit in oobeSystem starts audit mode (…-deployment-reseal-mode), as it does after a media install.
      if (toAudit) {
        runs.push({ pass: 'auditSystem' }, { pass: 'auditUser' });
        if (generalizes) runs.push({ pass: 'generalize' }, { pass: 'specialize' });
        runs.push({ pass: 'oobeSystem', when: 'after audit mode reseals to OOBE' });
      }
      const ran = new Set(runs.map((r) => r.pass));
      const why = toAudit
        ? 'sysprep /oobe without /generalize runs the oobeSystem pass, and the audit passes its Reseal Mode=Audit starts'
        : 'sysprep /oobe without /generalize runs only the oobeSystem pass';
      for (const p of PASS_NAMES) {
        if (!ran.has(p) && !(weak && p === 'offlineServicing')) never[p] = why;
      }
      break;
    }
    case 'audit':
      runs = [{ pass: 'auditSystem' }, { pass: 'auditUser' }];
      if (generalizes) runs.push({ pass: 'generalize' }, { pass: 'specialize' });
      else runs.push({ pass: 'generalize', when: sysprepOnly }, { pass: 'specialize', when: 'after a generalize' });
      runs.push({ pass: 'oobeSystem', when: toOobe ? 'after Reseal Mode=OOBE' : 'when audit mode is resealed to OOBE (sysprep /oobe)' });
      never.windowsPE = 'only Setup from installation media runs windowsPE; sysprep never does';
      if (!weak) never.offlineServicing = 'offlineServicing runs when an image is applied or serviced offline, never under sysprep';
      break;
    case 'offline':
      runs = [{ pass: 'offlineServicing' }];
      for (const p of PASS_NAMES) if (p !== 'offlineServicing') never[p] = 'DISM /Apply-Unattend applies only <servicing> and the offlineServicing pass';
      break;
  }
  return { runs, notRun: (pass) => never[pass as PassName] };
}

/**
 * Why the file's <servicing> block is never applied in this scenario, or undefined when it is: DISM applies it
 * offline, and Setup during offlineServicing; a file with neither an offlineServicing nor a windowsPE pass is ignored
 * (KB939289), and sysprep never applies it.
 */
export function servicingNotRun(scenario: Scenario, model: AnswerModel): string | undefined {
  const present = passesPresent(model);
  if (scenario.name === 'offline' || present.has('offlineServicing')) return undefined;
  if (scenario.name === 'media') {
    return present.has('windowsPE') ? undefined : 'Setup ignores <servicing> in an answer file that has neither an offlineServicing nor a windowsPE pass';
  }
  return '<servicing> is applied by DISM /Apply-Unattend and by Setup from installation media, never under sysprep: apply it with DISM';
}
