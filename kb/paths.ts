// Setting pages → (component, element path), with each path segment spelled as its own page spells it.

import { componentKey, type ComponentInfo } from './components.js';
import { PageError } from './markdown.js';
import type { PageRecord } from './parse-page.js';

export interface PlacedPage {
  page: PageRecord;
  component: ComponentInfo;
  path: string[];
}

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Places every setting page. The first hierarchy segment names the component, by text or by link
 * target; a link to a setting page instead (MobilePC "…-Sensors-API-AdaptiveBrightness") stands for
 * that setting's whole path. Middle segments are re-spelled as the page that defines them spells its
 * own name, so `[IPAddress]` in one hierarchy and the IpAddress page agree.
 */
export function placePages(pages: readonly PageRecord[], components: ReadonlyMap<string, ComponentInfo>): PlacedPage[] {
  const bySlug = new Map(pages.map((p) => [p.slug.toLowerCase(), p]));
  const raw = new Map<PageRecord, { component: ComponentInfo; path: string[] }>();
  const resolving = new Set<PageRecord>();

  const place = (page: PageRecord): { component: ComponentInfo; path: string[] } => {
    const done = raw.get(page);
    if (done) return done;
    if (resolving.has(page)) throw new PageError(`${page.slug}.md`, 'parent hierarchy is circular');
    resolving.add(page);
    const [first, ...rest] = page.hierarchy;
    const middle = rest.slice(0, -1).map((s) => s.text);
    for (const m of middle) if (!XML_NAME.test(m)) throw new PageError(`${page.slug}.md`, `parent hierarchy segment ${JSON.stringify(m)} is not an element name`);
    const target = first!.target ? bySlug.get(first!.target.replace(/\.md$/, '').toLowerCase()) : undefined;
    let result: { component: ComponentInfo; path: string[] };
    if (target && target.type === 'setting') {
      const base = place(target);
      const combined = componentKey(`${base.component.name}-${base.path.join('-')}`);
      if (componentKey(first!.text) !== combined) {
        throw new PageError(`${page.slug}.md`, `hierarchy starts with ${JSON.stringify(first!.text)} linking to setting page ${target.slug}`);
      }
      result = { component: base.component, path: [...base.path, ...middle, page.name] };
    } else {
      const component = resolveComponent(page, first!.text, target, components);
      result = { component, path: [...middle, page.name] };
    }
    resolving.delete(page);
    raw.set(page, result);
    return result;
  };

  const settings = pages.filter((p) => p.type === 'setting');
  for (const page of settings) place(page);
  for (const page of settings) checkLinks(page, raw, bySlug);

  // Canonical spelling of each path prefix: the own name of the page whose full path it is.
  const spelling = new Map<string, string>();
  for (const page of settings) {
    const { component, path } = raw.get(page)!;
    const key = `${component.key}/${path.join('/').toLowerCase()}`;
    const prior = spelling.get(key);
    if (prior !== undefined && prior !== page.name) {
      throw new PageError(`${page.slug}.md`, `two pages define ${component.name}/${path.join('/')} spelled differently`);
    }
    spelling.set(key, page.name);
  }
  return settings.map((page) => {
    const { component, path } = raw.get(page)!;
    const spelled = path.map((seg, i) => spelling.get(`${component.key}/${path.slice(0, i + 1).join('/').toLowerCase()}`) ?? seg);
    return { page, component, path: spelled };
  });
}

/**
 * Text and links of middle segments must tell the same story: a segment linking to the page of
 * another branch (copy-paste slips in the StartTiles pages) means the hierarchy cannot be trusted.
 */
function checkLinks(
  page: PageRecord,
  raw: ReadonlyMap<PageRecord, { component: ComponentInfo; path: string[] }>,
  bySlug: ReadonlyMap<string, PageRecord>,
): void {
  const own = raw.get(page)!;
  const middle = page.hierarchy.slice(1, -1);
  const offset = own.path.length - 1 - middle.length;
  middle.forEach((seg, i) => {
    const target = seg.target ? bySlug.get(seg.target.replace(/\.md$/, '').toLowerCase()) : undefined;
    const linked = target ? raw.get(target) : undefined;
    if (!linked) return;
    const expected = own.path.slice(0, offset + i + 1).join('/').toLowerCase();
    if (linked.component !== own.component || linked.path.join('/').toLowerCase() !== expected) {
      throw new PageError(`${page.slug}.md`, `hierarchy segment ${JSON.stringify(seg.text)} links to ${target!.slug}, which is ${linked.path.join('/')}`);
    }
  });
}

function resolveComponent(
  page: PageRecord,
  text: string,
  target: PageRecord | undefined,
  components: ReadonlyMap<string, ComponentInfo>,
): ComponentInfo {
  const byText = components.get(componentKey(text));
  if (!byText) throw new PageError(`${page.slug}.md`, `hierarchy names unknown component ${JSON.stringify(text)}`);
  const byTarget = target?.type === 'component' ? components.get(componentKey(target.name)) : undefined;
  if (byTarget && byTarget !== byText) {
    throw new PageError(`${page.slug}.md`, `hierarchy names ${JSON.stringify(text)} but links to component page ${target!.slug}`);
  }
  return byText;
}
