// Hand-built lint results shared by the reporter tests: realistic answer files, a secret, a fatal.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleMeta } from '../src/engine/rule.js';
import type { ReporterContext } from '../src/reporters/types.js';
import type { Diagnostic, FileResult, Range } from '../src/types.js';

/** Repository root: this file runs as dist/test/reporters-sample.js. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const GOLDEN_DIR = path.join(ROOT, 'fixtures/reporters');
export const CWD = '/home/ci/work/deploy';
export const PASSWORD = 'P@ssw0rd!';
export const DOMAIN_PASSWORD = 'Secr3t-Join';

interface Span {
  range: Range;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Where the nth occurrence of `needle` is, as the engine would report it. */
export function span(source: string, needle: string, nth = 1): Span {
  let start = -1;
  for (let i = 0; i < nth; i++) start = source.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`sample: "${needle}" not found`);
  const end = start + needle.length;
  const s = position(source, start);
  const e = position(source, end);
  return { range: { start, end }, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

const docs = (id: string): string => `https://unattend-lint.example.com/rules/${id}`;

function meta(id: string, m: Omit<RuleMeta, 'id' | 'messages' | 'docsUrl'>): [string, RuleMeta] {
  return [id, { id, messages: {}, docsUrl: docs(id), ...m }];
}

export const RULES = new Map<string, RuleMeta>([
  meta('setting-pass-invalid', { summary: 'Settings must be in a pass where Windows Setup applies them', category: 'correctness', severity: 'error' }),
  meta('password-plaintext', { summary: 'Passwords must not be stored in plain text', category: 'security', severity: 'error', securitySeverity: '8.9', tags: ['credentials'] }),
  meta('value-case', { summary: 'Enumerated values should use their documented spelling', category: 'style', severity: 'warn', fixable: true }),
  meta('component-duplicate', { summary: 'A component appears once per pass', category: 'correctness', severity: 'error' }),
  // Known but silent in the sample: must not appear in SARIF driver.rules.
  meta('product-key-format', { summary: 'Product keys have five groups of five characters', category: 'correctness', severity: 'error' }),
]);

export function context(over: Partial<ReporterContext> = {}): ReporterContext {
  return { cwd: CWD, rules: RULES, color: false, toolVersion: '0.1.0', ...over };
}

function diag(ruleId: string | null, severity: 1 | 2, message: string, s: Span, extra: Partial<Diagnostic> = {}): Diagnostic {
  const { range, line, column, endLine, endColumn } = s;
  const d: Diagnostic = { ruleId, severity, message, line, column, endLine, endColumn, range, ...extra };
  if (ruleId) {
    d.docsUrl = docs(ruleId);
    d.messageId = extra.messageId ?? 'default';
  }
  return d;
}

function fileResult(filePath: string, source: string, messages: Diagnostic[], secretRanges: Range[]): FileResult {
  const count = (sev: 1 | 2, pred: (d: Diagnostic) => boolean = () => true): number =>
    messages.filter((d) => d.severity === sev && pred(d)).length;
  return {
    filePath,
    messages,
    errorCount: count(2),
    warningCount: count(1),
    fatalErrorCount: messages.filter((d) => d.fatal).length,
    fixableErrorCount: count(2, (d) => d.fix !== undefined),
    fixableWarningCount: count(1, (d) => d.fix !== undefined),
    source,
    secretRanges,
  };
}

const SHELL = 'name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"';

export const UNATTEND = `<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="oobeSystem">
    <component ${SHELL}>
      <ComputerName>LAB-PC01</ComputerName>
      <UserAccounts>
        <AdministratorPassword>
          <Value>${PASSWORD}</Value>
          <PlainText>true</PlainText>
        </AdministratorPassword>
      </UserAccounts>
      <TimeZone>pacific standard time</TimeZone>
    </component>
  </settings>
</unattend>
`;

function unattendResult(): FileResult {
  const src = UNATTEND;
  const secret = span(src, PASSWORD).range;
  const tz = span(src, 'pacific standard time');
  // What a fixer would write: Windows Setup's base64 of the password + "AdministratorPassword".
  const encoded = Buffer.from(`${PASSWORD}AdministratorPassword`, 'utf16le').toString('base64');
  return fileResult(`${CWD}/unattend.xml`, src, [
    diag('setting-pass-invalid', 2, '<ComputerName> is not applied in pass "oobeSystem"; move it to pass "specialize" (valid: offlineServicing, specialize)', span(src, '<ComputerName>LAB-PC01</ComputerName>')),
    diag('password-plaintext', 2, '<AdministratorPassword> is stored in plain text; set <PlainText> to false and store the encoded value', span(src, `<Value>${PASSWORD}</Value>`), { fix: { range: [secret.start, secret.end], text: encoded } }),
    diag('value-case', 1, 'value "pacific standard time" of <TimeZone> differs in case from "Pacific Standard Time"', tz, {
      fix: { range: [tz.range.start, tz.range.end], text: 'Pacific Standard Time' },
    }),
  ], [secret]);
}

// Not well-formed: the closing tag is misspelt on the very line that holds a domain password.
export const BROKEN = `<?xml version="1.0" encoding="utf-8"?>\r
<unattend xmlns="urn:schemas-microsoft-com:unattend">\r
  <settings pass="specialize">\r
    <component name="Microsoft-Windows-UnattendedJoin">\r
      <Identification><Credentials><Password>${DOMAIN_PASSWORD}</Password></Credentails></Identification>\r
    </component>\r
  </settings>\r
</unattend>\r
`;

function brokenResult(): FileResult {
  const src = BROKEN;
  const at = span(src, '</Credentails>');
  return fileResult(`${CWD}/sites/Branch Office #2/autounattend.xml`, src, [
    diag(null, 2, 'unexpected close tag </Credentails>; expected </Credentials>', at, { fatal: true }),
  ], [span(src, DOMAIN_PASSWORD).range]);
}

export const DUPLICATE = `<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
\t<settings pass="specialize">
\t\t<component name="Microsoft-Windows-Deployment">
\t\t\t<Reseal><Mode>OOBE</Mode></Reseal>
\t\t</component>
\t\t<component name="Microsoft-Windows-Deployment">
\t\t\t<Reseal><Mode>Audit</Mode></Reseal>
\t\t</component>
\t</settings>
</unattend>
`;

function duplicateResult(): FileResult {
  const src = DUPLICATE;
  const first = span(src, '<component name="Microsoft-Windows-Deployment">');
  const second = span(src, '<component name="Microsoft-Windows-Deployment">\n\t\t\t<Reseal><Mode>Audit</Mode></Reseal>\n\t\t</component>');
  return fileResult(`${CWD}/images/unattend.xml`, src, [
    diag('component-duplicate', 1, 'component "Microsoft-Windows-Deployment" appears twice in pass "specialize"; first defined at line 4', second, {
      related: [{ message: 'first defined here', line: first.line, column: first.column, endLine: first.endLine, endColumn: first.endColumn }],
    }),
  ], []);
}

function cleanResult(): FileResult {
  return fileResult(`${CWD}/clean/unattend.xml`, '<unattend xmlns="urn:schemas-microsoft-com:unattend"/>\n', [], []);
}

/** Fresh objects each call, so no test can leak changes into another. */
export function sampleResults(): FileResult[] {
  return [unattendResult(), brokenResult(), duplicateResult(), cleanResult()];
}
