// Public API: lint text or files programmatically, define rules, and the vocabulary types.
import { builtinRules } from '../rules/index.js';
import { createLinter } from './lint.js';
import { findFiles } from './files.js';
import type { FileResult } from './types.js';

export { defineRule } from './engine/rule.js';
export type { Rule, RuleMeta, RuleContext, Visitor, AnyRule, ReportExtra } from './engine/rule.js';
export type * from './parser/events.js';
export type * from './types.js';
export type { KnowledgeBase, SettingRecord, ComponentRecord } from './kb/types.js';
export type { KbTree, SettingNode, ComponentEntry, ListItemInfo } from './kb/tree.js';
export type { SettingKey, ComponentName } from './kb/setting-keys.js';
export type { Binding, BindStatus, BoundElement, BoundValue, BoundComponent, ListItem } from './binder/bind.js';
export type { AnswerModel, Fact, FactComponent, FactItem } from './engine/model.js';
export { builtinRules };

export interface ApiOptions {
  cwd?: string;
  configFile?: string;
  noConfigLookup?: boolean;
  /** Rule settings as on the command line, e.g. "mixed-architecture: off". */
  rules?: string[];
  /** Files to skip, as --ignore-pattern: globs relative to cwd, meaning what a config's "ignores" mean. */
  ignorePatterns?: string[];
}

const linterFor = (opts: ApiOptions) =>
  createLinter({
    cwd: opts.cwd ?? process.cwd(),
    builtinRules,
    ...(opts.configFile ? { configFile: opts.configFile } : {}),
    noConfigLookup: !!opts.noConfigLookup,
    cliRules: opts.rules ?? [],
    ignorePatterns: opts.ignorePatterns ?? [],
  });

/** Lints answer-file text (or bytes); `filePath` names it and decides which config applies. */
export async function lintText(text: string | Uint8Array, filePath: string, opts: ApiOptions = {}): Promise<FileResult> {
  return linterFor(opts).lintBytes(text, filePath);
}

/** Lints files, directories and globs as the CLI does. */
export async function lintFiles(patterns: string[], opts: ApiOptions = {}): Promise<{ results: FileResult[]; errors: string[] }> {
  const linter = linterFor(opts);
  const search = findFiles(patterns, opts.cwd ?? process.cwd());
  const results: FileResult[] = [];
  for (const f of search.files) {
    if (!(await linter.isIgnored(f.path))) results.push(await linter.lintFile(f.path));
  }
  return { results, errors: search.errors };
}
