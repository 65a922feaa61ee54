// "Changed answer file settings" pages and the components overview → deprecations and removals by release.

import { decodeEntities, PageError, plainText, splitPage, tableRows, unescapeMarkdown } from './markdown.js';
import { SKIPPED_CHANGE_ROWS } from './known-odd.js';
import { releaseId } from './releases.js';

export interface ChangeEntry {
  kind: 'deprecated' | 'removed';
  since: string;
  /** Page (slug) that lists the change. */
  source: string;
  /** The reference page the row links to, when it links to one. */
  page?: string;
  /** Otherwise the component and element path as written ("Component\A\B"). */
  component?: string;
  path?: string[];
  /** The row retires the whole component, not one setting. */
  wholeComponent?: true;
  /** A component or setting to use instead, when the row names one. */
  replacement?: string;
}

interface Link {
  text: string;
  target: string;
}

/**
 * Reads one changed-settings page. H2/H3 headings carry the release ("…, build 1709", "…Windows
 * 8.1…"; otherwise the page title's) and the category; only "Deprecated" and "Removed" tables
 * are read. Each row's first cell names a setting by link, by `Component\Path` text, by a link
 * followed by `\Path`, or as `Component: A, B, and C`.
 */
export function parseChangesPage(file: string, source: string): ChangeEntry[] {
  const slug = file.replace(/\.md$/, '');
  const text = splitPage(file, source);
  // The page title names the release unless the H2 sections do (previous-builds page).
  let release = headingRelease(file, text.title) ?? (/\bprevious\b/i.test(text.title) ? undefined : releaseId(file, text.title));
  const entries: ChangeEntry[] = [];
  const blocks = splitByHeadings([...text.sections].flatMap(([name, lines]) => [`## ${name}`, ...lines]));
  for (const block of blocks) {
    release = headingRelease(file, block.heading) ?? release;
    const kind = /\bdeprecated\b/i.test(block.heading) ? 'deprecated' : /\bremoved\b/i.test(block.heading) ? 'removed' : undefined;
    if (!kind) continue;
    if (!release) throw new PageError(file, `section ${JSON.stringify(block.heading)} names no Windows release`);
    const since = release;
    for (const cells of tableRows(block.lines)) {
      for (const entry of readRow(file, cells)) entries.push({ kind, since, source: slug, ...entry });
    }
  }
  return entries;
}

/** The "Deprecated and removed components" table of components-b-unattend.md. */
export function parseComponentsPage(file: string, source: string): ChangeEntry[] {
  const slug = file.replace(/\.md$/, '');
  const section = splitPage(file, source).sections.get('deprecated and removed components');
  if (!section) throw new PageError(file, 'no "Deprecated and removed components" section');
  const intro = plainText(section.join('\n'));
  const since = releaseId(file, /\b(?:deprecated|removed) in (Windows \d+(?:\.\d+)?)/i.exec(intro)?.[1] ?? '');
  return tableRows(section).map((cells) => {
    const [first, note] = [cells[0] ?? '', plainText(cells[1] ?? '')];
    const kind = /^Removed\b|have been removed/i.test(note) ? 'removed' : /^Deprecated\b/i.test(note) ? 'deprecated' : undefined;
    if (!kind) throw new PageError(file, `cannot tell whether ${JSON.stringify(plainText(first))} is deprecated or removed`);
    const link = links(first)[0];
    const entry: ChangeEntry = { kind, since, source: slug, wholeComponent: true };
    if (link) entry.page = link.target.replace(/\.md$/, '');
    else entry.component = plainText(first);
    const replacement = /\bUse ([A-Za-z][\w-]+) instead\b/.exec(note)?.[1];
    if (replacement) entry.replacement = replacement;
    return entry;
  });
}

function headingRelease(file: string, heading: string): string | undefined {
  const build = /\b(?:build|version) (\d{4})\b/i.exec(heading);
  if (build) return releaseId(file, `Windows 10, version ${build[1]}`);
  if (/\bWindows 8\.1\b/i.test(heading)) return 'windows-8.1';
  return undefined;
}

function splitByHeadings(lines: readonly string[]): { heading: string; lines: string[] }[] {
  const blocks: { heading: string; lines: string[] }[] = [];
  for (const line of lines) {
    const h = /^#{2,4}\s+(.*)$/.exec(line);
    if (h) blocks.push({ heading: plainText(h[1]!.replace(/<a\b[^>]*>\s*<\/a>/gi, '')), lines: [] });
    else blocks.at(-1)?.lines.push(line);
  }
  return blocks;
}

function links(cell: string): Link[] {
  const out: Link[] = [];
  for (const m of cell.matchAll(/<a\s+href="([^"]*)"[^>]*>([\s\S]*?)<\/a>|\[([^\]]*)\]\(([^)\s]*)\)/gi)) {
    out.push(m[1] !== undefined ? { target: m[1], text: plainText(m[2]!) } : { target: m[4]!, text: plainText(m[3]!) });
  }
  return out;
}

type RowTarget = Omit<ChangeEntry, 'kind' | 'since' | 'source'>;

function readRow(file: string, cells: readonly string[]): RowTarget[] {
  const first = cells[0] ?? '';
  const note = plainText(cells.slice(1).join(' '));
  const whole = /\bcomponent and settings? ha(?:ve|s) been removed\b|\bcomponent has been removed\b/i.test(note);
  const written = plainText(first);
  if (SKIPPED_CHANGE_ROWS[written.replace(/\s+/g, '')] !== undefined) return [];
  const found = links(first);
  const local = found.filter((l) => !/^https?:/i.test(l.target));
  const rest = decodeEntities(unescapeMarkdown(first.replace(/<a\s[\s\S]*?<\/a>|\[[^\]]*\]\([^)]*\)/gi, '').replace(/<[^>]+>/g, ''))).trim();
  if (found.length !== local.length) throw new PageError(file, `row ${JSON.stringify(written)} links outside the reference`);
  const mark = (t: RowTarget): RowTarget => (whole ? { ...t, wholeComponent: true } : t);
  // A bare link, or a link after the text of its parent ("Microsoft-Windows-IE-InternetExplorer<a>PreApprovedAddons</a>").
  if (local.length === 1 && /^([A-Za-z][\w\\ -]*)?$/.test(rest) && !/\\$/.test(first.trim())) {
    return [mark({ page: local[0]!.target.replace(/\.md$/, '') })];
  }
  if (local.length === 1 && /^\\/.test(rest)) {
    return [mark({ page: local[0]!.target.replace(/\.md$/, ''), path: splitPath(file, rest.slice(1)) })];
  }
  if (local.length > 0) throw new PageError(file, `cannot read changed-settings row ${JSON.stringify(written)}`);
  const list = /^([A-Za-z][\w-]*):\s*(.+?)\.?$/.exec(written);
  if (list) {
    return list[2]!.split(/,\s*(?:and\s+)?|\s+and\s+/).map((name) => ({ component: list[1]!, path: splitPath(file, name) }));
  }
  const component = /^([A-Za-z][\w-]*?)-?\s+component and settings$/.exec(written);
  if (component) return [{ component: component[1]!, wholeComponent: true }];
  const [head, ...path] = written.split('\\').map((s) => s.trim());
  if (!head || path.length === 0) throw new PageError(file, `cannot read changed-settings row ${JSON.stringify(written)}`);
  return [mark({ component: head, path: splitPath(file, path.join('\\')) })];
}

function splitPath(file: string, text: string): string[] {
  const parts = text.split('\\').map((s) => s.trim());
  for (const p of parts) if (!/^[A-Za-z_][\w.-]*$/.test(p)) throw new PageError(file, `${JSON.stringify(text)} is not an element path`);
  return parts;
}
