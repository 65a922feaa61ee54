// --list-rules: the rule catalogue as an aligned table or JSON.
import type { AnyRule } from './engine/rule.js';
import { byCodeUnits } from './util/sorted.js';

export function listRules(rules: AnyRule[], format: 'text' | 'json'): string {
  const sorted = [...rules].sort((a, b) => byCodeUnits(a.meta.id, b.meta.id));
  if (format === 'json') {
    const rows = sorted.map(({ meta }) => ({
      id: meta.id,
      summary: meta.summary,
      category: meta.category,
      severity: meta.severity,
      recommended: meta.recommended !== false,
      fixable: !!meta.fixable,
      docsUrl: meta.docsUrl,
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  const w = Math.max(0, ...sorted.map((r) => r.meta.id.length));
  return sorted.map(({ meta }) => `${meta.id.padEnd(w)}  ${meta.severity.padEnd(5)}  ${meta.category.padEnd(11)}  ${meta.summary}\n`).join('');
}
