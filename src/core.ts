// The portable core: decoding, parser, binder, engine, knowledge-base queries, the built-in rules and the pure
// reporters, with no Node API in it or in anything it imports (tsconfig.core.json checks this; test/core-browser.ts
// builds it for a browser and lints with the result). The Node entry (src/index.ts) adds files, config search and
// walking on top. The caller brings the knowledge base's data (knowledgeBaseFromFiles) unless the build embedded it.

// Decoding and positions.
export { decode, type DecodedSource, type DetectedEncoding, type XmlDeclaration } from './source/decode.js';
export { encode } from './source/encode.js';
export { createLineIndex, type LineIndex, type LineEndings, type Span } from './source/line-index.js';

// Parser and binder.
export { parse, MAX_DEPTH, type ParseSink, type ParseResult, type ParseFatal } from './parser/sax-adapter.js';
export type * from './parser/events.js';
export { createBinder, type Binder, type Binding, type BindStatus, type BoundElement, type BoundValue, type BoundComponent, type ListItem } from './binder/bind.js';

// Engine.
export { lintSource, summarise, DIRECTIVE_RULE_ID, type LintOptions, type EnabledRule } from './engine/run.js';
export { createPlan, UnknownFactError, type DispatchPlan } from './engine/plan.js';
export { applyFixes, type FixOutcome } from './engine/fix.js';
export { defineRule } from './engine/rule.js';
export type { Rule, RuleMeta, RuleContext, Visitor, AnyRule, ReportExtra, SourceInfo } from './engine/rule.js';
export type { AnswerModel, Fact, FactComponent, FactItem } from './engine/model.js';
export { presetRules, type PresetName } from './engine/presets.js';
export type * from './types.js';

// Knowledge base.
export { createKnowledgeBase, knowledgeBaseFromFiles, embeddedKnowledgeBase, type KnowledgeBaseFiles } from './kb/knowledge-base.js';
export { DATA_FILES as KNOWLEDGE_BASE_FILES, type KnowledgeBaseData } from './kb/data-format.js';
export { parseTarget, TargetVersionError, type Target } from './kb/target.js';
export type { KnowledgeBase, SettingRecord, ComponentRecord } from './kb/types.js';
export type { KbTree, SettingNode, ComponentEntry, ListItemInfo } from './kb/tree.js';
export type { SettingKey, ComponentName } from './kb/setting-keys.js';

// Built-in rules.
export { builtinRules } from '../rules/index.js';

// Pure reporters: results → string (the caller supplies rule docs and the tool version in the context). The gitlab
// reporter is in the Node entry only: its fingerprints are SHA-256 hashes from node:crypto.
export { json } from './reporters/json.js';
export { sarif } from './reporters/sarif.js';
export { text, textLines } from './reporters/text.js';
export { compact } from './reporters/compact.js';
export { github } from './reporters/github.js';
export { checkstyle } from './reporters/checkstyle.js';
export { junit } from './reporters/junit.js';
export type { Reporter, ReporterContext } from './reporters/types.js';
export { TOOL_NAME, ruleDocsUrl } from './meta.js';
