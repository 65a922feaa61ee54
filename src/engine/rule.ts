// The rule contract: metadata as data, typed message functions, typed visitor hooks, defineRule.
import type { Fix, Range, RuleCategory, SeverityName } from '../types.js';
import type { ParseSink } from '../parser/sax-adapter.js';
import type { Binding, BindStatus } from '../binder/bind.js';
import type { KnowledgeBase } from '../kb/types.js';
import type { SettingKey } from '../kb/setting-keys.js';
import type { SettingNode } from '../kb/tree.js';
import type { AnswerModel } from './model.js';
import type { XmlDeclaration } from '../source/decode.js';
import type { LineEndings } from '../source/line-index.js';

export interface SourceInfo {
  encoding: string;
  bom: boolean;
  declaration?: XmlDeclaration;
  /** Line terminators seen in the file. */
  lineEndings: LineEndings;
}

// eslint-style: each message id maps to a function of typed data returning the message text.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MessageFns = Record<string, (data: any) => string>;

export interface RuleMeta<M extends MessageFns = MessageFns, O = Record<string, unknown>> {
  /** kebab-case id; a public contract, never renamed. */
  id: string;
  /** One line: doc title and SARIF short description. */
  summary: string;
  category: RuleCategory;
  /** Default severity when the rule is enabled by a preset. */
  severity: Exclude<SeverityName, 'off'>;
  /** Included in unattend-lint:recommended (default true). */
  recommended?: boolean;
  messages: M;
  /** JSON Schema of the options object (type "object"); defaults are applied from `defaultOptions`. */
  schema?: Record<string, unknown>;
  defaultOptions?: O;
  fixable?: boolean;
  /** Docs URL; filled in by the registry for built-in rules. */
  docsUrl?: string;
  /** SARIF security-severity ("0.0".."10.0") for security rules. */
  securitySeverity?: string;
  /** Extra tags for SARIF. */
  tags?: string[];
  /**
   * The settings this rule is about: its onElement, onElementEnd and onValue hooks are then called only for
   * elements bound to them (written exactly or with a case slip), and for nothing else. Either keys, or a test
   * of the knowledge base's setting nodes (e.g. "every typed leaf"), evaluated once per config.
   */
  settings?: readonly SettingKey[] | ((setting: SettingNode) => boolean);
  /**
   * The binding statuses this rule's element hooks are about (e.g. only "unknown" elements): they are then called
   * for nothing else. With `settings`, an element must meet both.
   */
  elements?: readonly BindStatus[];
  /**
   * false: the rule's element hooks are not called for plain elements (ElementNode.plain), which most elements are:
   * for rules about the envelope and namespaces, which have nothing to say of a plain setting.
   */
  plainElements?: boolean;
  /**
   * The facts the rule reads from the answer model at the end of the document: setting keys, or a function of
   * the rule's options (policy rules turn configured paths into needs; unknown keys are a configuration error).
   */
  facts?: readonly SettingKey[] | ((options: O, kb: KnowledgeBase) => readonly string[]);
  /**
   * The rule reports nothing about a file that holds none of its `facts` (every finding is about one of them): the
   * engine then creates it only at the end of a document holding some, and skips it for the others. Such a rule
   * has no hook but onDocumentEnd.
   */
  quietWithoutFacts?: boolean;
}

export interface ReportExtra {
  fix?: Fix;
  related?: { message: string; range: Range }[];
}

export interface RuleContext<M extends MessageFns = MessageFns, O = Record<string, unknown>> {
  readonly id: string;
  readonly filePath: string;
  /**
   * Decoded text of the file. Prefer `slice`, `conditionals` and `templateMarks`, which need no whole-file string:
   * built-in rules use only those, so that a large file can be linted as a stream.
   */
  readonly text: string;
  /** The file's text from `start` to `end` (offsets in UTF-16 code units, as every range). */
  slice(start: number, end: number): string;
  /** Offsets of the file's template conditionals ({% if %}, %{ if }, {{ if }}, a line's "% if"), ascending. */
  conditionals(): readonly number[];
  /** Offsets of the characters every built-in template token holds ({ @ # $ %), ascending. */
  templateMarks(): readonly number[];
  readonly options: O;
  /** Shared settings from the config (e.g. targetVersion). */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly kb: KnowledgeBase;
  /** How the bytes were decoded (BOM, encoding, XML declaration). */
  readonly source: SourceInfo;
  report<K extends keyof M & string>(
    messageId: K,
    range: Range,
    data: Parameters<M[K]>[0],
    extra?: ReportExtra,
  ): void;
  /** Marks a range as secret: reporters never print its text. */
  markSecret(range: Range): void;
  /**
   * Whether reporters mask any of `range` so far: a secret setting's value read before it, a credential found by its
   * shape anywhere in the file (known before the first hook), or a range a rule marked.
   */
  isSecret(range: Range): boolean;
  /**
   * `"text"` for a message, or a mask when `range` (where the text is written) overlaps a secret: the one way
   * messages quote what a file says.
   */
  quote(text: string, range: Range): string;
  /** 1-based line of an offset. */
  lineOf(offset: number): number;
}

/** A rule's hooks: the parser's events with the binder's resolution, plus the end of a well-formed document. */
export interface Visitor extends ParseSink<Binding> {
  /** After the whole file parsed well-formed; whole-file decisions and answer-model queries go here. */
  onDocumentEnd?(model: AnswerModel): void;
}

export interface Rule<M extends MessageFns = MessageFns, O = Record<string, unknown>> {
  meta: RuleMeta<M, O>;
  create(ctx: RuleContext<M, O>): Visitor;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, any>;

/** Identity helper that gives a rule full type inference for its messages and options. */
/**
 * Words of a rule's own for a message's data (a label such as "the AutoLogon password"), which the engine never
 * masks when the file's secrets are masked in a finding's data: the message's own words never show a secret, and
 * masking them would show which word a password is. For constants only, never for text from the file.
 */
export function ownWords(text: string): string {
  // A String object reads as its text in a template; the engine tells it from file text by what it is.
  return new String(text) as unknown as string;
}

export function defineRule<M extends MessageFns, O = Record<string, unknown>>(rule: Rule<M, O>): Rule<M, O> {
  return rule;
}
