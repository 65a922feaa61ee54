// The portable core: decoding, parser, binder, engine, knowledge-base queries, the built-in rules and the pure
// reporters, with no Node API in it or in anything it imports (tsconfig.core.json checks this; test/core-browser.ts
// builds it for a browser and lints with the result). The Node entry (src/index.ts) adds files, config search and
// walking on top. The caller brings the knowledge base's data (knowledgeBaseFromFiles) unless the build embedded it.

export * from './core-lint.js';

// Pure reporters: results → string (the caller supplies rule docs and the tool version in the context). The gitlab
// reporter is in the Node entry only (loadReporter('gitlab')): its fingerprints are SHA-256 hashes from node:crypto.
export { json } from './reporters/json.js';
export { sarif } from './reporters/sarif.js';
export { text, textLines } from './reporters/text.js';
export { compact } from './reporters/compact.js';
export { github } from './reporters/github.js';
export { checkstyle } from './reporters/checkstyle.js';
export { junit } from './reporters/junit.js';
