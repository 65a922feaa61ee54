// Namespaces in XML 1.0, resolved here rather than by the parser: saxes then runs in its plain mode, which does not
// build a qualified-name object per name, look prefixes up the whole tag stack, or make an Error (with its stack
// trace) for every undeclared prefix. What it resolves is what saxes' namespace mode gives, including where that
// mode binds a prefix despite a declaration it reports.

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** The prefixes in scope at an element: a flat map (documents declare few), shared by every element that adds none. */
export interface Scope {
  /** The default namespace ('' when none is declared). */
  readonly defaultUri: string;
  readonly prefixes: ReadonlyMap<string, string>;
}

export const ROOT_SCOPE: Scope = {
  defaultUri: '',
  prefixes: new Map([
    ['xml', XML_NAMESPACE],
    ['xmlns', XMLNS_NAMESPACE],
  ]),
};

/** Whether a name with a colon leaves an empty part or has a second colon (not a QName); made for names with one. */
export function isMalformedName(name: string): boolean {
  const colon = name.indexOf(':');
  return colon === 0 || colon === name.length - 1 || (colon > 0 && name.indexOf(':', colon + 1) >= 0);
}

/** Whether an attribute name declares a namespace (xmlns, or xmlns:prefix). */
export const isDeclaration = (name: string): boolean => name.startsWith('xmlns') && (name.length === 5 || name.charCodeAt(5) === 0x3a);

/**
 * The scope inside an element whose attributes (by name) hold at least one declaration. As in saxes, a declared URI
 * is trimmed, and a declaration is applied even where it is reported (an empty prefix URI, the xml prefix rebound).
 */
export function declare(parent: Scope, names: readonly string[], attributes: Readonly<Record<string, string>>): Scope {
  let defaultUri = parent.defaultUri;
  let prefixes: Map<string, string> | undefined;
  for (const name of names) {
    if (!isDeclaration(name)) continue;
    const uri = attributes[name]!.trim();
    if (name.length === 5) defaultUri = uri;
    else (prefixes ??= new Map(parent.prefixes)).set(name.slice(6), uri);
  }
  return { defaultUri, prefixes: prefixes ?? parent.prefixes };
}

/**
 * Why a declaration makes the document not namespace-well-formed in the way saxes' namespace mode stops at (binding
 * a prefix to the xmlns namespace), or undefined. The other declaration errors are namespace constraints that
 * libxml2 only warns about.
 */
export function fatalDeclaration(name: string, value: string): string | undefined {
  return name.length > 5 && value.trim() === XMLNS_NAMESPACE ? `may not assign a prefix (even "xmlns") to the URI ${XMLNS_NAMESPACE}` : undefined;
}
