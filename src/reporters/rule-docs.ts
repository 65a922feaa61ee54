// The built-in rules' docs (rules/<id>.md) for the CLI to hand to reporters: read from the rules folder beside
// dist/, or from the copy the bundle build embeds (the package ships only the bundle).
import { readFileSync } from 'node:fs';

/** The docs' text by rule id, embedded by the bundle build (scripts/bundle.ts); absent in dist/. */
declare const UNATTEND_LINT_RULE_DOCS: Readonly<Record<string, string>> | undefined;
const EMBEDDED = typeof UNATTEND_LINT_RULE_DOCS === 'object' ? UNATTEND_LINT_RULE_DOCS : undefined;

// dist/src/reporters/rule-docs.js → the repository's rules folder.
const RULES_DIR = new URL('../../../rules/', import.meta.url);
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A reader of rule docs by id, each file read at most once; undefined for ids that are not plain kebab-case
 * (plugin rules, anything that could name another path) and for docs that are missing or unreadable.
 */
export function builtinRuleDocs(): (id: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (id) => {
    if (!RULE_ID.test(id)) return undefined;
    if (EMBEDDED) return Object.hasOwn(EMBEDDED, id) ? EMBEDDED[id] : undefined;
    if (!cache.has(id)) {
      let doc: string | undefined;
      try {
        doc = readFileSync(new URL(`${id}.md`, RULES_DIR), 'utf8');
      } catch {
        doc = undefined;
      }
      cache.set(id, doc);
    }
    return cache.get(id);
  };
}
