// Generator entry point: ../shared reference → kb/data/*.json (or, with --check, a diff against them).

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTables } from './build.js';
import type { ComponentJsonEntry } from './components.js';
import { renderDataFiles } from './emit.js';
import { keysFile, writeSettingKeys } from './keys.js';
import type { OverridesFile } from './overrides.js';
import { LANGUAGE_PAGES, parseLanguagePages, type LanguagePage } from './language-pages.js';
import { buildReferenceLists, type SchneegansLists } from './reference-data.js';

export interface Paths {
  root: string;
  shared: string;
  data: string;
  overrides: string;
}

/** dist/kb/generate.js → the repository root two levels up; shared beside it. */
export function defaultPaths(): Paths {
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  return { root, shared: resolve(root, '..', 'shared'), data: join(root, 'kb', 'data'), overrides: join(root, 'kb', 'overrides.json') };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as T;

/** Everything the generator produces, in memory. */
export function generate(paths: Paths): Map<string, string> {
  const unattend = join(paths.shared, 'reference', 'unattend');
  const schneegans = join(paths.shared, 'reference', 'schneegans');
  const pages = new Map<string, string>();
  for (const file of readdirSync(unattend).filter((f) => f.endsWith('.md'))) pages.set(file, readFileSync(join(unattend, file), 'utf8'));
  const tables = buildTables({
    pages,
    componentJson: readJson<ComponentJsonEntry[]>(join(schneegans, 'Component.json')),
    overrides: readJson<OverridesFile>(paths.overrides),
  });
  const lists: SchneegansLists = {
    timeOffset: readJson(join(schneegans, 'TimeOffset.json')),
    userLocale: readJson(join(schneegans, 'UserLocale.json')),
    imageLanguage: readJson(join(schneegans, 'ImageLanguage.json')),
    keyboardIdentifier: readJson(join(schneegans, 'KeyboardIdentifier.json')),
    windowsEdition: readJson(join(schneegans, 'WindowsEdition.json')),
    geoId: readJson(join(schneegans, 'GeoId.json')),
  };
  const setup = join(paths.shared, 'reference', 'setup');
  const languagePages = Object.fromEntries(LANGUAGE_PAGES.map((p) => [p, readFileSync(join(setup, `${p}.md`), 'utf8')])) as Record<LanguagePage, string>;
  return renderDataFiles(tables, buildReferenceLists(lists, parseLanguagePages(languagePages)));
}

/** Names of files that differ between the generated set and the directory (missing, changed or extra). */
export function diffDataFiles(expected: ReadonlyMap<string, string>, dir: string): string[] {
  const present = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  const differing: string[] = [];
  for (const [name, content] of expected) {
    const path = join(dir, name);
    if (!existsSync(path)) differing.push(`${name} (missing)`);
    else if (readFileSync(path, 'utf8') !== content) differing.push(`${name} (changed)`);
  }
  for (const name of present) if (!expected.has(name)) differing.push(`${name} (not generated)`);
  return differing.sort();
}

export function main(argv: readonly string[], paths: Paths = defaultPaths()): number {
  const check = argv.includes('--check');
  if (!existsSync(join(paths.shared, 'reference', 'unattend'))) {
    if (check) {
      console.log(`kb:check: ${paths.shared} not found; skipping the knowledge-base check`);
      return 0;
    }
    console.error(`kb:generate: the reference is not at ${join(paths.shared, 'reference')}; cannot generate`);
    return 2;
  }
  const files = generate(paths);
  if (check) {
    const differing = diffDataFiles(files, paths.data);
    if (differing.length === 0) {
      console.log(`kb:check: kb/data is up to date (${files.size} files)`);
      return 0;
    }
    console.error(`kb:check: kb/data differs from what the generator produces:\n${differing.map((d) => `  ${d}`).join('\n')}\nrun npm run kb:generate and commit the result`);
    return 1;
  }
  mkdirSync(paths.data, { recursive: true });
  for (const name of diffDataFiles(files, paths.data).filter((d) => d.endsWith('(not generated)'))) {
    rmSync(join(paths.data, name.replace(/ \(not generated\)$/, '')));
  }
  for (const [name, content] of files) writeFileSync(join(paths.data, name), content);
  writeSettingKeys(paths.root, paths.data);
  console.log(`kb:generate: wrote ${files.size} files to ${paths.data} and their key types to ${keysFile(paths.root)}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`kb:generate: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
