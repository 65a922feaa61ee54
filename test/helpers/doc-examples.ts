// The XML examples of the rule docs, and how a fragment is made a whole answer file for linting.
//
// The convention (rules/*.md, sections `## Bad` and `## Good`, every ```xml block):
// - a block with `<unattend` is linted as written;
// - a block with `<settings pass="…">` is wrapped in `<unattend xmlns="urn:schemas-microsoft-com:unattend">`;
// - a block with `<component …>` but no `<settings>` goes in the settings of the first pass (in the order
//   specialize, oobeSystem, windowsPE, offlineServicing, generalize, auditSystem, auditUser) where the knowledge
//   base documents its first component's top-level settings;
// - in a block of bare settings, each top-level element goes where the knowledge base documents a setting of its
//   name (the place that knows most of its children, then Microsoft-Windows-Shell-Setup, then the shortest path,
//   then the earliest pass): in that component, inside the parent
//   elements of that path, in the first pass (same order) the setting is documented for;
// - in a start tag `<component name="X" …>` the `…` stands for the identity attributes that the tag does not
//   write itself: processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral"
//   versionScope="nonSxS", and the wcm and xsi namespace declarations; `…` anywhere else stays as written;
// - the rule is enabled at "error" with its default options; a block holding
//   `<!-- with the configuration under Options -->` is linted with the config that the ```json blocks of the
//   doc's `## Options` section show instead (whole configs, or `"rule-id": […]` entries), the rule at "error";
// - a block whose first comment names a file (`<!-- Autounattend.xml: … -->`) is linted under that file name,
//   others as unattend.xml; a block saying `<!-- saved as UTF-16LE with a BOM -->` is linted as such bytes, and
//   one declaring encoding="windows-1252" (or iso-8859-1) as single bytes;
// - a block holding `<!-- settings.targetVersion: "windows-11" -->` is linted with that shared setting;
// - a block holding `<!-- not linted: why -->` is skipped (and counted): a fragment too partial to stand alone.
import type { KnowledgeBase, SettingRecord } from '../../src/kb/types.js';

export const NOT_LINTED = /<!--\s*not linted:/;
const PASS_ORDER = ['specialize', 'oobeSystem', 'windowsPE', 'offlineServicing', 'generalize', 'auditSystem', 'auditUser'];
const IDENTITY: [string, string][] = [
  ['processorArchitecture', 'amd64'],
  ['publicKeyToken', '31bf3856ad364e35'],
  ['language', 'neutral'],
  ['versionScope', 'nonSxS'],
  ['xmlns:wcm', 'http://schemas.microsoft.com/WMIConfig/2002/State'],
  ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
];

export interface DocExample {
  section: 'Bad' | 'Good';
  line: number;
  xml: string;
}

function section(doc: string, name: string): { text: string; line: number } | undefined {
  const m = new RegExp(`^## ${name}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(doc);
  return m ? { text: m[1]!, line: doc.slice(0, m.index).split('\n').length + 1 } : undefined;
}

/** The ```xml blocks of the Bad and Good sections, with the line each starts on. */
export function docExamples(doc: string): DocExample[] {
  const out: DocExample[] = [];
  for (const name of ['Bad', 'Good'] as const) {
    const s = section(doc, name);
    if (!s) continue;
    for (const m of s.text.matchAll(/^```xml\n([\s\S]*?)^```/gm)) {
      out.push({ section: name, line: s.line + s.text.slice(0, m.index).split('\n').length - 1, xml: m[1]! });
    }
  }
  return out;
}

export const TARGET_VERSION = /<!--\s*settings\.targetVersion:\s*"([^"]+)"\s*-->/;
export const WITH_CONFIG = /<!--\s*with the configuration under Options\s*-->/;

/** The config the doc's Options section shows (its ```json blocks, whole configs or "rule-id": entries, merged). */
export function docConfig(doc: string): { rules: Record<string, unknown>; settings: Record<string, unknown> } {
  const out = { rules: {} as Record<string, unknown>, settings: {} as Record<string, unknown> };
  for (const m of section(doc, 'Options')?.text.matchAll(/^```json\n([\s\S]*?)^```/gm) ?? []) {
    let parsed: { rules?: Record<string, unknown>; settings?: Record<string, unknown> };
    try {
      parsed = JSON.parse(m[1]!) as typeof parsed;
    } catch {
      parsed = { rules: JSON.parse(`{${m[1]!}}`) as Record<string, unknown> };
    }
    Object.assign(out.rules, parsed.rules);
    Object.assign(out.settings, parsed.settings);
  }
  return out;
}

/** The file name a fragment says it is (a first comment such as `<!-- Autounattend.xml: … -->`), else unattend.xml. */
export function fileNameOf(fragment: string): string {
  return /^\s*(?:<\?xml[^>]*>\s*)?<!--\s*([\w.-]+\.xml)\b/i.exec(fragment)?.[1] ?? 'unattend.xml';
}

/** The bytes of the answer file: UTF-8, or the single-byte or UTF-16 encoding the fragment says it is saved in. */
export function bytesOf(xml: string): Uint8Array {
  if (/<!--\s*saved as UTF-16LE with a BOM/i.test(xml)) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
  if (/^<\?xml[^>]*encoding="(windows-1252|iso-8859-1)"/i.test(xml)) return Buffer.from(xml, 'latin1');
  return Buffer.from(xml, 'utf8');
}

/** The top-level elements of a fragment: name, child element names, and text (with the comments before it). */
function topLevel(xml: string): { name: string; children: string[]; text: string }[] {
  const out: { name: string; children: string[]; text: string }[] = [];
  const src = xml.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));
  let depth = 0;
  let from = 0;
  let open: { name: string; children: string[] } | undefined;
  const close = (end: number): void => {
    out.push({ ...open!, text: xml.slice(from, end) });
    from = end;
  };
  for (const m of src.matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
    const end = m.index + m[0].length;
    if (m[1]) {
      if (--depth === 0) close(end);
    } else {
      if (depth === 0) open = { name: m[2]!, children: [] };
      else if (depth === 1) open!.children.push(m[2]!);
      if (m[3]) {
        if (depth === 0) close(end);
      } else depth++;
    }
  }
  if (out.length) out[out.length - 1]!.text += xml.slice(from);
  return out;
}

function firstPass(passes: readonly string[]): string {
  return PASS_ORDER.find((p) => passes.length === 0 || passes.includes(p)) ?? PASS_ORDER[0]!;
}

function passFor(kb: KnowledgeBase, component: string, settings: readonly string[]): string {
  const allowed = (p: string): boolean =>
    settings.every((s) => kb.setting(component, [s])?.passes.includes(p) ?? kb.component(component)?.passes.includes(p) ?? true);
  return PASS_ORDER.find(allowed) ?? PASS_ORDER[0]!;
}

/**
 * Where the knowledge base documents a setting of this name: the place that knows most of its child elements,
 * then Microsoft-Windows-Shell-Setup, then the shortest path.
 */
function placeOf(kb: KnowledgeBase, el: { name: string; children: string[] }): { component: string; path: string[]; pass: string } | undefined {
  const known = (r: SettingRecord): number => el.children.filter((c) => kb.children(r.component, r.path).includes(c)).length;
  const shell = (r: SettingRecord): number => Number(r.component === 'Microsoft-Windows-Shell-Setup');
  const records = kb.allSettings().filter((r) => r.path[r.path.length - 1] === el.name);
  const pass = (r: SettingRecord): string => firstPass(r.passes.length ? r.passes : (kb.component(r.component)?.passes ?? []));
  const early = (r: SettingRecord): number => PASS_ORDER.indexOf(pass(r));
  const best = records.sort((a, b) => known(b) - known(a) || shell(b) - shell(a) || a.path.length - b.path.length || early(a) - early(b))[0];
  return best && { component: best.component, path: best.path, pass: pass(best) };
}

/** The start tags of the parents of a setting; a list item gets wcm:action="add" and its key element. */
function parentsOf(kb: KnowledgeBase, component: string, path: readonly string[], inside: readonly string[]): { open: string; close: string } {
  let open = '';
  let close = '';
  for (let i = 0; i < path.length - 1; i++) {
    const name = path[i]!;
    const record = kb.setting(component, path.slice(0, i + 1));
    const item = record?.kind === 'listItem';
    const key = item && record.keyElement && !(i === path.length - 2 && inside.includes(record.keyElement)) ? `<${record.keyElement}>1</${record.keyElement}>` : '';
    open += `<${name}${item ? ' wcm:action="add"' : ''}>${key}`;
    close = `</${name}>${close}`;
  }
  return { open, close };
}

function withIdentity(xml: string): string {
  return xml.replace(/<component\b([^>]*?)\s*…\s*(\/?)>/g, (_, attrs: string, close: string) => {
    const missing = IDENTITY.filter(([name]) => !new RegExp(`\\s${name}=`).test(attrs)).map(([n, v]) => `${n}="${v}"`);
    return `<component${attrs} ${missing.join(' ')}${close}>`;
  });
}

const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend">';

/** The fragment as a whole answer file, or undefined when no known component documents a bare fragment. */
export function wrapFragment(fragment: string, kb: KnowledgeBase): string | undefined {
  const xml = withIdentity(fragment);
  if (/<unattend\b/.test(xml)) return xml;
  if (/<settings\b/.test(xml)) return `${HEAD}\n${xml}\n</unattend>\n`;
  const inner = (pass: string, body: string): string => `${HEAD}\n<settings pass="${pass}">\n${body}\n</settings>\n</unattend>\n`;
  const first = /<component\b[^>]*\bname="([^"]+)"/.exec(xml);
  if (first) {
    const body = /<component\b[^>]*>([\s\S]*)/.exec(xml)![1]!;
    return inner(passFor(kb, first[1]!, topLevel(body).map((e) => e.name)), xml);
  }
  // Bare settings: each in the component, pass and parents where the knowledge base documents it.
  const passes = new Map<string, Map<string, Map<string, string[]>>>();
  const elements = topLevel(xml);
  if (elements.length === 0) return undefined;
  const names = elements.map((e) => e.name);
  for (const el of elements) {
    const place = placeOf(kb, el);
    if (!place) return undefined;
    const components = passes.get(place.pass) ?? new Map<string, Map<string, string[]>>();
    passes.set(place.pass, components);
    const parents = components.get(place.component) ?? new Map<string, string[]>();
    components.set(place.component, parents);
    const key = place.path.slice(0, -1).concat('').join('/');
    parents.set(key, [...(parents.get(key) ?? []), el.text]);
  }
  const identity = IDENTITY.map(([n, v]) => `${n}="${v}"`).join(' ');
  const body = [...passes].map(([pass, components]) => {
    const comps = [...components].map(([component, parents]) => {
      const runs = [...parents].map(([key, texts]) => {
        const { open, close } = parentsOf(kb, component, key.split('/'), names);
        return `${open}\n${texts.join('\n')}\n${close}`;
      });
      return `<component name="${component}" ${identity}>\n${runs.join('\n')}\n</component>`;
    });
    return `<settings pass="${pass}">\n${comps.join('\n')}\n</settings>`;
  });
  return `${HEAD}\n${body.join('\n')}\n</unattend>\n`;
}
