// LDAP distinguished names as MachineObjectOU holds them (RFC 4514 strings, with RFC 1779's ";" and quoted values).

/** One attribute of a relative distinguished name: OU=Workstations. */
export interface Ava {
  /** The attribute type in upper case (OU, CN, DC, … or an OID). */
  type: string;
  /** The value with escapes resolved. */
  value: string;
  /** Offset of the attribute in the parsed text. */
  offset: number;
}

export type DnResult = { ok: true; avas: Ava[] } | { ok: false; reason: string; offset: number };

const TYPE = /^(?:[A-Za-z][A-Za-z0-9-]*|(?:OID\.)?\d+(?:\.\d+)*)$/i;
/** Characters a backslash may escape (RFC 4514 §2.4, plus "=" and space, which RFC 1779 writers escape). */
const ESCAPABLE = new Set([...',;+"\\<>#= ']);
const HEX = /^[0-9a-f]{2}$/i;

/** The parts of `text` between unescaped, unquoted separators, with their offsets. */
function split(text: string, separators: string, base: number): { part: string; offset: number }[] | { reason: string; offset: number } {
  const parts: { part: string; offset: number }[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined) return { reason: 'it ends in a lone "\\"', offset: base + i };
      if (!ESCAPABLE.has(next) && !HEX.test(text.slice(i + 1, i + 3))) return { reason: `"\\${next}" is no escape (escape , + " \\ < > ; = # or write two hex digits)`, offset: base + i };
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && separators.includes(c)) {
      parts.push({ part: text.slice(start, i), offset: base + start });
      start = i + 1;
    }
  }
  if (quoted) return { reason: 'a quoted value is not closed', offset: base + text.lastIndexOf('"') };
  parts.push({ part: text.slice(start), offset: base + start });
  return parts;
}

const unescape = (value: string): string => {
  const v = value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
  return v.replace(/\\([0-9a-fA-F]{2}|.)/g, (_, e: string) => (e.length === 2 ? String.fromCharCode(parseInt(e, 16)) : e));
};

/** Parses a distinguished name such as "OU=Workstations,OU=Corp\, Inc,DC=corp,DC=contoso,DC=com". */
export function parseDn(text: string): DnResult {
  const rdns = split(text, ',;', 0);
  if (!Array.isArray(rdns)) return { ok: false, ...rdns };
  const avas: Ava[] = [];
  for (const { part, offset } of rdns) {
    if (!part.trim()) return { ok: false, reason: 'it has an empty part between separators', offset };
    const members = split(part, '+', offset);
    if (!Array.isArray(members)) return { ok: false, ...members };
    for (const m of members) {
      const eq = m.part.indexOf('=');
      const lead = m.part.length - m.part.trimStart().length;
      if (eq < 0) return { ok: false, reason: `"${m.part.trim()}" is not an attribute=value pair such as OU=Workstations`, offset: m.offset + lead };
      const type = m.part.slice(0, eq).trim();
      const value = m.part.slice(eq + 1).trim();
      if (!TYPE.test(type)) return { ok: false, reason: `"${type}" is not an attribute type such as OU, CN or DC`, offset: m.offset + lead };
      if (!value) return { ok: false, reason: `${type}= has no value`, offset: m.offset + lead };
      avas.push({ type: type.toUpperCase(), value: unescape(value), offset: m.offset + lead });
    }
  }
  return { ok: true, avas };
}
