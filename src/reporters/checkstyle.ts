// Checkstyle's XML report, read by Jenkins (Warnings Next Generation), SonarQube, reviewdog and many CI tools.
import { TOOL_NAME } from '../meta.js';
import { posixPath } from './paths.js';
import { sarifRuleId } from './sarif-rules.js';
import { secretRedactor, messageText } from './secrets.js';
import type { Reporter } from './types.js';
import { XML_DECLARATION, xmlAttr } from './xml.js';

// The report version Checkstyle's own XMLLogger writes and its readers expect.
const CHECKSTYLE_VERSION = '4.3';

export const checkstyle: Reporter = (results, ctx) => {
  const lines = [XML_DECLARATION, `<checkstyle version="${CHECKSTYLE_VERSION}">`];
  for (const file of results) {
    const redact = secretRedactor(file);
    const name = xmlAttr(posixPath(file.filePath, ctx.cwd));
    // Every linted file is listed, so readers count clean files too.
    if (file.messages.length === 0) {
      lines.push(`  <file name="${name}"/>`);
      continue;
    }
    lines.push(`  <file name="${name}">`);
    for (const d of file.messages) {
      const attrs = [
        `line="${Math.max(1, d.line)}"`,
        `column="${Math.max(1, d.column)}"`,
        `severity="${d.severity === 2 ? 'error' : 'warning'}"`,
        `message="${xmlAttr(messageText(d, redact))}"`,
        `source="${xmlAttr(`${TOOL_NAME}.rules.${sarifRuleId(d)}`)}"`,
      ];
      lines.push(`    <error ${attrs.join(' ')}/>`);
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>', '');
  return lines.join('\n');
};
