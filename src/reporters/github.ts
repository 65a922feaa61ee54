// GitHub Actions workflow commands, so findings show as annotations on the run and the pull request.
import { posixPath } from './paths.js';
import { sarifRuleId } from './sarif-rules.js';
import { secretRedactor, messageText } from './secrets.js';
import type { Reporter } from './types.js';

// Escaping documented for workflow commands (actions/toolkit, command.ts): without it a message
// containing a newline could start a command of its own.
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Reporter = (results, ctx) => {
  const lines: string[] = [];
  for (const file of results) {
    const redact = secretRedactor(file);
    const path = posixPath(file.filePath, ctx.cwd);
    for (const d of file.messages) {
      const props = [
        `file=${escapeProperty(path)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(sarifRuleId(d))}`,
      ];
      const command = d.severity === 2 ? 'error' : 'warning';
      lines.push(`::${command} ${props.join(',')}::${escapeData(messageText(d, redact))}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
