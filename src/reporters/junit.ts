// JUnit XML, the test-report format Azure DevOps (PublishTestResults), Jenkins (junit), GitLab and others
// read: a test suite per linted file, a failed test case per finding, one passing test case for a clean file.
import { TOOL_NAME } from '../meta.js';
import { posixPath } from './paths.js';
import { sarifRuleId } from './sarif-rules.js';
import { secretRedactor, messageText } from './secrets.js';
import type { Reporter } from './types.js';
import { XML_DECLARATION, xmlAttr, xmlText } from './xml.js';
import type { FileResult } from '../types.js';

function suite(file: FileResult, path: string): { lines: string[]; tests: number; failures: number; errors: number } {
  const redact = secretRedactor(file);
  const name = xmlAttr(path);
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  for (const d of file.messages) {
    const id = sarifRuleId(d);
    const severity = d.severity === 2 ? 'error' : 'warning';
    const message = messageText(d, redact);
    // A file that is not well-formed XML is an error of the test (nothing could be checked), a finding a failure.
    const element = d.fatal ? 'error' : 'failure';
    if (d.fatal) errors++;
    else failures++;
    cases.push(
      `    <testcase name="${xmlAttr(`${id} at ${d.line}:${d.column}`)}" classname="${name}" time="0">`,
      `      <${element} type="${xmlAttr(id)}" message="${xmlAttr(message)}">${xmlText(`${path}:${d.line}:${d.column}: ${severity} ${message} [${id}]`)}</${element}>`,
      '    </testcase>',
    );
  }
  if (cases.length === 0) cases.push(`    <testcase name="${xmlAttr(TOOL_NAME)}" classname="${name}" time="0"/>`);
  const tests = Math.max(1, file.messages.length);
  const head = `  <testsuite name="${name}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="0" time="0">`;
  return { lines: [head, ...cases, '  </testsuite>'], tests, failures, errors };
}

export const junit: Reporter = (results, ctx) => {
  const body: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const file of results) {
    const s = suite(file, posixPath(file.filePath, ctx.cwd));
    for (const line of s.lines) body.push(line);
    tests += s.tests;
    failures += s.failures;
    errors += s.errors;
  }
  const head = `<testsuites name="${TOOL_NAME}" tests="${tests}" failures="${failures}" errors="${errors}" time="0">`;
  return [XML_DECLARATION, head, ...body, '</testsuites>', ''].join('\n');
};
