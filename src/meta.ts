// Facts about the tool itself: name, version, where rule docs live.
import { readFileSync } from 'node:fs';

export const TOOL_NAME = 'unattend-lint';
const HOMEPAGE = 'https://github.com/unattend-lint/unattend-lint';
const RULE_DOCS_BASE = `${HOMEPAGE}/blob/main/rules/`;

/** Set by the bundle build (scripts/bundle.mjs), which has no package.json at a fixed place beside it. */
declare const UNATTEND_LINT_VERSION: string | undefined;

let version: string | undefined;
/** Version from package.json (dist/src/meta.js → ../../package.json), or the one the bundle was built with. */
export function toolVersion(): string {
  version ??=
    typeof UNATTEND_LINT_VERSION === 'string'
      ? UNATTEND_LINT_VERSION
      : (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}

export const ruleDocsUrl = (id: string): string => `${RULE_DOCS_BASE}${id}.md`;
