// One line per finding in the GNU "file:line:col: message" shape that editors and grep understand.
import { oneLine } from './frame.js';
import { posixPath } from './paths.js';
import { sarifRuleId } from './sarif-rules.js';
import { secretRedactor, messageText } from './secrets.js';
import type { Reporter } from './types.js';

export const compact: Reporter = (results, ctx) => {
  const lines: string[] = [];
  for (const file of results) {
    const redact = secretRedactor(file);
    const where = oneLine(posixPath(file.filePath, ctx.cwd));
    for (const d of file.messages) {
      const severity = d.severity === 2 ? 'error' : 'warning';
      lines.push(`${where}:${d.line}:${d.column}: ${severity} ${oneLine(messageText(d, redact))} [${sarifRuleId(d)}]`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
