// Facts about the tool itself: name and where rule docs live (its version, read from package.json, is in version.ts).

export const TOOL_NAME = 'unattend-lint';
const HOMEPAGE = 'https://github.com/unattend-lint/unattend-lint';
const RULE_DOCS_BASE = `${HOMEPAGE}/blob/main/rules/`;

export const ruleDocsUrl = (id: string): string => `${RULE_DOCS_BASE}${id}.md`;
