// The reporter contract: what every output format receives, so formats stay pure functions.
import type { RuleMeta } from '../engine/rule.js';
import type { FileResult } from '../types.js';

export interface ReporterContext {
  /** Base for relative paths (text, compact, github) and for SARIF's %SRCROOT%. */
  cwd: string;
  /** Metadata of every rule known in the run, keyed by id (SARIF driver.rules, docs URLs). */
  rules: Map<string, RuleMeta>;
  /** Decided by the CLI (TTY, --color/--no-color, NO_COLOR); reporters never look at the env. */
  color: boolean;
  /**
   * The Markdown doc of a rule (rules/<id>.md for built-in rules), for SARIF's help.markdown; the CLI reads
   * the files, so reporters stay pure. Without it, or for an id it does not know, help is the summary and a link.
   */
  ruleDoc?: (id: string) => string | undefined;
  /** unattend-lint's own version, for SARIF tool.driver.version. */
  toolVersion: string;
}

/**
 * Turns lint results into the text to write. Output is empty or ends with a newline, so the CLI
 * writes it verbatim.
 */
export type Reporter = (results: FileResult[], ctx: ReporterContext) => string;
