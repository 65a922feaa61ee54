// ESLint-compatible JSON, so tools built for ESLint's json formatter read unattend-lint's output.
import type { Diagnostic, Fix, FileResult } from '../types.js';
import { secretRedactor, showableFix, messageText } from './secrets.js';
import type { Reporter } from './types.js';

export interface JsonMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fatal?: true;
  fix?: Fix;
  messageId?: string;
  docsUrl?: string;
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

// Fields are copied one by one (never spread) so that internal ones such as `range`, `related`,
// `source` and `secretRanges` cannot slip into the output when the types grow.
function toMessage(d: Diagnostic, file: FileResult, redact: (s: string) => string): JsonMessage {
  const m: JsonMessage = {
    ruleId: d.ruleId,
    severity: d.severity,
    message: messageText(d, redact),
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
  };
  if (d.fatal) m.fatal = true;
  const fix = showableFix(d.fix, file);
  if (fix) m.fix = { range: [fix.range[0], fix.range[1]], text: fix.text };
  if (d.messageId !== undefined) m.messageId = d.messageId;
  if (d.docsUrl !== undefined) m.docsUrl = d.docsUrl;
  return m;
}

export function toJsonResults(results: FileResult[]): JsonResult[] {
  return results.map((file) => {
    const redact = secretRedactor(file);
    return {
      filePath: file.filePath,
      messages: file.messages.map((d) => toMessage(d, file, redact)),
      errorCount: file.errorCount,
      warningCount: file.warningCount,
      fatalErrorCount: file.fatalErrorCount,
      fixableErrorCount: file.fixableErrorCount,
      fixableWarningCount: file.fixableWarningCount,
    };
  });
}

export const json: Reporter = (results) => `${JSON.stringify(toJsonResults(results))}\n`;
