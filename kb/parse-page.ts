// One reference page → one raw record: its place in the hierarchy, passes, values, examples, notes.

import type { DeprecationData, RemovalData } from '../src/kb/data-format.js';
import { PASSES } from '../src/kb/data-format.js';
import { codeBlocks, contentLines, PageError, plainText, splitPage, tableRows, unescapeMarkdown } from './markdown.js';
import { emptyRule, parseValues, type ValueInfo, type ValueQuirk } from './parse-values.js';
import { exampleElements, type ExampleElement } from './xml-example.js';
import { releaseId } from './releases.js';

export interface HierarchySegment {
  text: string;
  /** Link target (page file name) when the segment is a link. */
  target?: string;
}

/** Hand-written handling for one page whose layout the parser would otherwise reject (kb/known-odd.ts). */
export interface PageQuirk {
  reason: string;
  /** Replaces the page's Parent hierarchy: component first, the page's own element last. */
  hierarchy?: string[];
  /** The page's own element name, when title, heading, hierarchy and example disagree. */
  name?: string;
  values?: ValueQuirk;
  /** Passes to use when the section cannot be read. */
  passes?: string[];
}

export interface PageRecord {
  slug: string;
  title: string;
  h1: string;
  type: 'component' | 'setting';
  /** Setting pages: component first, own element last. Component pages: [title]. */
  hierarchy: HierarchySegment[];
  /** Own element name (settings) or the component name as titled (components). */
  name: string;
  /** undefined when the page has no "Valid configuration passes" section. */
  passes?: string[];
  /** Link targets listed under "Child elements". */
  children: string[];
  values: ValueInfo;
  examples: ExampleElement[];
  deprecated?: DeprecationData;
  removed?: RemovalData;
  /** The page calls this element unique (the key of its list item). */
  uniqueKey?: true;
}

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function parsePage(file: string, source: string, quirk?: PageQuirk): PageRecord {
  const slug = file.replace(/\.md$/, '');
  const text = splitPage(file, source);
  const examples = codeBlocks(text.sections.get('xml example') ?? []).flatMap(exampleElements);
  const raw = text.sections.get('parent hierarchy');
  const hierarchy = quirk?.hierarchy
    ? quirk.hierarchy.map((t) => ({ text: t }))
    : raw
      ? parseHierarchy(file, raw)
      : undefined;
  const record: PageRecord = {
    slug,
    title: text.title,
    h1: text.h1,
    type: hierarchy ? 'setting' : 'component',
    hierarchy: hierarchy ?? [{ text: text.title || text.h1 }],
    name: '',
    children: childLinks(text.sections.get('child elements')),
    values: parseValues(file, text.sections.get('values'), text.sections.get('type'), quirk?.values),
    examples,
  };
  // A list item keyed by wcm:keyValue has no Values section: its page says under its child elements (Key and
  // Value) whether its text may be empty. Container pages say it too, by copy; kb/settings.ts keeps it only for such items.
  if (record.values.emptyAllowed === undefined) {
    const empty = emptyRule(plainText((text.sections.get('child elements') ?? []).join('\n')));
    if (empty !== undefined) record.values = { ...record.values, emptyAllowed: empty };
  }
  record.name = hierarchy ? ownName(file, record, quirk?.name) : record.hierarchy[0]!.text;
  const passes = quirk?.passes ?? parsePasses(file, text.sections.get('valid configuration passes'));
  if (passes) record.passes = passes;
  Object.assign(record, pageNotes(file, text.intro));
  if (/\bunique\b/i.test(plainText([...text.intro, ...(text.sections.get('values') ?? [])].join('\n')))) record.uniqueKey = true;
  return record;
}

/**
 * "Parent hierarchy" → segments. Real pages write `[A](a.md) | [B](b.md) | **C**`, with variants:
 * a missing space or a missing `|` between links, doubled `| |`, the last segment in backticks or
 * bare. Anything else (a broken link, more than one line) throws.
 */
export function parseHierarchy(file: string, lines: readonly string[]): HierarchySegment[] {
  const content = contentLines(lines);
  if (content.length !== 1) throw new PageError(file, `parent hierarchy has ${content.length} lines, expected 1`);
  const parts = content[0]!
    .replace(/\)\s*\[/g, ') | [')
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const segments = parts.map((part): HierarchySegment => {
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
    if (link) return { text: unescapeMarkdown(link[1]!.trim()), target: link[2]! };
    const plain = /^(?:\*\*([^*]+)\*\*|`([^`]+)`|([A-Za-z0-9_\\ -]+))$/.exec(part);
    if (plain) return { text: unescapeMarkdown((plain[1] ?? plain[2] ?? plain[3])!.trim()) };
    throw new PageError(file, `cannot read parent hierarchy segment ${JSON.stringify(part)}`);
  });
  if (segments.length < 2) throw new PageError(file, 'parent hierarchy names no parent');
  return segments;
}

/** "Valid configuration passes" → canonical pass names; notes after the list are allowed. */
export function parsePasses(file: string, lines: readonly string[] | undefined): string[] | undefined {
  if (lines === undefined) return undefined;
  const passes: string[] = [];
  for (const line of contentLines(lines)) {
    const word = line.replace(/^[-*]\s+/, '').replace(/\*\*/g, '').trim();
    const pass = PASSES.find((p) => p.toLowerCase() === word.toLowerCase());
    if (pass) {
      if (!passes.includes(pass)) passes.push(pass);
    } else if (passes.length === 0) {
      throw new PageError(file, `valid configuration passes: ${JSON.stringify(line)} is not a pass name`);
    }
  }
  if (passes.length === 0) throw new PageError(file, 'valid configuration passes section lists no pass');
  return PASSES.filter((p) => passes.includes(p));
}

function childLinks(lines: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const cells of tableRows(lines ?? [])) {
    const m = /\]\(([^)\s]+\.md)\)|href="([^"]+\.md)"/.exec(cells[0] ?? '');
    if (m) out.push((m[1] ?? m[2])!);
  }
  return out;
}

/**
 * The page's own element name. Title, H1 and the hierarchy's last segment usually agree; when they
 * do not (copy-paste slips such as WindowsPlus titled "WindowsComma" in the hierarchy), the XML
 * example decides, then title + H1 agreeing decides; otherwise the page needs a quirk.
 */
export function ownName(file: string, page: Pick<PageRecord, 'title' | 'h1' | 'hierarchy' | 'examples'>, forced?: string): string {
  if (forced) return forced;
  const last = page.hierarchy[page.hierarchy.length - 1]!.text;
  let candidates = [page.h1, page.title, last].map((c) => c.trim()).filter((c) => XML_NAME.test(c));
  // "Microsoft-Windows-TPM-Tasks-ClearTpm" as a title stands for "ClearTpm".
  candidates = candidates.filter((c) => !candidates.some((d) => d !== c && c.toLowerCase().endsWith(`-${d.toLowerCase()}`)));
  const distinct = [...new Set(candidates)];
  if (distinct.length === 0) throw new PageError(file, 'no usable element name in title, heading or hierarchy');
  const inExample = page.examples.map((e) => e.name);
  const matched = [...new Set(distinct.map((c) => c.toLowerCase()))].filter((lc) => inExample.some((n) => n.toLowerCase() === lc));
  if (matched.length === 1) {
    const spelled = inExample.filter((n) => n.toLowerCase() === matched[0]);
    return spelled.find((n) => distinct.includes(n)) ?? spelled[0]!;
  }
  if (distinct.length === 1) return distinct[0]!;
  if (page.h1 === page.title && XML_NAME.test(page.h1)) return page.h1;
  throw new PageError(file, `element name is ambiguous: ${distinct.map((d) => JSON.stringify(d)).join(' / ')}`);
}

const RELEASE = 'Windows \\d+(?:\\.\\d+)?(?:,? (?:version|build) \\d{4})?';
const DEPRECATED = new RegExp(`\\b(?:this|the) (?:setting|component|element) (?:has been |is )?(?:now )?deprecated\\b(?: in (${RELEASE}))?`, 'i');
const REMOVED = new RegExp(`\\b(?:this|the) (?:setting|component) (?:is|has been) removed(?: from Unattend)? in (${RELEASE})`, 'i');

/** Deprecation and removal notes in the text above the first section. */
export function pageNotes(file: string, intro: readonly string[]): Pick<PageRecord, 'deprecated' | 'removed'> {
  const text = plainText(intro.join('\n'));
  const out: Pick<PageRecord, 'deprecated' | 'removed'> = {};
  const removed = REMOVED.exec(text);
  if (removed) {
    out.removed = { since: releaseId(file, removed[1]!), source: file.replace(/\.md$/, '') };
  }
  const deprecated = DEPRECATED.exec(text);
  if (deprecated) {
    out.deprecated = { source: file.replace(/\.md$/, '') };
    const since = deprecated[1] ? releaseId(file, deprecated[1]) : undefined;
    if (since) out.deprecated.since = since;
  }
  return out;
}
