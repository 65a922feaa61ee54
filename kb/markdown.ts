// Just enough Markdown/HTML reading for the reference pages: sections, tables, code blocks, plain text.

export interface PageText {
  /** `title:` from the front matter, unescaped. */
  title: string;
  /** The first `# ` heading, unescaped. */
  h1: string;
  /** Lines between the H1 and the first H2. */
  intro: string[];
  /** Canonical section name → its lines (H3 and deeper headings stay inside their H2 section). */
  sections: Map<string, string[]>;
}

/** Heading spellings seen in the reference, mapped to one canonical name each. */
const SECTION_ALIASES: Record<string, string> = {
  'parent hierarchy': 'parent hierarchy',
  'valid configuration passes': 'valid configuration passes',
  'valid passes': 'valid configuration passes',
  values: 'values',
  value: 'values',
  'xml example': 'xml example',
  'xml examples': 'xml example',
  'child elements': 'child elements',
  'child element': 'child elements',
  'applies to': 'applies to',
  'related topics': 'related topics',
  type: 'type',
  'in this section': 'in this section',
};

/** Thrown for anything the generator does not understand; always names the page. */
export class PageError extends Error {
  constructor(page: string, message: string) {
    super(`${page}: ${message}`);
    this.name = 'PageError';
  }
}

export function normaliseHeading(raw: string): string {
  const text = raw
    .replace(/<a\b[^>]*>\s*<\/a>/gi, '')
    .replace(/[:\s]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return SECTION_ALIASES[text] ?? text;
}

/** Splits a page into front-matter title, H1, intro and H2 sections. Duplicate known sections throw. */
export function splitPage(page: string, source: string): PageText {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  let title = '';
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) throw new PageError(page, 'front matter is not closed');
    for (const line of lines.slice(1, end)) {
      const m = /^title:\s*(.*)$/.exec(line);
      if (m) title = unescapeMarkdown(m[1]!.trim().replace(/^['"]|['"]$/g, ''));
    }
    start = end + 1;
  }
  let h1 = '';
  const intro: string[] = [];
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  let fence = false;
  for (const line of lines.slice(start)) {
    if (/^\s*```/.test(line)) fence = !fence;
    const heading = fence ? null : /^(#{1,2})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading && heading[1] === '#' && !h1) {
      h1 = unescapeMarkdown(heading[2]!.trim());
      current = intro;
      continue;
    }
    if (heading && heading[1] === '##') {
      const name = normaliseHeading(heading[2]!);
      if (sections.has(name) && Object.values(SECTION_ALIASES).includes(name)) {
        throw new PageError(page, `section "${name}" appears twice`);
      }
      current = [];
      sections.set(name, current);
      continue;
    }
    current?.push(line);
  }
  return { title, h1, intro, sections };
}

/** `Home\_Page` → `Home_Page`, and the same for other backslash escapes Markdown allows. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Plain text of a Markdown/HTML fragment: tags, emphasis and link targets dropped, spaces collapsed. */
export function plainText(fragment: string): string {
  const noTags = fragment
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/(p|li|td|th|div)>/gi, ' ')
    .replace(/<[^>]+>/g, '');
  const noLinks = noTags.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  const noEmphasis = noLinks.replace(/(\*\*|__|\*|`)/g, '').replace(/(^|\s)_([^_\s][^_]*)_(?=\s|$|[.,;:])/g, '$1$2');
  return decodeEntities(unescapeMarkdown(noEmphasis)).replace(/\s+/g, ' ').trim();
}

/**
 * Rows of every table in the lines: HTML `<tr>` rows with `<td>` cells (header rows with only
 * `<th>` are skipped) and Markdown pipe tables (the header row and its separator are skipped).
 * Cells are returned raw so callers can still see emphasis.
 */
export function tableRows(lines: readonly string[]): string[][] {
  const rows: string[][] = [];
  const html = lines.join('\n');
  for (const tr of html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells = [...tr[1]!.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/gi)].map((m) => m[1]!.trim());
    if (cells.length > 0) rows.push(cells);
  }
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    // The first row of a pipe table is its header when a separator row follows.
    if (!inTable && /^\|?\s*:?-+:?\s*(\||$)/.test(lines[i + 1]?.trim() ?? '')) {
      inTable = true;
      i++;
      continue;
    }
    inTable = true;
    rows.push(splitPipeRow(line));
  }
  return rows;
}

function splitPipeRow(line: string): string[] {
  const inner = line.replace(/^\|/, '').replace(/\|\s*$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** Contents of the fenced code blocks in the lines. */
export function codeBlocks(lines: readonly string[]): string[] {
  const blocks: string[] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (/^\s*```/.test(line)) {
      if (current) {
        blocks.push(current.join('\n'));
        current = undefined;
      } else {
        current = [];
      }
      continue;
    }
    current?.push(line);
  }
  return blocks;
}

/** Non-empty trimmed lines. */
export function contentLines(lines: readonly string[] | undefined): string[] {
  return (lines ?? []).map((l) => l.trim()).filter((l) => l.length > 0);
}
