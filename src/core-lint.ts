// The portable core without its reporters: what the Node entry (src/index.ts) exports as it is. The Node entry
// loads reporters on demand instead (loadReporter), so that a run evaluates only the format it writes; src/core.ts
// adds them for builds of the core.

// Decoding and positions.
export { decode, type DecodedSource, type DetectedEncoding, type XmlDeclaration } from './source/decode.js';
export { encode } from './source/encode.js';
export { createLineIndex, type LineIndex, type LineEndings, type Span } from './source/line-index.js';

// Parser and binder.
export { parse, MAX_DEPTH, type ParseSink, type ParseResult, type ParseFatal } from './parser/sax-adapter.js';
export type * from './parser/events.js';
export { createBinder, type Binder, type Binding, type BindStatus, type BoundElement, type BoundValue, type BoundComponent, type ListItem } from './binder/bind.js';

// Engine.
export { lintSource, lintStream, summarise, DIRECTIVE_RULE_ID, type LintOptions, type StreamOptions, type EnabledRule } from './engine/run.js';
export { CHUNK_BYTES, type ByteReader } from './source/stream.js';
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

export type { Reporter, ReporterContext } from './reporters/types.js';
export { TOOL_NAME, ruleDocsUrl } from './meta.js';
