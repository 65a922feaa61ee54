// One streaming pass over one file: decode, parse, dispatch events to every enabled rule, collect diagnostics. The
// file is given whole (lintSource), or read in chunks without being held whole (lintStream).
import { decode, type DecodedSource, type XmlDeclaration } from '../source/decode.js';
import { createLineIndex, createLineIndexBuilder, type LineIndex, type TextReader } from '../source/line-index.js';
import { openStreamedText, UndecodableError, type ByteReader, type StreamedText } from '../source/stream.js';
import { parse, type ParseFatal, type ParseSource } from '../parser/sax-adapter.js';
import type { CommentNode } from '../parser/events.js';
import { createBinder, type BoundElement, type BoundValue } from '../binder/bind.js';
import type { KnowledgeBase } from '../kb/types.js';
import type { Diagnostic, FileResult, Range, SourceExcerpt } from '../types.js';
import type { RuleContext, SourceInfo, Visitor } from './rule.js';
import { InternalError } from './errors.js';
import { applyDirectives, fileDirectiveFor, misspeltDirective, parseDirective, type Directive, type MisspeltDirective } from './suppress.js';
import { didYouMean } from '../util/did-you-mean.js';
import { MASK, maskFound, messageSecretFinder, scanFreeSecrets, SHORT_SECRET, secretElementShapes, secretValuesOf } from './secrets.js';
import { createSecretRanges, mergeRanges, type SecretRanges } from './secret-ranges.js';
import { createCollector, EMPTY_MODEL, type AnswerModel } from './model.js';
import { createPlan, elementSlot, HOOK_BITS, type DispatchPlan, type ElementHook, type EnabledRule } from './plan.js';
import { quoteValue } from './quote.js';
import { createReporter, remasked, type Sink } from './report.js';
import { byCodeUnits } from '../util/sorted.js';
import { conditionalOffsets, templateMarkOffsets } from '../binder/placeholders.js';
import { createTextScanner, occurrencesIn, type ScanWindows, type TextScans } from './stream-scans.js';

export type { EnabledRule } from './plan.js';

export interface LintOptions {
  filePath: string;
  rules: EnabledRule[];
  kb: KnowledgeBase;
  /** The rules' dispatch plan (made once per config); made here from `rules` when absent. */
  plan?: DispatchPlan;
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

/** Lints one file's bytes (or already decoded text) with the given rules. Throws InternalError on our faults. */
export function lintSource(input: Uint8Array | string, opts: LintOptions): FileResult {
  const decoded: DecodedSource = typeof input === 'string' ? { text: input, encoding: 'utf-8', bom: false } : decode(input);
  const text = decoded.text;
  const lines = createLineIndex(text);
  // Field by field: a spread into a new object is a slow path of the runtime, and this is made per file.
  const prepared: Prepared = { text, encoding: decoded.encoding, bom: decoded.bom, declaration: decoded.declaration, error: decoded.error, lines, freeSecrets: scanFreeSecrets(text) };
  return lintPrepared(prepared, opts)!;
}

export interface StreamOptions extends LintOptions {
  /** Bytes per read (tests use small ones). */
  chunkBytes?: number;
  /** Windows of the whole-text scans (tests use small ones). */
  windows?: ScanWindows;
}

/**
 * Lints a file read in chunks, never holding its bytes or its text whole: memory follows what the rules keep. The
 * result is the one lintSource gives for the file's bytes. A file that is not read this way is read whole and
 * linted by lintSource: one that does not decode, or is not well-formed (both are reported from the whole text),
 * or declares a single-byte encoding.
 */
export function lintStream(reader: ByteReader, opts: StreamOptions): FileResult {
  const whole = (): FileResult => lintSource(readAll(reader), opts);
  const builder = createLineIndexBuilder();
  const scanner = createTextScanner(opts.windows);
  let text: StreamedText | undefined;
  try {
    text = openStreamedText(
      reader,
      (p) => {
        builder.feed(p.text);
        scanner.feed(p);
      },
      opts.chunkBytes,
    );
  } catch (err) {
    if (err instanceof UndecodableError) return whole();
    throw err;
  }
  if (!text) return whole();
  const scans = scanner.finish();
  const prepared: Prepared = { text, encoding: text.encoding, bom: text.bom, declaration: text.declaration, lines: builder.finish(text), freeSecrets: scans.secrets, scans };
  try {
    return lintPrepared(prepared, opts) ?? whole();
  } catch (err) {
    // A file that changed while it was read again: what it says now is linted whole.
    if (err instanceof UndecodableError) return whole();
    throw err;
  }
}

function readAll(reader: ByteReader): Uint8Array {
  const bytes = new Uint8Array(reader.size);
  for (let at = 0; at < bytes.length; ) {
    const n = reader.read(bytes.subarray(at), at);
    if (n <= 0) return bytes.subarray(0, at);
    at += n;
  }
  return bytes;
}

/** A file ready to lint: its text (a string, or streamed with the scans of its pieces), lines and credentials by shape. */
interface Prepared {
  text: string | StreamedText;
  encoding: string;
  bom: boolean;
  declaration?: XmlDeclaration | undefined;
  error?: DecodedSource['error'];
  lines: LineIndex;
  freeSecrets: Range[];
  /** A streamed text's whole-text scans, made as it was read. */
  scans?: TextScans;
}

/**
 * A rule's context. A class, so that `text` can be read lazily from its prototype: an object literal with a getter
 * is made by the runtime in dictionary mode, and every rule's reads of its context would be slow.
 */
class Context implements RuleContext {
  readonly slice: RuleContext['slice'];
  readonly conditionals: RuleContext['conditionals'];
  readonly templateMarks: RuleContext['templateMarks'];
  constructor(
    readonly id: string,
    readonly filePath: string,
    private readonly access: TextAccess,
    readonly options: RuleContext['options'],
    readonly settings: RuleContext['settings'],
    readonly kb: RuleContext['kb'],
    readonly source: RuleContext['source'],
    readonly report: RuleContext['report'],
    readonly markSecret: RuleContext['markSecret'],
    readonly isSecret: RuleContext['isSecret'],
    readonly quote: RuleContext['quote'],
    readonly lineOf: RuleContext['lineOf'],
  ) {
    this.slice = access.slice;
    this.conditionals = access.conditionals;
    this.templateMarks = access.templateMarks;
  }

  get text(): string {
    return this.access.text();
  }
}

/** What rules read of the text, made once per file for all of them. */
interface TextAccess {
  readonly length: number;
  /** The whole text (read back whole for a streamed file: built-in rules do not ask). */
  text(): string;
  slice(start: number, end: number): string;
  conditionals(): readonly number[];
  templateMarks(): readonly number[];
}

function textAccess(p: Prepared): TextAccess {
  const source = p.text;
  if (typeof source === 'string') {
    let conditionals: readonly number[] | undefined;
    let marks: readonly number[] | undefined;
    return {
      length: source.length,
      text: () => source,
      slice: (start, end) => source.slice(start, end),
      conditionals: () => (conditionals ??= conditionalOffsets(source)),
      templateMarks: () => (marks ??= templateMarkOffsets(source)),
    };
  }
  let whole: string | undefined;
  const scans = p.scans!;
  return {
    length: source.length,
    text: () => (whole ??= source.slice(0, source.length)),
    slice: (start, end) => source.slice(start, end),
    conditionals: () => scans.conditionals,
    templateMarks: () => scans.marks,
  };
}

/** Lints a prepared file; undefined for a streamed file that is not well-formed (the caller lints it whole). */
function lintPrepared(p: Prepared, opts: LintOptions): FileResult | undefined {
  const text: ParseSource & TextReader = p.text;
  const streamed = typeof p.text === 'string' ? undefined : p.text;
  const lines = p.lines;
  const access = textAccess(p);
  const diagnostics: Diagnostic[] = [];
  const secrets = createSecretRanges(p.freeSecrets);
  const directives: Directive[] = [];
  /** Comments that start like a directive but are none (a misspelt keyword): reported, since they suppress nothing. */
  const misspelt: Misspelt[] = [];
  const fileWide: Directive[] = [];
  const silenced = (ruleId: string): boolean => fileWide.length > 0 && fileDirectiveFor(fileWide, ruleId) !== undefined;
  const info: SourceInfo = { encoding: p.encoding, bom: p.bom, lineEndings: lines.lineEndings };
  if (p.declaration) info.declaration = p.declaration;
  const plan = opts.plan ?? createPlan(opts.rules, opts.kb);
  const rules = startRules(plan, opts, { lines, length: text.length, filePath: opts.filePath, diagnostics, silenced }, info, secrets, access);
  const binder = createBinder(opts.kb.tree());
  const facts = plan.facts.size > 0 ? createCollector(plan.facts) : undefined;
  const directivesOn = opts.inlineConfig !== false;

  // The decoder took the file's byte order mark; saxes would skip one more at the start, but a second BOM is text
  // before the XML declaration, which XML parsers reject.
  // A decoding error or a second BOM stops the file before the parser reads any markup (no markupUntil).
  let fatal: ParseFatal | undefined = p.error ?? (p.bom && text.slice(0, 1) === '\uFEFF' ? SECOND_BOM : undefined);
  // Text beside the children of a secret container (<Password>P@ss<PlainText>true</PlainText></Password>) is a
  // password written in the wrong place: masked like one. Where the text before the next child starts, by depth.
  const textFrom: (number | undefined)[] = [];
  // Only the text itself: comments and white space between the children are markup, shown as they are.
  const maskMixedText = (el: BoundElement, start: number, end: number): void => {
    if (end <= start || el.role === 'foreign') return;
    const run = text.slice(start, end);
    for (let at = 0; at < run.length; ) {
      const comment = run.indexOf('<!--', at);
      const stop = comment < 0 ? run.length : comment;
      const part = run.slice(at, stop);
      const lead = part.length - part.trimStart().length;
      const core = part.trim().length;
      if (core > 0) secrets.add({ start: start + at + lead, end: start + at + lead + core });
      if (comment < 0) break;
      const close = run.indexOf('-->', comment + 4);
      at = close < 0 ? run.length : close + 3;
    }
  };
  if (!fatal) {
    const result = parse(text, {
      onDocument: (n) => rules.all('onDocument', n, n.root.range.start),
      onSettings: (n) => rules.all('onSettings', n, n.element.range.start),
      onSettingsEnd: (n) => rules.all('onSettingsEnd', n, n.element.range.start),
      onComponent: (n) => rules.all('onComponent', n, n.element.range.start),
      onComponentEnd: (n) => rules.all('onComponentEnd', n, n.element.range.start),
      onElement: (n) => {
        const el = binder.element(n);
        const parent = el.parent as BoundElement | null;
        if (parent?.binding.secret) maskMixedText(parent, textFrom[el.depth - 1] ?? parent.range.end, el.range.start);
        textFrom[el.depth] = el.range.end;
        facts?.element(el);
        rules.onElement(el, el);
      },
      onElementEnd: (n) => {
        const el = n as BoundElement;
        if (el.childCount > 0 && el.binding.secret && !el.selfClosing) maskMixedText(el, textFrom[el.depth]!, text.lastIndexOf('<', el.end - 1));
        if (el.depth > 0) textFrom[el.depth - 1] = el.end;
        textFrom[el.depth] = undefined;
        facts?.elementEnd(el);
        rules.onElementEnd(el, el);
      },
      onValue: (n) => {
        const v = n as BoundValue;
        binder.value(v);
        if (v.element.binding.secret) secrets.add(v.range);
        facts?.value(v);
        rules.onValue(v.element, v);
      },
      onComment: (n: CommentNode) => {
        // Settings commented out still hold what they held: a password element in a comment is masked like a bound one.
        const body = n.range.start + COMMENT_OPEN.length;
        for (const r of secretElementShapes(n.text)) secrets.add({ start: body + r.start, end: body + r.end });
        const d = directivesOn ? parseDirective(n.text, n.range, lines.position(n.range.start).line) : undefined;
        if (d) directives.push(d);
        else if (directivesOn && opts.directiveSeverity) {
          const bad = misspeltDirective(n.text);
          if (bad) misspelt.push({ ...bad, range: n.range });
        }
        if (d?.kind === 'disable-file') fileWide.push(d);
        rules.all('onComment', n, n.range.start);
      },
    }, streamed ? piecesOf(streamed) : undefined);
    fatal = result.fatal;
    if (!fatal) rules.all('onDocumentEnd', facts?.model() ?? EMPTY_MODEL, text.length);
  }
  if (fatal && streamed) return undefined;
  if (fatal) {
    // In a file that is not well-formed, what the parser never bound (past the error, inside the markup that broke)
    // may hold passwords: they are found by shape (such files are few, so the whole text is read).
    for (const r of secretElementShapes(access.text())) secrets.add(r);
    const range = { start: fatal.offset, end: fatal.offset };
    // A file that is not well-formed gets this one finding: what rules reported before the parser met the error
    // goes, and no directive is judged (none could suppress anything).
    diagnostics.length = 0;
    diagnostics.push({ ruleId: null, severity: 2, fatal: true, message: fatal.message, ...lines.span(range), range });
  }
  const kept = fatal ? diagnostics : suppress(diagnostics, directives, opts, lines, misspelt);
  const { ranges: secretRanges, values: secretValues } = everyOccurrence(text, secrets, streamed, fatal ? (fatal.markupUntil ?? 0) : undefined);
  // A safety net behind ctx.quote: any secret text that still reached a message is masked, in one pass per message.
  if (kept.length > 0 && secretRanges.length > 0) {
    const find = messageSecretFinder(secretValues, kept.length);
    const all = createSecretRanges(secretRanges);
    const mask = (t: string): string => maskFound(t, find(t));
    for (const d of kept) {
      // Made again from masked data when it shows a secret: the message's own words are never masked.
      if (find(d.message).length > 0) d.message = remasked(d, mask) ?? mask(d.message);
      d.vetted = true;
      if (d.fix && all.overlaps({ start: d.fix.range[0], end: d.fix.range[1] })) delete d.fix;
    }
  }
  const messages = dedupe(kept);
  // A streamed file keeps no whole text: the lines its findings are on are read back for reporters.
  const source = streamed ? undefined : access.text();
  const excerpt = streamed && messages.length > 0 ? excerptOf(streamed, lines, messages, secretRanges) : undefined;
  // Filled in place: spreading the summary into a new object is a slow path of the runtime, and it is made per file.
  const result = summarise(opts.filePath, messages, source, secretRanges);
  if (excerpt) result.excerpt = excerpt;
  result.encoding = p.encoding;
  result.bom = p.bom;
  return result;
}

const COMMENT_OPEN = '<!--';

const SECOND_BOM = {
  message: 'a second byte order mark (U+FEFF) follows the file\'s own, so the file is not well-formed: it is text before the XML declaration; save the file with one BOM',
  offset: 0,
};

/** A range this long or shorter is shown whole (SARIF snippets with their context); longer ones by their first and last lines. */
const SHOWN_WHOLE = 8192;

/** The lines reporters show of a streamed file's findings: each finding's lines with one more on each side. */
function excerptOf(text: StreamedText, lines: LineIndex, messages: readonly Diagnostic[], secretRanges: readonly Range[]): SourceExcerpt {
  const wanted = new Set<number>();
  const around = (from: number, to: number): void => {
    for (let l = Math.max(1, from - 1); l <= Math.min(lines.lineCount, to + 1); l++) wanted.add(l);
  };
  for (const d of messages) {
    const length = d.range ? d.range.end - d.range.start : 0;
    if (length <= SHOWN_WHOLE) around(d.line, d.endLine);
    else {
      around(d.line, d.line);
      around(d.endLine, d.endLine);
    }
  }
  const kept = [...wanted].sort((a, b) => a - b).map((line) => {
    const start = lines.lineStart(line);
    const end = line < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    return { line, start, text: text.slice(start, end) };
  });
  // The values reporters mask messages against, as they would read them from the whole text.
  return { length: text.length, lineCount: lines.lineCount, lines: kept, secretValues: secretValuesOf(text, mergeRanges(secretRanges)) };
}

function* piecesOf(text: StreamedText): Generator<string> {
  for (const p of text.pieces()) yield p.text;
}


/** The visitor of a rule not made for this file (yet). */
const NO_HOOKS: Visitor = Object.freeze({});


/**
 * The file's secret ranges, with every other place its secret values are written (a comment, a command, an element
 * the parser never bound): a secret is secret wherever the file repeats it. One pass over the text, and one sort.
 */
function everyOccurrence(text: TextReader, secrets: SecretRanges, streamed: StreamedText | undefined, brokenAt: number | undefined): { ranges: Range[]; values: string[] } {
  const found = secrets.list();
  const values = secretValuesOf(text, found);
  const repeatable = values.filter((v) => v.trim().length >= SHORT_SECRET);
  if (repeatable.length === 0) return { ranges: found, values };
  // A streamed text is read once more, piece by piece.
  const all = createSecretRanges([...found, ...occurrencesIn(streamed ? streamed.pieces() : [{ text: text as string, start: 0 }], repeatable, brokenAt)]);
  return { ranges: all.list(), values };
}

type GlobalHook = 'onDocument' | 'onSettings' | 'onSettingsEnd' | 'onComponent' | 'onComponentEnd' | 'onComment' | 'onDocumentEnd';
const GLOBAL_HOOKS: readonly GlobalHook[] = ['onDocument', 'onSettings', 'onSettingsEnd', 'onComponent', 'onComponentEnd', 'onComment', 'onDocumentEnd'];

interface Listener {
  id: string;
  v: Visitor;
  fn: (this: Visitor, n: unknown) => void;
}

interface Dispatch {
  /** Hands an event to every rule with that hook. */
  all(h: GlobalHook, node: unknown, offset: number): void;
  /** Hands an element event to the rules that hear its setting (all, or theirs) and its binding status. */
  onElement(el: BoundElement, node: unknown): void;
  onElementEnd(el: BoundElement, node: unknown): void;
  onValue(el: BoundElement, node: unknown): void;
}

const HOOK_NAMES: readonly string[] = [...GLOBAL_HOOKS, 'onElement', 'onElementEnd', 'onValue'];

/**
 * The hook names a visitor may have: a plain object's own keys (most have one to three of the ten), every name for
 * a visitor made by a class, whose methods are not enumerable.
 */
function hooksOf(v: Visitor): Iterable<string> {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null ? Object.keys(v) : HOOK_NAMES;
}

/** Creates each enabled rule's visitor for this file and lays out, per hook, who hears what. */
function startRules(plan: DispatchPlan, opts: LintOptions, sink: Sink, source: SourceInfo, secrets: SecretRanges, text: TextAccess): Dispatch {
  const { lines, filePath } = sink;
  // What is the same for every rule of this file is made once.
  const settings = opts.settings ?? {};
  const markSecret = (range: Range): void => secrets.add(range);
  const isSecret = (range: Range): boolean => secrets.overlaps(range);
  const quote = (value: string, range: Range): string => quoteValue(secrets.overlaps(range) ? MASK : value);
  const lineOf = (offset: number): number => lines.position(offset).line;
  const create = (i: number): Visitor => {
    const { rule, severity, options } = plan.rules[i]!;
    const ctx = new Context(rule.meta.id, filePath, text, options, settings, opts.kb, source, createReporter(sink, rule, severity), markSecret, isSecret, quote, lineOf);
    try {
      return rule.create(ctx);
    } catch (err) {
      throw crash(err, rule.meta.id, 0, filePath, lines);
    }
  };
  // Rules quiet without their facts are made at the end of the document, and only when it holds one of them.
  const visitors: Visitor[] = plan.rules.map((_, i) => (plan.quiet[i] ? NO_HOOKS : create(i)));
  // Listeners are the visitors' own functions, called with their visitor as `this`: nothing is bound per file. One
  // list per global hook, and one table per element hook indexed by rule.
  const global = new Map<GlobalHook, Listener[]>(GLOBAL_HOOKS.map((h) => [h, []]));
  const own: Record<ElementHook, (Listener | undefined)[]> = {
    onElement: new Array(visitors.length),
    onElementEnd: new Array(visitors.length),
    onValue: new Array(visitors.length),
  };
  // The element hooks of every visitor, one character per rule: the plan's tables for that shape say who hears what.
  let shape = '';
  for (let i = 0; i < visitors.length; i++) {
    const v = visitors[i]!;
    let bits = 0;
    if (v !== NO_HOOKS) {
      const id = plan.rules[i]!.rule.meta.id;
      for (const h of hooksOf(v)) {
        const fn = v[h as keyof Visitor] as Listener['fn'] | undefined;
        if (typeof fn !== 'function') continue;
        if (Object.hasOwn(HOOK_BITS, h)) {
          own[h as ElementHook][i] = { id, v, fn };
          bits |= HOOK_BITS[h as ElementHook];
        } else {
          global.get(h as GlobalHook)?.push({ id, v, fn });
        }
      }
    }
    shape += String.fromCharCode(48 + bits);
  }
  const tables = plan.hookTables(shape);
  const call = (list: readonly Listener[], node: unknown, offset: number): void => {
    let i = 0;
    try {
      for (; i < list.length; i++) {
        const l = list[i]!;
        l.fn.call(l.v, node);
      }
    } catch (err) {
      throw crash(err, list[i]!.id, offset, filePath, lines);
    }
  };
  // Element hooks: who hears an element depends on its slot only (its setting, binding status and plainness), which the
  // plan works out once per config for the rules with each hook. The slot is worked out when the element opens, and
  // kept by depth for its value and its end tag.
  const slots: number[] = [];
  const elementDispatch = (h: ElementHook) => {
    const listeners = own[h];
    const heard = tables[h];
    const opens = h === 'onElement';
    return (el: BoundElement, node: unknown): void => {
      let slot: number;
      if (opens) {
        const b = el.binding;
        slot = slots[el.depth] = elementSlot(b.setting?.id, b.status, el.plain);
      } else {
        slot = slots[el.depth]!;
      }
      const rules = heard(slot);
      let k = 0;
      try {
        for (; k < rules.length; k++) {
          const l = listeners[rules[k]!]!;
          l.fn.call(l.v, node);
        }
      } catch (err) {
        throw crash(err, listeners[rules[k]!]!.id, el.range.start, filePath, lines);
      }
    };
  };
  const end = global.get('onDocumentEnd')!;
  const documentEnd = (model: AnswerModel): void => {
    call(end, model, text.length);
    for (let i = 0; i < visitors.length; i++) {
      const keys = plan.quiet[i];
      if (!keys || !keys.some((k) => model.all(k).length > 0)) continue;
      const v = create(i);
      const id = plan.rules[i]!.rule.meta.id;
      for (const h in v) {
        if (h !== 'onDocumentEnd') throw new InternalError(`rule "${id}" is quiet without facts but has a ${h} hook; only onDocumentEnd is called for it`, id, filePath);
      }
      if (v.onDocumentEnd) call([{ id, v, fn: v.onDocumentEnd as Listener['fn'] }], model, text.length);
    }
  };
  return {
    all: (h, node, offset) => (h === 'onDocumentEnd' ? documentEnd(node as AnswerModel) : call(global.get(h)!, node, offset)),
    onElement: elementDispatch('onElement'),
    onElementEnd: elementDispatch('onElementEnd'),
    onValue: elementDispatch('onValue'),
  };
}

/** The diagnostics no inline directive suppresses, plus the findings about the directives themselves. */
function suppress(diagnostics: Diagnostic[], directives: Directive[], opts: LintOptions, lines: LineIndex, misspelt: Misspelt[]): Diagnostic[] {
  const endLineOf = (d: Directive): number => lines.position(d.range.end).line;
  const { kept, unused } = applyDirectives(diagnostics, directives, endLineOf);
  if (opts.directiveSeverity) for (const d of directiveFindings(directives, unused, opts, lines, misspelt)) kept.push(d);
  return kept;
}

/** An exception from a rule as our fault, naming the rule and where in the file it was (InternalErrors pass through). */
function crash(err: unknown, id: string, offset: number, filePath: string, lines: LineIndex): InternalError {
  if (err instanceof InternalError) return err;
  const pos = lines.position(offset);
  const what = err instanceof Error ? err.message : String(err);
  return new InternalError(`rule "${id}" crashed on ${filePath}:${pos.line}:${pos.column}: ${what}`, id, filePath, pos.line, pos.column, err);
}

/** A comment that starts like a directive but is none, and where it is. */
type Misspelt = MisspeltDirective & { range: Range };

function directiveFindings(
  directives: Directive[],
  unused: ReturnType<typeof applyDirectives>['unused'],
  opts: LintOptions,
  lines: LineIndex,
  misspelt: readonly Misspelt[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const severity = opts.directiveSeverity as 1 | 2;
  const push = (d: { range: Range }, message: string): void => {
    out.push({ ruleId: DIRECTIVE_RULE_ID, severity, message, ...lines.span(d.range), range: d.range });
  };
  for (const m of misspelt) {
    const hint = m.meant === undefined
      ? 'the directives are unattend-lint-disable, -enable, -disable-line, -disable-next-line and -disable-file'
      : m.meant.toLowerCase() === m.written.toLowerCase()
        ? `directives are written in lower case: "${m.meant}"`
        : `did you mean "${m.meant}"?`;
    push(m, `"${m.written}" is not an unattend-lint directive, so this comment suppresses nothing; ${hint}`);
  }
  const unknown = new Set<string>();
  for (const d of directives) {
    for (const r of d.rules) {
      if (opts.knownRuleIds && !opts.knownRuleIds.has(r)) {
        unknown.add(`${d.range.start}:${r}`);
        const near = didYouMean(r, opts.knownRuleIds);
        push(d, `unattend-lint-${d.kind} names unknown rule "${r}"${near || '; check the rule id (unattend-lint --list-rules)'}`);
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
  return out.sort((a, b) => a.line - b.line || a.column - b.column || byCodeUnits(String(a.ruleId), String(b.ruleId)));
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
