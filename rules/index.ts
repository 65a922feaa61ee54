// The explicit list of built-in rules (a test checks it matches the files in rules/).
import type { AnyRule } from '../src/engine/rule.js';
import { ruleDocsUrl } from '../src/meta.js';

const list: AnyRule[] = [];

for (const r of list) r.meta.docsUrl ??= ruleDocsUrl(r.meta.id);

export const builtinRules: readonly AnyRule[] = list;
