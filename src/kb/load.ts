// The shipped knowledge base for the Node entry: the generated kb/data/*.json files read from disk, or the copy the
// bundle embeds. The knowledge base itself (src/kb/knowledge-base.ts) reads no files.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from './types.js';
import { embeddedKnowledgeBase, knowledgeBaseFromFiles } from './knowledge-base.js';

export { createKnowledgeBase } from './knowledge-base.js';

/** dist/src/kb/load.js (and src/kb/load.ts) → <package root>/kb/data. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../kb/data/', import.meta.url));

const instances = new Map<string, KnowledgeBase>();

/**
 * The shipped knowledge base (the embedded copy in the bundle), or the one in `dataDir`. Each data file is read on
 * the first query that needs it; the instance is shared per directory, so loading it again costs nothing.
 */
export function loadKnowledgeBase(options: { dataDir?: string } = {}): KnowledgeBase {
  const embedded = options.dataDir === undefined ? embeddedKnowledgeBase() : undefined;
  if (embedded) return embedded;
  const dir = options.dataDir ?? DEFAULT_DATA_DIR;
  let kb = instances.get(dir);
  if (!kb) {
    kb = knowledgeBaseFromFiles(
      (file) => readFileSync(join(dir, file), 'utf8'),
      (file) => join(dir, file),
    );
    instances.set(dir, kb);
  }
  return kb;
}
