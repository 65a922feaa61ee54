// test/data/language-pages.json is what Microsoft's language pages in ../shared list: the copy that lets
// test/rules-values.ts check, without ../shared, that locale-unlisted accepts every one of them.
// UPDATE_SNAPSHOTS=1 rewrites the copy.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LANGUAGE_PAGES, parseLanguagePages, type LanguagePage } from '../../kb/language-pages.js';
import { ROOT, SHARED } from '../helpers/paths.js';

const COPY = join(ROOT, 'test', 'data', 'language-pages.json');
const sorted = (values: Iterable<string>) => [...values].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : a < b ? -1 : a > b ? 1 : 0));

function fromPages(): string {
  const pages = Object.fromEntries(LANGUAGE_PAGES.map((p) => [p, readFileSync(join(SHARED, 'reference', 'setup', `${p}.md`), 'utf8')])) as Record<LanguagePage, string>;
  const lists = parseLanguagePages(pages);
  const tags = [...lists.tags.values()];
  const data = {
    $comment: `Copied by test/shared/language-pages.ts from ${LANGUAGE_PAGES.map((p) => `https://learn.microsoft.com/windows-hardware/manufacture/desktop/${p}`).join(', ')} (CC BY 4.0); rerun it with UPDATE_SNAPSHOTS=1 after the pages change`,
    tags: sorted(tags.filter((t) => !t.obsolete).map((t) => t.id)),
    noLongerUsed: sorted(tags.filter((t) => t.obsolete).map((t) => t.id)),
    inputProfiles: sorted(lists.profiles),
    keyboards: sorted([...lists.keyboards.values()].map((k) => k.id)),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

test('test/data/language-pages.json lists what the language pages in ../shared list', () => {
  const expected = fromPages();
  if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(COPY, expected);
  assert.fixture(readFileSync(COPY, 'utf8'), expected);
});

test.run();
