// Shared vocabulary of unattend-lint: positions, ranges, severities, diagnostics and file results.

/** 0 = off, 1 = warning, 2 = error (ESLint's numbering). */
export type Severity = 0 | 1 | 2;
export type SeverityName = 'off' | 'warn' | 'error';

/** Half-open range of UTF-16 code-unit offsets into the decoded text of a file. */
export interface Range {
  start: number;
  end: number;
}

/** A 1-based line and column (column counted in UTF-16 code units, as editors and SARIF do). */
export interface Position {
  line: number;
  column: number;
}

/** A byte-exact text edit over the decoded text. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface RelatedLocation {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Diagnostic {
  /** Rule id, or null for a file that is not well-formed XML (fatal) or cannot be read. */
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets into the decoded text (not serialised by the JSON reporter). */
  range?: Range;
  fatal?: boolean;
  fix?: Fix;
  related?: RelatedLocation[];
  /** Help URL of the rule. */
  docsUrl?: string;
  /**
   * The engine masked the file's secrets in `message`, in what the file said only (the message's own words are never
   * masked: with the password "Password", "<Password>" stays as written): reporters print it as it is. Not serialised.
   */
  vetted?: true;
}

export interface FileResult {
  /** Absolute path, or the --stdin-filename / "<stdin>". */
  filePath: string;
  messages: Diagnostic[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Decoded text, kept for code frames; reporters must mask secrets before printing any of it. */
  source?: string;
  /**
   * For a file linted as a stream (which keeps no whole text): the lines its findings are on, read back from it,
   * for the same code frames and snippets. Reporters must mask secrets before printing any of it.
   */
  excerpt?: SourceExcerpt;
  /** Offset ranges of secret values (passwords, credentials) in `source`, never to be printed. */
  secretRanges?: Range[];
  /** Encoding and byte order mark the file was read with (so that fixes are written back the same way). */
  encoding?: string;
  bom?: boolean;
}

/** Some lines of a file's text, with where each starts: what reporters show of a file linted as a stream. */
export interface SourceExcerpt {
  /** Length of the whole text (UTF-16 code units). */
  length: number;
  lineCount: number;
  /** Lines in ascending order: 1-based number, offset of their start, and their text with its line break. */
  lines: { line: number; start: number; text: string }[];
  /** The file's secret values as written, trimmed and not (never to be printed: what messages are masked against). */
  secretValues: string[];
  /**
   * primaryLocationLineHash of the findings' lines, by line number, when a report needs them (the CLI adds them for
   * SARIF and GitLab reports, reading the file again: addLineHashes).
   */
  lineHashes?: Record<number, string>;
}

export type RuleCategory = 'correctness' | 'security' | 'policy' | 'style';
