// Builds the portable core (src/core.ts) for browsers and web workers: one ES module with no imports, the knowledge
// base embedded (embeddedKnowledgeBase() then returns it) unless --no-kb, for a playground or an editor extension.
//   node dist/scripts/core-build.js OUT.mjs [--no-kb]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { embeddedKnowledgeBase, ROOT } from './bundle.js';
import { runWhenMain } from './script-main.js';

export interface CoreBuild {
  code: string;
  metafile: Metafile;
}

/** The core as a browser ES module, built from the sources in `root` without writing anything. */
export async function buildCore(opts: { root?: string; entry?: string; knowledgeBase?: boolean } = {}): Promise<CoreBuild> {
  const root = opts.root ?? ROOT;
  const result = await build({
    absWorkingDir: root,
    entryPoints: [opts.entry ?? 'src/core.ts'],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    define: opts.knowledgeBase === false ? {} : { UNATTEND_LINT_KB_DATA: JSON.stringify(embeddedKnowledgeBase(root)) },
  });
  return { code: result.outputFiles![0]!.text, metafile: result.metafile! };
}

async function main(argv: string[]): Promise<number> {
  const out = argv.find((a) => !a.startsWith('--'));
  if (!out) {
    console.error('usage: node dist/scripts/core-build.js OUT.mjs [--no-kb]');
    return 2;
  }
  const { code } = await buildCore({ knowledgeBase: !argv.includes('--no-kb') });
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, code);
  console.log(`core: wrote ${out} (${Math.round(code.length / 1024)} KB)`);
  return 0;
}

runWhenMain(import.meta.url, 'core', main);
