// --explain: the scenario and, pass by pass in the order Setup runs them, what it applies and what it skips and why.
import { defineRule } from './engine/rule.js';
import { lintSource } from './engine/run.js';
import { MASK, maskFound, messageSecretFinder, secretValuesOf } from './engine/secrets.js';
import { cutValue } from './engine/quote.js';
import { mergeRanges } from './engine/secret-ranges.js';
import type { AnswerModel } from './engine/model.js';
import { SCENARIO_DESCRIPTIONS, SCENARIO_FACTS, scenarioOf, type PassRun, type Scenario, type ScenarioName } from './engine/scenario.js';
import type { BoundComponent, BoundElement, BoundValue } from './binder/bind.js';
import type { KnowledgeBase } from './kb/types.js';
import type { FileResult } from './types.js';
import { PASS_NAMES } from './parser/events.js';
import { passList, placedComponent } from '../rules/_helpers/pass-placement.js';
import { placementVisitor } from '../rules/_helpers/setting-placement.js';
import { RELEASE_FACTS, resealRunsFirst, targetOf, targetPhrase, type FileTarget } from '../rules/_helpers/lifecycle.js';

/** Why Setup skips something; 'applies' when it does not. */
export type ExplainStatus = 'applies' | 'wrong-pass' | 'pass-not-run' | 'shadowed' | 'unknown';
// shadowed: Reseal hides the rest of its pass, or Generalize hides Reseal (microsoft-windows-deployment-reseal-mode).

export interface ExplainedSetting {
  /** The path below the component, list items with their key: "RunSynchronous/RunSynchronousCommand[1]/Path". */
  path: string;
  /** The value, trimmed, cut after 60 characters and with secrets masked; absent for containers. */
  value?: string;
  line: number;
  status: ExplainStatus;
  why?: string;
}

export interface ExplainedComponent {
  name: string;
  architecture: string;
  line: number;
  status: ExplainStatus;
  why?: string;
  settings: ExplainedSetting[];
}

export interface ExplainedPass {
  pass: string;
  /** Position in the order Setup runs the passes (1-based); absent for a pass that never runs. */
  order?: number;
  /** The condition under which the pass runs, when it is not every time. */
  when?: string;
  status: 'runs' | 'pass-not-run' | 'unknown';
  why?: string;
  /** Line of the pass's first <settings> block; absent when the file has none. */
  line?: number;
  components: ExplainedComponent[];
}

export interface Explanation {
  filePath: string;
  scenario: { name: ScenarioName; description: string; configured: boolean; reason: string } | null;
  passes: ExplainedPass[];
  /** Why the file could not be read or parsed: nothing else is explained then. */
  fatal?: { message: string; line: number; column: number };
}

interface Collected {
  components: { pass: string | undefined; node: ExplainedComponent; first: number }[];
  blocks: { pass: string | undefined; line: number }[];
  scenario: Scenario | undefined;
}

const RESEAL_MODE = 'Microsoft-Windows-Deployment/Reseal/Mode';

/** Whether Reseal hides the other settings of `pass`: before Windows 10 it was processed first and skipped them (Reseal page). */
function resealShadow(model: AnswerModel, pass: string | undefined, target: FileTarget | undefined, kb: KnowledgeBase): string | undefined {
  if (!resealRunsFirst(kb, target)) return undefined;
  const mode = model.all(RESEAL_MODE).find((f) => f.pass === pass)?.value;
  const leaves = (pass === 'oobeSystem' && mode === 'Audit') || (pass === 'auditSystem' && mode === 'OOBE');
  return leaves ? `before Windows 10, Reseal Mode=${mode} in ${pass} is processed first and Setup ignores the rest of the pass (target ${targetPhrase(target)})` : undefined;
}

/** The element's path below its component, list items keyed by wcm:keyValue (or their position). */
function pathOf(el: BoundElement): string {
  const parts: string[] = [];
  for (let e: BoundElement | null = el; e && e.role === 'setting'; e = e.parent) {
    const item = e.binding.item;
    parts.push(item && item.element === e ? `${e.local}[${item.key ?? '?'}]` : e.local);
  }
  return parts.reverse().join('/');
}

function collector(settings: Record<string, unknown>, out: Collected) {
  return defineRule({
    meta: { id: 'explain', summary: 'Explain', category: 'correctness', severity: 'warn', messages: {}, facts: [...SCENARIO_FACTS, ...RELEASE_FACTS] },
    create(ctx) {
      const misplaced = new Map<BoundElement, string>();
      const placement = placementVisitor(({ node, setting }) => {
        misplaced.set(node, `valid in ${passList(setting.record.passes)}, not in ${node.pass}`);
      });
      let current: ExplainedComponent | undefined;
      const rows = new Map<BoundElement, ExplainedSetting>();
      const paths: [ExplainedSetting, BoundElement][] = [];
      /** The nearest enclosing element that is unknown or misplaced, which the row inherits. */
      const inherited = (el: BoundElement): { status: ExplainStatus; why: string; at: BoundElement } | undefined => {
        for (let e: BoundElement | null = el; e && e.role === 'setting'; e = e.parent) {
          if (e.binding.status === 'unknown') return { status: 'unknown', why: 'not a setting of this component in the reference', at: e };
          const why = misplaced.get(e);
          if (why) return { status: 'wrong-pass', why, at: e };
        }
        return undefined;
      };
      return {
        onSettings(node) {
          out.blocks.push({ pass: node.pass, line: ctx.lineOf(node.element.range.start) });
        },
        onComponent(node: BoundComponent) {
          placement.onComponent!(node);
          const placed = placedComponent(node);
          const entry = node.element.binding.component;
          current = {
            name: entry?.name ?? node.identity.name,
            architecture: node.identity.processorArchitecture,
            line: ctx.lineOf(node.element.range.start),
            status: 'applies',
            settings: [],
          };
          if (!entry) Object.assign(current, { status: 'unknown', why: 'not a component in the reference' });
          else if (placed && placed.passes.length > 0 && !placed.passes.includes(placed.pass)) {
            Object.assign(current, { status: 'wrong-pass', why: `applied in ${passList(placed.passes)}, not in ${placed.pass}` });
          }
          out.components.push({ pass: node.pass, node: current, first: node.element.range.start });
        },
        onElement(el) {
          placement.onElement!(el);
          if (el.role !== 'setting' || !current) return;
          const from = current.status === 'unknown' ? { status: 'unknown' as const, why: 'inside an unknown component', at: el } : inherited(el);
          // One row for an unknown or misplaced subtree, at its top; none below it.
          if (from && from.at !== el) return;
          // The path waits for the component's end: a list item's key may come after the element.
          const row: ExplainedSetting = { path: '', line: ctx.lineOf(el.range.start), status: from?.status ?? 'applies', ...(from ? { why: from.why } : {}) };
          rows.set(el, row);
          paths.push([row, el]);
        },
        onValue(v: BoundValue) {
          const row = rows.get(v.element);
          // Cut (and masked) as messages quote values; kept unquoted, as data.
          if (row && v.text.trim()) row.value = ctx.isSecret(v.range) ? MASK : cutValue(v.text.trim());
        },
        onElementEnd(el) {
          const row = rows.get(el);
          if (!row) return;
          rows.delete(el);
          // Containers that hold rows of their own are shown through them.
          const leaf = el.childCount === 0 || row.status !== 'applies';
          if (leaf && current) current.settings.push(row);
        },
        onComponentEnd(node: BoundComponent) {
          placement.onComponentEnd!(node);
          for (const [row, el] of paths) row.path = pathOf(el);
          paths.length = 0;
          // A component not applied in its pass applies none of its settings (component-pass, generalize-content).
          if (current?.status === 'wrong-pass') {
            for (const s of current.settings) if (s.status === 'applies') Object.assign(s, { status: 'wrong-pass', why: 'its component is not applied in this pass' });
          }
          current?.settings.sort((a, b) => a.line - b.line);
          current = undefined;
        },
        onDocumentEnd(model) {
          out.scenario = scenarioOf(model, ctx.filePath, settings['scenario']);
          const target = targetOf(ctx, model);
          for (const c of out.components) {
            const shadow = resealShadow(model, c.pass, target, ctx.kb);
            if (!shadow) continue;
            for (const s of c.node.settings) if (s.status === 'applies' && !/^Reseal(\/|$)/.test(s.path)) Object.assign(s, { status: 'shadowed', why: shadow });
          }
          // Generalize hides Reseal in its own architecture's block only: blocks for other architectures are alternatives.
          const generalizing = new Set(
            model.all('Microsoft-Windows-Deployment/Generalize').filter((f) => f.pass === 'auditUser').map((f) => f.component.identity.processorArchitecture.trim().toLowerCase()),
          );
          if (generalizing.size > 0) {
            for (const c of out.components) {
              if (c.pass !== 'auditUser' || !generalizing.has(c.node.architecture.trim().toLowerCase())) continue;
              for (const s of c.node.settings) {
                if (s.status === 'applies' && /^Reseal(\/|$)/.test(s.path)) Object.assign(s, { status: 'shadowed', why: 'Generalize is set too, and Setup then ignores Reseal' });
              }
            }
          }
        },
      };
    },
  });
}

/** Explains one file: its scenario and, in the order Setup runs the passes, what is applied and what is skipped. */
export function explainSource(input: Uint8Array | string, opts: { filePath: string; kb: KnowledgeBase; settings: Record<string, unknown> }): Explanation {
  const out: Collected = { components: [], blocks: [], scenario: undefined };
  const result = lintSource(input, { filePath: opts.filePath, kb: opts.kb, settings: opts.settings, rules: [{ rule: collector(opts.settings, out), severity: 1, options: {} }] });
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) return { filePath: opts.filePath, scenario: null, passes: [], fatal: { message: fatal.message, line: fatal.line, column: fatal.column } };
  const scenario = out.scenario;
  const passes: ExplainedPass[] = [];
  const byPass = (pass: string) => out.components.filter((c) => c.pass === pass).map((c) => c.node);
  const lineOf = (pass: string) => out.blocks.find((b) => b.pass === pass)?.line;
  const seen = new Set<string>();
  const runs = scenario?.runs ?? [];
  // Each pass is shown once: where it surely runs when it does later (generalize after audit mode's Generalize),
  // not where it runs only under a condition.
  const shownAt = (run: PassRun, i: number): boolean => !run.when || !runs.slice(i + 1).some((r) => r.pass === run.pass && !r.when);
  for (const [i, run] of runs.entries()) {
    if (seen.has(run.pass) || scenario!.notRun(run.pass) || !shownAt(run, i)) continue;
    seen.add(run.pass);
    const line = lineOf(run.pass);
    passes.push({ pass: run.pass, order: passes.length + 1, ...(run.when ? { when: run.when } : {}), status: 'runs', ...(line ? { line } : {}), components: byPass(run.pass) });
  }
  // Passes the file has that never run, in Setup's order, then passes with names Setup does not know.
  const written = [...new Set(out.blocks.map((b) => b.pass ?? ''))];
  const known = [...PASS_NAMES.filter((p) => written.includes(p)), ...written.filter((p) => !(PASS_NAMES as readonly string[]).includes(p))];
  for (const pass of known) {
    if (seen.has(pass)) continue;
    const valid = (PASS_NAMES as readonly string[]).includes(pass);
    const why = !valid ? `"${pass}" is not a configuration pass` : scenario ? scenario.notRun(pass) ?? 'the pass never runs in this scenario' : 'the file shows no scenario';
    const components = byPass(pass).map((c) => markAll(c, valid ? 'pass-not-run' : 'unknown', valid ? 'the pass never runs' : 'not a pass Setup runs'));
    passes.push({ pass: pass || '(no pass attribute)', status: valid ? 'pass-not-run' : 'unknown', why, ...(lineOf(pass) ? { line: lineOf(pass)! } : {}), components });
  }
  maskRows(passes, result);
  return {
    filePath: opts.filePath,
    scenario: scenario ? { name: scenario.name, description: SCENARIO_DESCRIPTIONS[scenario.name], configured: scenario.basis === 'config', reason: scenario.reason } : null,
    passes,
  };
}

/**
 * Secret values where the file repeats them outside their own element (an account named like a password, a list key),
 * and hidden passwords in their decoded form: masked in every value and path, as messages are.
 */
function maskRows(passes: readonly ExplainedPass[], result: FileResult): void {
  if (result.source === undefined || !result.secretRanges?.length) return;
  const values = secretValuesOf(result.source, mergeRanges(result.secretRanges));
  const rows = passes.flatMap((p) => p.components.flatMap((c) => c.settings));
  const find = messageSecretFinder(values, rows.length * 2);
  for (const row of rows) {
    row.path = maskFound(row.path, find(row.path));
    if (row.value !== undefined) row.value = maskFound(row.value, find(row.value));
  }
}

function markAll(c: ExplainedComponent, status: ExplainStatus, why: string): ExplainedComponent {
  if (c.status === 'applies') Object.assign(c, { status, why });
  for (const s of c.settings) if (s.status === 'applies') Object.assign(s, { status, why });
  return c;
}

const MARK: Record<ExplainStatus, string> = { applies: '+', 'wrong-pass': '-', 'pass-not-run': '-', shadowed: '-', unknown: '?' };
const WORDS: Record<Exclude<ExplainStatus, 'applies'>, string> = {
  'wrong-pass': 'wrong pass',
  'pass-not-run': 'pass not run',
  shadowed: 'shadowed',
  unknown: 'unknown',
};

/** The plain-text timeline. */
export function formatExplanation(e: Explanation): string {
  const lines: string[] = [e.filePath];
  if (e.fatal) return `${lines[0]}\n  cannot be explained: ${e.fatal.message} (line ${e.fatal.line}, column ${e.fatal.column})\n`;
  if (e.scenario) {
    lines.push(`scenario: ${e.scenario.name}, ${e.scenario.description}`);
    lines.push(e.scenario.configured ? '  from settings.scenario' : `  inferred: ${e.scenario.reason} (set settings.scenario to say otherwise)`);
  } else {
    lines.push('scenario: none (the file has no components)');
  }
  const skipped = (s: { status: ExplainStatus; why?: string }) => (s.status === 'applies' ? '' : `  [${WORDS[s.status]}: ${s.why}]`);
  for (const p of e.passes) {
    lines.push('');
    const head = p.order ? `${p.order}. ${p.pass}` : `never: ${p.pass}`;
    const when = p.when ? ` (${p.when})` : '';
    const at = p.line ? `, line ${p.line}` : '';
    lines.push(`${head}${when}${at}${p.status === 'runs' ? '' : `: ${p.why}`}`);
    if (p.components.length === 0) lines.push('   nothing in this file');
    for (const c of p.components) {
      // In a pass that never runs, the pass's line says why once.
      lines.push(`   ${MARK[c.status]} ${c.name} (${c.architecture}), line ${c.line}${p.status === 'runs' ? skipped(c) : ''}`);
      for (const s of c.settings) {
        const value = s.value !== undefined ? ` = ${JSON.stringify(s.value)}` : '';
        lines.push(`       ${MARK[s.status]} ${s.path}${value}  (line ${s.line})${c.status === 'applies' ? skipped(s) : ''}`);
      }
    }
  }
  lines.push('', 'legend: + applied, - skipped, ? unknown to the reference');
  return `${lines.join('\n')}\n`;
}
