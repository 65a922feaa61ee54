// Builds bundle/unattend-lint.mjs, the file `exports` points at: the CLI and the API with their runtime dependencies
// and the knowledge base, so that an install without devDependencies (from a git URL, pre-commit's
// `npm install -g .`) and the GitHub Action run it as committed. What only some runs need (config files and their
// YAML loader, ajv for plugins' schemas, the precompiled validators, each reporter, the rule docs) is split into
// ES modules under bundle/lib/ that the entry imports when a run needs them, so that a start-up parses and evaluates
// only what it runs. The same sources also make bundle/cli.cjs, the CLI as one classic script, which the installed
// command (bundle/bin.cjs, `bin`) runs with V8's code cache. --check compares instead of writing.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { DATA_FILES } from '../src/kb/data-format.js';
import { PRECOMPILED_FILE, updatePrecompiled } from './validators.js';
import { runWhenMain } from './script-main.js';

/** dist/scripts/bundle.js → the repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLE = 'bundle/unattend-lint.mjs';
export const NOTICES = 'bundle/THIRD-PARTY-LICENSES.txt';
/** The installed command: a launcher that runs the CLI script with V8's code cache of it (from scripts/bin.cjs). */
export const BIN = 'bundle/bin.cjs';
/** The CLI as one classic script (CommonJS, strict), which the launcher compiles with V8's code cache of it. */
export const CLI_SCRIPT = 'bundle/cli.cjs';
/** What the launcher holds in place of the CLI script's hash (scripts/bin.cjs). */
const HASH_PLACEHOLDER = "const SCRIPT_HASH = 'unbuilt';";
/** Where the modules split off the entry go (all of it is generated). */
export const LIB = 'bundle/lib';

// cosmiconfig requires TypeScript only for .ts config files, which this tool does not search for.
const EXTERNAL = ['typescript'];

// `createRequire(import.meta.url)('x')` (a synchronous lazy load in the unbundled build) is opaque to esbuild and would
// look for x beside the bundle at run time; as `require('x')` esbuild bundles x, still evaluated only on first use.
const LAZY_REQUIRE = /createRequire\(import\.meta\.url\)\((['"])([^'"]+)\1\)/g;
const lazyRequires: Plugin = {
  name: 'lazy-requires',
  setup(b) {
    b.onLoad({ filter: /[\\/](src|rules)[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      return LAZY_REQUIRE.test(text) ? { contents: text.replace(LAZY_REQUIRE, "require('$2')"), loader: 'ts' } : undefined;
    });
  },
};

/**
 * Values the sources name as `declare const NAME` (absent in dist/), defined in the one module that declares each, so
 * that each lands in the part of the bundle that uses it (esbuild's `define` puts object values in a module that
 * every part imports).
 */
function embedded(values: Record<string, unknown>): Plugin {
  return {
    name: 'embedded-values',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const names = Object.keys(values).filter((name) => text.includes(`declare const ${name}:`));
        if (names.length === 0) return undefined;
        const head = names.map((name) => `const ${name} = ${JSON.stringify(values[name])};\n`).join('');
        return { contents: head + text.replace(LAZY_REQUIRE, "require('$2')"), loader: 'ts' };
      });
    },
  };
}

/** The knowledge base files' text (whitespace dropped), by file name, as src/kb/knowledge-base.ts reads them from a build. */
export function embeddedKnowledgeBase(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of Object.values(DATA_FILES).sort()) {
    out[file] = JSON.stringify(JSON.parse(readFileSync(join(root, 'kb/data', file), 'utf8')));
  }
  return out;
}

/** The built-in rules' docs (rules/<id>.md) by id, as src/reporters/rule-docs.ts reads them from the bundle. */
function embeddedRuleDocs(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.md')).sort()) {
    out[file.slice(0, -3)] = readFileSync(join(root, 'rules', file), 'utf8');
  }
  return out;
}

/** Name, version, licence and licence text of each package the bundle includes code of. */
function licenses(root: string, inputs: string[]): string {
  const dirs = new Set<string>();
  for (const input of inputs) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split(sep).join('/'));
    if (m) dirs.add(m[1]!);
  }
  const parts = [...dirs].sort().map((dir) => {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
    const file = readdirSync(join(root, dir)).find((f) => /^licen[cs]e/i.test(f));
    const text = file ? readFileSync(join(root, dir, file), 'utf8').trim() : `(no licence file; package.json says ${pkg.license ?? 'nothing'})`;
    return `${pkg.name}@${pkg.version} (${pkg.license ?? 'unknown'})\n\n${text}\n`;
  });
  return `Packages whose code bundle/unattend-lint.mjs, bundle/lib/ and bundle/cli.cjs include, with their licences.\n\n${parts.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

/** The bundle's files, relative path → text, built from the sources in `root` without writing anything. */
export async function bundleOutputs(root: string = ROOT): Promise<Map<string, string>> {
  return (await buildBundle(root)).files;
}

/** The bundle's files and esbuild's metafile (which output imports which, and what each holds). */
export async function buildBundle(root: string = ROOT): Promise<{ files: Map<string, string>; metafile: Metafile }> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const common: BuildOptions = {
    absWorkingDir: root,
    bundle: true,
    write: false,
    platform: 'node',
    target: 'node20',
    // ASCII (esbuild's default: other characters escaped). V8 scans a source holding any other character as UTF-16
    // text, which costs a cold start about 3% more.
    charset: 'ascii',
    legalComments: 'none',
    logLevel: 'silent',
    external: EXTERNAL,
    plugins: [
      embedded({
        UNATTEND_LINT_VERSION: pkg.version,
        UNATTEND_LINT_KB_DATA: embeddedKnowledgeBase(root),
        UNATTEND_LINT_RULE_DOCS: embeddedRuleDocs(root),
      }),
      lazyRequires,
    ],
  };
  const result = await build({
    ...common,
    entryPoints: [{ in: 'scripts/bundle-entry.ts', out: 'unattend-lint' }],
    outdir: dirname(BUNDLE),
    splitting: true,
    chunkNames: 'lib/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    metafile: true,
    format: 'esm',
    banner: {
      // CommonJS dependencies require Node's built-in modules; an ES module has no require of its own. (The entry's
      // "#!" line comes from scripts/bundle-entry.ts.)
      js: [
        GENERATED,
        "import { createRequire as __bundleCreateRequire } from 'node:module';",
        'const require = __bundleCreateRequire(import.meta.url);',
      ].join('\n'),
    },
  });
  // The same sources as one script: what the ES build splits off is evaluated on first use here too, and the
  // code cache makes it cost nothing to compile. `import.meta.url` is the script's own file URL.
  const script = await build({
    ...common,
    entryPoints: ['scripts/cli-script-entry.ts'],
    outfile: CLI_SCRIPT,
    format: 'cjs',
    define: { 'import.meta.url': '__scriptUrl' },
    banner: { js: ["'use strict';", GENERATED, "const __scriptUrl = require('node:url').pathToFileURL(__filename).href;"].join('\n') },
  });
  const files = new Map<string, string>();
  for (const file of [...(result.outputFiles ?? []), ...(script.outputFiles ?? [])]) files.set(relative(root, file.path).split(sep).join('/'), asciiOnly(file.text));
  const { metafile } = result;
  if (!files.has(BUNDLE) || !files.has(CLI_SCRIPT) || !metafile) throw new Error('esbuild wrote no bundle');
  files.set(NOTICES, licenses(root, Object.keys(metafile.inputs)));
  files.set(BIN, launcher(root, files.get(CLI_SCRIPT)!));
  return { files, metafile };
}

const GENERATED = '// GENERATED by scripts/bundle.ts from src/, rules/ (with their docs), kb/data and the runtime dependencies; do not edit, run npm run bundle';

/** The first 16 hex digits of the SHA-256 of a text (UTF-8). */
export const scriptHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * scripts/bin.cjs with a note that it is generated, after its "#!" line, and the hash of the CLI script it runs: a code
 * cache is kept per script text (V8 itself checks only the source's length).
 */
function launcher(root: string, script: string): string {
  const text = readFileSync(join(root, 'scripts', 'bin.cjs'), 'utf8');
  if (!text.includes(HASH_PLACEHOLDER)) throw new Error(`scripts/bin.cjs has no ${HASH_PLACEHOLDER}`);
  const [shebang, ...rest] = text.replace(HASH_PLACEHOLDER, `const SCRIPT_HASH = '${scriptHash(script)}';`).split('\n');
  return [shebang, '// GENERATED by scripts/bundle.ts from scripts/bin.cjs; do not edit, run npm run bundle', ...rest].join('\n');
}

/** esbuild escapes what is not ASCII in code, not in the comments it keeps: those are escaped here (as \\uXXXX). */
function asciiOnly(code: string): string {
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Files under bundle/lib that a build would not write (left by an earlier build). */
function strayLibFiles(root: string, files: Map<string, string>): string[] {
  const dir = join(root, LIB);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((name) => `${LIB}/${name}`).filter((file) => !files.has(file));
}

/** Paths (relative) whose committed text differs from a fresh build, or is missing, or that a build would remove. */
export async function staleBundleFiles(root: string = ROOT): Promise<string[]> {
  const stale: string[] = [];
  const files = await bundleOutputs(root);
  for (const [file, text] of files) {
    const path = join(root, file);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(file);
  }
  return [...stale, ...strayLibFiles(root, files)];
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--check')) {
    const stale = [...(updatePrecompiled(ROOT, true) ? [] : [PRECOMPILED_FILE]), ...(await staleBundleFiles())];
    if (stale.length === 0) return console.log('bundle: up to date'), 0;
    console.error(`bundle: ${stale.join(', ')} differ from what the sources build; run npm run bundle and commit the result`);
    return 1;
  }
  // The precompiled validators are sources of the bundle: regenerated first, from the compiled rules.
  if (!updatePrecompiled(ROOT)) console.log(`bundle: wrote ${PRECOMPILED_FILE}`);
  const files = await bundleOutputs();
  for (const file of strayLibFiles(ROOT, files)) rmSync(join(ROOT, file));
  for (const [file, text] of files) {
    mkdirSync(dirname(join(ROOT, file)), { recursive: true });
    writeFileSync(join(ROOT, file), text, { mode: /\.[mc]js$/.test(file) ? 0o755 : 0o644 });
  }
  console.log(`bundle: wrote ${relative(process.cwd(), join(ROOT, BUNDLE)) || BUNDLE}`);
  return 0;
}

runWhenMain(import.meta.url, 'bundle', main);
