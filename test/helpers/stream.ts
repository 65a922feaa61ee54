// Linting a file as a stream and from its whole bytes, for tests that compare the two.
import type { ByteReader } from '../../src/source/stream.js';
import { lintSource, lintStream, type LintOptions } from '../../src/engine/run.js';
import { createPlan } from '../../src/engine/plan.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { builtinRules } from '../../rules/index.js';
import { presetRules } from '../../src/engine/presets.js';
import type { FileResult } from '../../src/types.js';
import { text as textReporter } from '../../src/reporters/text.js';
import { toSarifLog } from '../../src/reporters/sarif.js';
import { json } from '../../src/reporters/json.js';
import { gitlab } from '../../src/reporters/gitlab.js';
import { addLineHashes } from '../../src/reporters/fingerprint.js';
import { mergeRanges } from '../../src/engine/secret-ranges.js';

/** Random access to bytes in memory, as the Node layer gives it to a file. */
export const bytesOf = (data: Uint8Array): ByteReader => ({
  size: data.length,
  read: (buffer, position) => {
    const part = data.subarray(position, position + buffer.length);
    buffer.set(part);
    return part.length;
  },
});

const kb = loadKnowledgeBase();
const rules = presetRules('all', builtinRules);

/** Every built-in rule at its default severity and options, with inline directives reported. */
export const everyRule = (filePath: string): LintOptions => ({
  filePath,
  rules,
  kb,
  plan: (plan ??= createPlan(rules, kb)),
  knownRuleIds: new Set(builtinRules.map((r) => r.meta.id)),
  directiveSeverity: 1,
});
let plan: ReturnType<typeof createPlan> | undefined;

const metas = new Map(builtinRules.map((r) => [r.meta.id, r.meta]));
const reporting = { cwd: '/', rules: metas, color: false, toolVersion: '0' };

/**
 * A result as reports show it: its findings and secret ranges (merged: what is masked; a value that is the start of
 * a longer one can be found on its own at the end of a piece, inside the longer one's range), and what the text, JSON, SARIF
 * and GitLab reports print of it (code frames, snippets, fingerprints); not its text, which a streamed file keeps
 * only in part.
 */
export function comparable(r: FileResult): unknown {
  const { source, excerpt, ...rest } = r;
  void source;
  void excerpt;
  return {
    ...rest,
    secretRanges: mergeRanges(r.secretRanges ?? []),
    text: textReporter([r], reporting),
    json: json([r], reporting),
    sarif: toSarifLog([r], reporting),
    gitlab: gitlab([r], reporting),
  };
}

/** The differences between linting `bytes` whole and as a stream read in `chunkBytes` with small scan windows. */
export function streamedAsWhole(bytes: Uint8Array, filePath: string, chunkBytes: number): [unknown, unknown] {
  const opts = everyRule(filePath);
  const streamed = lintStream(bytesOf(bytes), { ...opts, chunkBytes, windows: { segment: 256, overlap: 512 } });
  // What the CLI does for SARIF and GitLab reports: the findings' line hashes, read from the file again.
  addLineHashes(streamed, bytesOf(bytes), chunkBytes);
  return [comparable(streamed), comparable(lintSource(bytes, opts))];
}
