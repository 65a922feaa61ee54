// Deprecated and removed settings and components, judged against the target release (shared by two rules): the
// explicit settings.targetVersion, or the release the file's image names ("auto", rules/_helpers/release.ts).
import type { RuleContext, Visitor } from '../../src/engine/rule.js';
import type { AnswerModel } from '../../src/engine/model.js';
import type { KnowledgeBase, ReleaseRecord } from '../../src/kb/types.js';
import type { BoundElement } from '../../src/binder/bind.js';
import type { SettingNode } from '../../src/kb/tree.js';
import type { Range } from '../../src/types.js';
import { pathOf } from './setting.js';
import { inferRelease, type InferredRelease } from './release.js';
import { parseTarget as parseTargetOnce, type Target } from '../../src/kb/target.js';

export type { Target };
export { RELEASE_FACTS } from './release.js';

/** settings.targetVersion as a build, parsed once per knowledge base and value (the linter validated it with the config). */
export function parseTarget(kb: KnowledgeBase, value: unknown): Target | undefined {
  return value === undefined ? undefined : kb.derive(`target-version:${JSON.stringify(value)}`, (k) => parseTargetOnce(k, value));
}

/** A target with what set it: the explicit setting, or the file's image name (`inferred` then points at it). */
export interface FileTarget extends Target {
  inferred?: InferredRelease;
}

/**
 * The file's target: settings.targetVersion when it names a release, else (unset or "auto") the release the file's
 * image names, else none. `origin` says which, e.g. `inferred from /IMAGE/NAME "Windows 7 ULTIMATE" at line 40`.
 */
export function targetOf(ctx: Pick<RuleContext, 'kb' | 'settings' | 'quote' | 'lineOf'>, model: AnswerModel): FileTarget | undefined {
  // Several rules ask about the same file (one file, one config): the answer is worked out once.
  return model.memo('target', () => decideTarget(ctx, model));
}

function decideTarget(ctx: Pick<RuleContext, 'kb' | 'settings' | 'quote' | 'lineOf'>, model: AnswerModel): FileTarget | undefined {
  const explicit = parseTarget(ctx.kb, ctx.settings['targetVersion']);
  if (explicit) return explicit;
  const inferred = inferRelease(ctx.kb, model);
  if (!inferred) return undefined;
  const { source, name, range } = inferred.evidence;
  const origin = `inferred from ${source} ${ctx.quote(name, range)} at line ${ctx.lineOf(range.start)}`;
  return { build: inferred.build, minBuild: inferred.minBuild, label: inferred.label, origin, inferred };
}

/** ` (Windows 7, inferred from …)` / ` (Windows 11, version 24H2, from settings.targetVersion)`, or '' without a target. */
export function targetPhrase(target: Target | undefined): string {
  if (!target) return '';
  return target.origin === 'settings.targetVersion' ? `${target.label}, from settings.targetVersion` : `${target.label}, ${target.origin}`;
}

/** The finding's pointer to the image name the target was inferred from. */
export function targetRelated(target: FileTarget | undefined): { related: { message: string; range: Range }[] } | undefined {
  const e = target?.inferred?.evidence;
  return e ? { related: [{ message: `the target ${target!.label} is inferred from this image name`, range: e.range }] } : undefined;
}

/**
 * Whether Reseal in auditSystem or oobeSystem is processed before the other settings of its pass and skips them: so
 * before Windows 10, after them since (microsoft-windows-deployment-reseal). False without a target, and for a
 * target only the offline image names: copies of a file keep the image it was authored against, so that names no
 * release for certain (as for removals).
 */
export function resealRunsFirst(kb: KnowledgeBase, target: FileTarget | undefined): boolean {
  if (!target || target.inferred?.evidence.source === 'cpi:offlineImage') return false;
  const windows10 = kb.releases().find((r) => r.id === 'windows-10')?.build ?? 10240;
  return target.build < windows10;
}

interface Lifecycle {
  deprecated?: { since?: string; note?: string; replacement?: string };
  removed?: { since: string };
}

export type Status =
  | { kind: 'removed'; since: ReleaseRecord }
  /** Removed in a release the target may or may not be (an image name that gives only the family). */
  | { kind: 'removedMaybe'; since: ReleaseRecord; note?: string; replacement?: string }
  | { kind: 'deprecated'; since?: ReleaseRecord; removedLater?: ReleaseRecord; note?: string; replacement?: string };

/**
 * A deprecation the reference records without a release counts from the first release the current reference
 * covers: its change pages start at "Changed answer file settings from Windows 8 and Windows Server 2012", and
 * nothing says such a setting was deprecated on an older release (VisualEffects and WillShowUI still work on
 * Windows 7; Initial Configuration Tasks is a Windows Server 2008 R2 feature).
 */
const UNDATED_FROM = 'windows-8';

/**
 * Whether an element is deprecated or removed for the target (no target: every recorded change counts). A removal
 * counts when the target's earliest possible build has it, and is only possible when just its latest does.
 */
function statusOf(kb: KnowledgeBase, info: Lifecycle | undefined, target: Target | undefined): Status | undefined {
  if (!info) return undefined;
  const release = (id: string | undefined) => (id === undefined ? undefined : kb.releases().find((r) => r.id === id));
  const reached = (r: ReleaseRecord | undefined, build = target?.build) => build === undefined || !r?.build || build >= r.build;
  const removed = release(info.removed?.since);
  const d = info.deprecated;
  if (removed && reached(removed, target?.minBuild)) return { kind: 'removed', since: removed };
  if (removed && target && reached(removed)) return { kind: 'removedMaybe', since: removed, note: d?.note, replacement: d?.replacement };
  if (!d) return undefined;
  const since = release(d.since);
  if (!reached(since ?? release(UNDATED_FROM))) return undefined;
  return { kind: 'deprecated', since, removedLater: removed, note: d.note, replacement: d.replacement };
}

export interface Finding {
  status: Status;
  /** 'setting "OOBE/NetworkLocation"' or 'component "Microsoft-Windows-…"'. */
  label: string;
  range: Range;
  /** A whole component rather than one setting. */
  component: boolean;
}

/** The settings the lifecycle rules hear: those the knowledge base records a deprecation or removal for. */
export const hasLifecycle = (s: SettingNode): boolean => !!s.record.deprecated || !!s.record.removed;

/** An element with a recorded change, kept until the target is known. */
interface Candidate {
  info: Lifecycle;
  label: string;
  range: Range;
  component: boolean;
  /** The nearest enclosing candidate. */
  parent: Candidate | undefined;
  /** What the element is for the target, as far as what it contains goes (a possible removal counts as one). */
  nest?: 'removed' | 'deprecated';
}

/**
 * Visits components and the settings with a recorded change and keeps them; at the end of the document, when the
 * target is known (an image name may come after the setting), hands each deprecated or removed one to `found`,
 * outermost only: what is inside a removed element is not reported again, and what is inside a deprecated one
 * only when it was removed.
 */
export function lifecycleVisitor(
  kb: KnowledgeBase,
  targetFor: (model: AnswerModel) => Target | undefined,
  found: (f: Finding, target: Target | undefined) => void,
): Visitor {
  const candidates: Candidate[] = [];
  const open: { el: BoundElement; candidate: Candidate }[] = [];
  const push = (el: BoundElement, info: Lifecycle, label: string, range: Range, component: boolean): void => {
    const candidate: Candidate = { info, label, range, component, parent: open.at(-1)?.candidate };
    candidates.push(candidate);
    open.push({ el, candidate });
  };
  const close = (el: BoundElement): void => {
    if (open.at(-1)?.el === el) open.pop();
  };
  return {
    onComponent(c) {
      const record = c.element.binding.component?.record;
      if (record?.deprecated || record?.removed) push(c.element, record, `component "${c.identity.name}"`, c.attrs['name']?.valueRange ?? c.element.nameRange, true);
    },
    onComponentEnd: (c) => close(c.element),
    onElement(el) {
      const record = el.binding.setting?.record;
      if (record?.deprecated || record?.removed) push(el, record, `setting "${pathOf(el)}"`, el.nameRange, false);
    },
    onElementEnd: close,
    onDocumentEnd(model) {
      if (candidates.length === 0) return;
      const target = targetFor(model);
      // Candidates are in document order, so an enclosing one is judged before what it contains.
      for (const c of candidates) {
        const status = statusOf(kb, c.info, target);
        let outer = c.parent;
        while (outer && !outer.nest) outer = outer.parent;
        if (!status) continue;
        c.nest = outer?.nest === 'removed' || status.kind !== 'deprecated' ? 'removed' : 'deprecated';
        if (outer?.nest === 'removed' || (outer && status.kind === 'deprecated')) continue;
        found({ status, label: c.label, range: c.range, component: c.component }, target);
      }
    },
  };
}
