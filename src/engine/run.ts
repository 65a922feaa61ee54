// One streaming pass over one file: decode, parse, dispatch events to every enabled rule, collect diagnostics.
import { decode, type DecodedSource } from '../source/decode.js';
import { createLineIndex, type LineIndex } from '../source/line-index.js';
import { parse } from '../parser/sax-adapter.js';
import type { KnowledgeBase } from '../kb/types.js';
import type { Diagnostic, FileResult, Range } from '../types.js';
import type { AnyRule, RuleContext, SourceInfo } from './rule.js';
import { InternalError } from './errors.js';
import { applyDirectives, parseDirective, type Directive } from './suppress.js';
import { isSecretValue, maskSecrets, scanFreeSecrets } from './secrets.js';
import { createReporter, type Sink } from './report.js';

export interface EnabledRule {
  rule: AnyRule;
  severity: 1 | 2;
  options: Record<string, unknown>;
}

export interface LintOptions {
  filePath: string;
  rules: EnabledRule[];
  kb: KnowledgeBase;
  settings?: Record<string, unknown>;
  /** Every rule id the run knows (enabled or not), to tell unknown rule names in directives. */
  knownRuleIds?: ReadonlySet<string>;
  /** Severity of unused or unknown-rule inline directives (0 = not reported). */
  directiveSeverity?: 0 | 1 | 2;
  /** false: inline directives in comments are not honoured (policy owners forbid inline suppressions). */
  inlineConfig?: boolean;
}

/** The rule entry whose severity governs unused and unknown-rule inline directives (rules/inline-directive.ts). */
export const DIRECTIVE_RULE_ID = 'inline-directive';

const HOOKS = [
  'onDocument', 'onSettings', 'onSettingsEnd', 'onComponent', 'onComponentEnd',
  'onElement', 'onElementEnd', 'onValue', 'onComment', 'onDocumentEnd',
] as const;
type Hook = (typeof HOOKS)[number];

/** Lints one file's bytes (or already decoded text) with the given rules. Throws InternalError on our faults. */
export function lintSource(input: Uint8Array | string, opts: LintOptions): FileResult {
  const decoded: DecodedSource = typeof input === 'string' ? { text: input, encoding: 'utf-8', bom: false } : decode(input);
  const text = decoded.text;
  const lines = createLineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const secretRanges: Range[] = scanFreeSecrets(text);
  const directives: Directive[] = [];
  const info: SourceInfo = {
    encoding: decoded.encoding,
    bom: decoded.bom,
    ...(decoded.declaration ? { declaration: decoded.declaration } : {}),
    lineEndings: lines.lineEndings,
  };

  const dispatch = startRules(opts, { lines, text, filePath: opts.filePath, diagnostics }, info, secretRanges);
  const at = (n: { range: Range }): number => n.range.start;

  let fatal = decoded.error;
  if (!fatal) {
    const result = parse(text, {
      onDocument: (n) => dispatch('onDocument', n, at(n.root)),
      onSettings: (n) => dispatch('onSettings', n, at(n.element)),
      onSettingsEnd: (n) => dispatch('onSettingsEnd', n, at(n.element)),
      onComponent: (n) => dispatch('onComponent', n, at(n.element)),
      onComponentEnd: (n) => dispatch('onComponentEnd', n, at(n.element)),
      onElement: (n) => dispatch('onElement', n, at(n)),
      onElementEnd: (n) => dispatch('onElementEnd', n, at(n)),
      onValue: (n) => {
        if (isSecretValue(n)) secretRanges.push(n.range);
        dispatch('onValue', n, at(n));
      },
      onComment: (n) => {
        const d = opts.inlineConfig === false ? undefined : parseDirective(n.text, n.range, lines.position(n.range.start).line);
        if (d) directives.push(d);
        dispatch('onComment', n, at(n));
      },
    });
    fatal = result.fatal;
    if (!fatal) dispatch('onDocumentEnd', undefined, text.length);
  }
  if (fatal) {
    const range = { start: fatal.offset, end: fatal.offset };
    diagnostics.push({ ruleId: null, severity: 2, fatal: true, message: fatal.message, ...lines.span(range), range });
  }
  const kept = suppress(diagnostics, directives, opts, lines);
  // Derived from the ranges, so a range a rule marks with ctx.markSecret is masked like the engine's own.
  const secrets = secretRanges.flatMap((r) => {
    const value = text.slice(r.start, r.end);
    return value.trim() ? [value, value.trim()] : [];
  }).sort((a, b) => b.length - a.length); // longest first: a secret containing another is masked whole
  for (const d of kept) {
    d.message = maskSecrets(d.message, secrets);
    if (d.fix && secretRanges.some((r) => d.fix!.range[0] < r.end && d.fix!.range[1] > r.start)) delete d.fix;
  }
  return { ...summarise(opts.filePath, dedupe(kept), text, secretRanges), encoding: decoded.encoding, bom: decoded.bom };
}

type Dispatch = (h: Hook, node?: unknown, offset?: number) => void;

/** Creates each enabled rule's visitor for this file; returns what hands an event to every visitor with that hook. */
function startRules(opts: LintOptions, sink: Sink, source: SourceInfo, secretRanges: Range[]): Dispatch {
  const { lines, text, filePath } = sink;
  const visitors = opts.rules.map(({ rule, severity, options }) => {
    const ctx: RuleContext = {
      id: rule.meta.id,
      filePath,
      text,
      options,
      settings: opts.settings ?? {},
      kb: opts.kb,
      source,
      report: createReporter(sink, rule, severity),
      markSecret: (range) => secretRanges.push(range),
      lineOf: (offset) => lines.position(offset).line,
    };
    try {
      return { id: rule.meta.id, visitor: rule.create(ctx) };
    } catch (err) {
      throw crash(err, rule.meta.id, 0, filePath, lines);
    }
  });
  const byHook = new Map<Hook, { id: string; fn: (n: unknown) => void }[]>();
  for (const h of HOOKS) {
    byHook.set(h, visitors.flatMap(({ id, visitor }) => {
      const fn = visitor[h] as ((n: unknown) => void) | undefined;
      return fn ? [{ id, fn: fn.bind(visitor) }] : [];
    }));
  }
  // Every event reaches every rule: no allocation here, the crash position is only worked out on a throw.
  return (h, node, offset = 0) => {
    for (const { id, fn } of byHook.get(h)!) {
      try {
        fn(node);
      } catch (err) {
        throw crash(err, id, offset, filePath, lines);
      }
    }
  };
}

/** The diagnostics no inline directive suppresses, plus the findings about the directives themselves. */
function suppress(diagnostics: Diagnostic[], directives: Directive[], opts: LintOptions, lines: LineIndex): Diagnostic[] {
  const endLineOf = (d: Directive): number => lines.position(d.range.end).line;
  const { kept, unused } = applyDirectives(diagnostics, directives, endLineOf);
  if (opts.directiveSeverity) kept.push(...directiveFindings(directives, unused, opts, lines));
  return kept;
}

/** An exception from a rule as our fault, naming the rule and where in the file it was (InternalErrors pass through). */
function crash(err: unknown, id: string, offset: number, filePath: string, lines: LineIndex): InternalError {
  if (err instanceof InternalError) return err;
  const pos = lines.position(offset);
  const what = err instanceof Error ? err.message : String(err);
  return new InternalError(`rule "${id}" crashed on ${filePath}:${pos.line}:${pos.column}: ${what}`, id, filePath, pos.line, pos.column, err);
}

function directiveFindings(
  directives: Directive[],
  unused: ReturnType<typeof applyDirectives>['unused'],
  opts: LintOptions,
  lines: LineIndex,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const severity = opts.directiveSeverity as 1 | 2;
  const push = (d: Directive, message: string): void => {
    out.push({ ruleId: DIRECTIVE_RULE_ID, severity, message, ...lines.span(d.range), range: d.range });
  };
  const unknown = new Set<string>();
  for (const d of directives) {
    for (const r of d.rules) {
      if (opts.knownRuleIds && !opts.knownRuleIds.has(r)) {
        unknown.add(`${d.range.start}:${r}`);
        push(d, `unattend-lint-${d.kind} names unknown rule "${r}"; check the rule id (unattend-lint --list-rules)`);
      }
    }
  }
  for (const { directive: d, ruleId } of unused) {
    if (ruleId && unknown.has(`${d.range.start}:${ruleId}`)) continue;
    push(d, ruleId
      ? `unused unattend-lint-${d.kind} directive for "${ruleId}"; no "${ruleId}" finding was suppressed, remove it`
      : `unused unattend-lint-${d.kind} directive; no finding was suppressed, remove it`);
  }
  return out;
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of list) {
    const key = `${d.ruleId}\0${d.line}\0${d.column}\0${d.endLine}\0${d.endColumn}\0${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId)));
}

export function summarise(filePath: string, messages: Diagnostic[], source?: string, secretRanges: Range[] = []): FileResult {
  const count = (pred: (d: Diagnostic) => boolean): number => messages.filter(pred).length;
  return {
    filePath,
    messages,
    errorCount: count((d) => d.severity === 2),
    warningCount: count((d) => d.severity === 1),
    fatalErrorCount: count((d) => !!d.fatal),
    fixableErrorCount: count((d) => d.severity === 2 && !!d.fix),
    fixableWarningCount: count((d) => d.severity === 1 && !!d.fix),
    ...(source !== undefined ? { source } : {}),
    secretRanges,
  };
}
