// The only saxes subscriber: turns the character stream into typed answer-file events with exact offsets.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import {
  UNATTEND_NS,
  type AttributeNode,
  type CommentNode,
  type ComponentNode,
  type DocumentNode,
  type ElementNode,
  type ElementRole,
  type SettingsNode,
  type ValueNode,
} from './events.js';
import { attributeNodes, type ParsedAttribute } from './attributes.js';
import { declare, fatalDeclaration, isDeclaration, isMalformedName, ROOT_SCOPE, XMLNS_NAMESPACE, type Scope } from './namespaces.js';
import { firstBareAmpersand } from './ampersand.js';

/** libxml2 refuses documents nested deeper than this (xmllint: "Excessive depth in document"). */
export const MAX_DEPTH = 257;
const CHUNK = 64 * 1024;
/** Thrown through saxes to end the parse at the first fatal error. */
const STOP = Symbol('stop');

/**
 * The events of one parse, in document order. `B` is what the nodes carry in `binding`: nothing from the
 * parser, the binder's resolution for the rules (the engine's Visitor is ParseSink<Binding>).
 */
export interface ParseSink<B = unknown> {
  onDocument?(node: DocumentNode<B>): void;
  onSettings?(node: SettingsNode<B>): void;
  onSettingsEnd?(node: SettingsNode<B>): void;
  onComponent?(node: ComponentNode<B>): void;
  onComponentEnd?(node: ComponentNode<B>): void;
  /** Every element start tag in the document, whatever its role (for rules: only their settings', when they name some). */
  onElement?(node: ElementNode<B>): void;
  onElementEnd?(node: ElementNode<B>): void;
  /** Text of a leaf element (no child elements), when it closes. */
  onValue?(node: ValueNode<B>): void;
  onComment?(node: CommentNode): void;
}

export interface ParseFatal {
  message: string;
  offset: number;
  /** Where the last tag the parser read ends (0 when it read none): what is past it, the parser never read as markup. */
  markupUntil?: number;
}

/**
 * The text a parse reads back (start tags for attribute offsets, the `<` of tags and comments): a string, or a
 * file's text read in pieces. A string is one.
 */
export interface ParseSource {
  readonly length: number;
  slice(start: number, end: number): string;
  lastIndexOf(search: string, offset: number): number;
}

export interface ParseResult {
  fatal?: ParseFatal;
  /** Prefixes used without a declaration (saxes reports them; libxml2 only warns). */
  unboundPrefixes: Set<string>;
}

/** What the engine reads of an element's attributes without building them (one shared object for most elements). */
interface AttributeFacts {
  readonly action: string | undefined;
  readonly keyValue: string | undefined;
  readonly prefixed: boolean;
  readonly unbound: boolean;
  readonly wcmUri: string | undefined;
}

const NO_ATTRIBUTE_FACTS: AttributeFacts = Object.freeze({ action: undefined, keyValue: undefined, prefixed: false, unbound: false, wcmUri: undefined });

function attributeFacts(attrs: readonly ParsedAttribute[]): AttributeFacts {
  let action: string | undefined;
  let keyValue: string | undefined;
  let prefixed = false;
  let unboundAttr = false;
  let wcmUri: string | undefined;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i]!;
    if (a.prefix && a.prefix !== 'xmlns') {
      prefixed = true;
      if (a.uri === '') unboundAttr = true;
      if (a.prefix === 'wcm') wcmUri ??= a.uri;
    }
    if (a.prefix !== 'wcm' && !a.uri.includes('WMIConfig')) continue;
    if (a.local === 'action') action ??= a.value;
    else if (a.local === 'keyValue') keyValue ??= a.value;
  }
  return prefixed || action !== undefined || keyValue !== undefined
    ? { action, keyValue, prefixed, unbound: unboundAttr, wcmUri }
    : NO_ATTRIBUTE_FACTS;
}

const NO_ATTRIBUTES: readonly ParsedAttribute[] = Object.freeze([]);
const NO_NAMES: readonly string[] = Object.freeze([]);

/**
 * Two prefixed attributes of one tag with the same namespace and local name (a:x and b:x, both prefixes bound to
 * one URI): the tag is not namespace-well-formed. Returns that name as {uri}local, or undefined. The same name
 * written twice the parser reports itself. An undeclared prefix stands for itself here, as in saxes.
 */
function sameExpandedName(attrs: readonly ParsedAttribute[]): string | undefined {
  let seen: Set<string> | undefined;
  let prefixed = 0;
  for (const a of attrs) if (a.prefix) prefixed++;
  if (prefixed < 2) return undefined;
  for (const a of attrs) {
    if (!a.prefix) continue;
    const expanded = `{${a.uri || a.prefix}}${a.local}`;
    if ((seen ??= new Set()).has(expanded)) return expanded;
    seen.add(expanded);
  }
  return undefined;
}

/**
 * A start tag's attributes with their namespaces, in document order. An undeclared prefix resolves to '' and is
 * added to `unbound`; a prefix declared as "" resolves to '' without being undeclared (as in saxes).
 */
function resolveAttributes(names: readonly string[], values: Readonly<Record<string, string>>, scope: Scope, unbound: Set<string>): ParsedAttribute[] {
  const out: ParsedAttribute[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const colon = name.indexOf(':');
    if (colon < 0) {
      out.push({ name, prefix: '', local: name, uri: name === 'xmlns' ? XMLNS_NAMESPACE : '', value: values[name]! });
      continue;
    }
    const prefix = name.slice(0, colon);
    let uri = scope.prefixes.get(prefix);
    if (uri === undefined) {
      unbound.add(prefix);
      uri = '';
    }
    out.push({ name, prefix, local: name.slice(colon + 1), uri, value: values[name]! });
  }
  return out;
}

/**
 * An element. It is made for every start tag, so it keeps few fields of its own: its names and its attributes as the
 * adapter resolved them; attribute nodes (with offsets) and the name's range are built on first access, since most
 * rules never look at them.
 */
class Element implements ElementNode {
  readonly range: { start: number; end: number };
  pass: string | undefined;
  component: ComponentNode | undefined;
  // Fields are set in the constructor, not by initializers: those are a function of their own, run per element.
  childCount: number;
  binding: unknown;
  /** Text read so far while the element has no child element (the parser's, until it closes). */
  pendingText: string;
  /** The <settings> node this element opens, if it is one. */
  settingsNode: SettingsNode | undefined;
  /** Offset just past the end tag, once the element closes (-1 while open). */
  end: number;
  readonly plain: boolean;
  #attributes: AttributeNode[] | undefined;
  #nameRange: { start: number; end: number } | undefined;
  readonly #facts: AttributeFacts;

  constructor(
    private readonly text: ParseSource,
    readonly qname: string,
    readonly prefix: string,
    readonly local: string,
    readonly selfClosing: boolean,
    private readonly attrs: readonly ParsedAttribute[],
    /** The prefixes in scope inside the element. */
    readonly scope: Scope,
    start: number,
    end: number,
    readonly uri: string,
    readonly role: ElementRole,
    readonly parent: ElementNode | null,
    readonly depth: number,
    answerNs: boolean,
  ) {
    this.range = { start, end };
    this.pass = parent?.pass;
    this.component = parent?.component;
    this.childCount = 0;
    this.binding = undefined;
    this.pendingText = '';
    this.settingsNode = undefined;
    this.end = -1;
    this.#attributes = undefined;
    this.#nameRange = undefined;
    this.#facts = attrs.length === 0 ? NO_ATTRIBUTE_FACTS : attributeFacts(attrs);
    this.plain = role === 'setting' && answerNs && prefix === '' && !this.#facts.prefixed;
  }

  get kind(): 'element' {
    return 'element';
  }
  get action(): string | undefined {
    return this.#facts.action;
  }
  get keyValue(): string | undefined {
    return this.#facts.keyValue;
  }
  get prefixedAttributes(): boolean {
    return this.#facts.prefixed;
  }
  get unboundAttributes(): boolean {
    return this.#facts.unbound;
  }
  get wcmAttributeUri(): string | undefined {
    return this.#facts.wcmUri;
  }

  get nameRange(): { start: number; end: number } {
    return (this.#nameRange ??= { start: this.range.start + 1, end: this.range.start + 1 + this.qname.length });
  }

  get fullRange(): { start: number; end: number } | undefined {
    return this.end < 0 ? undefined : { start: this.range.start, end: this.end };
  }

  get attributes(): readonly AttributeNode[] {
    const { start, end } = this.range;
    return (this.#attributes ??= attributeNodes(this.text.slice(start, end), start, this.attrs));
  }
}

/** The parser's words for errors that need more to act on. */
const EXPLAINED: Readonly<Record<string, string>> = {
  'malformed comment': 'malformed comment: XML forbids "--" inside a comment (only its end "-->" has two hyphens)',
};

/** Whether the comment that holds `offset` starts as an unattend-lint directive. */
function isDirectiveAt(text: ParseSource, offset: number): boolean {
  const at = text.lastIndexOf('<!--', offset);
  return at >= 0 && /^<!--\s*unattend-lint-/.test(text.slice(at, at + 40));
}

/** What to add for a malformed comment that is an unattend-lint directive (an ESLint-style "-- reason"). */
const DIRECTIVE_REASON = '; in an unattend-lint directive, write the reason after a colon';

function roleOf(parent: ElementNode | null, answerNs: boolean, uri: string, local: string): ElementRole {
  if (!parent) return 'root';
  // No namespace counts as the answer-file namespace for roles, so that components written with
  // xmlns="" are still checked (the envelope rule reports the namespace itself).
  if (!(answerNs || uri === '') || parent.role === 'foreign') return 'foreign';
  switch (parent.role) {
    case 'root':
      return local === 'settings' ? 'settings' : local === 'servicing' ? 'servicing' : 'other';
    case 'settings':
      return local === 'component' ? 'component' : 'other';
    case 'component':
    case 'setting':
      return 'setting';
    default:
      return 'other';
  }
}

/**
 * Parses `text` (a string, or a streamed text with its pieces in order) and hands its events to `sink`. Stops at
 * the first well-formedness error (ParseResult.fatal); an exception thrown by the sink passes through.
 */
export function parse(text: ParseSource, sink: ParseSink, pieces: Iterable<string> = chunksOf(text)): ParseResult {
  // Namespaces are resolved here (namespaces.ts): saxes' own resolution costs a quarter of its parse.
  const parser = new SaxesParser({ xmlns: false, position: true });
  const result: ParseResult = { unboundPrefixes: new Set() };
  const stack: Element[] = [];
  let answerUri: string | undefined;
  /** The element the last end tag closed (what a mismatched end tag was meant to close). */
  let lastClosed: Element | undefined;

  // The first well-formedness error ends the parse: saxes would go on (resolving namespaces up the whole tag
  // stack for every further tag), and nothing after it can be trusted.
  const fail = (message: string, offset: number): never => {
    const open = stack.length > 0 ? stack[stack.length - 1]!.range.end : 0;
    result.fatal = { message, offset: Math.max(0, Math.min(offset, text.length)), markupUntil: Math.max(open, lastClosed?.end ?? 0) };
    throw STOP;
  };

  parser.on('error', (err) => {
    const message = err.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '');
    const offset = parser.position - 1;
    const amp = firstBareAmpersand(typeof text === 'string' ? text : text.slice(0, text.length), offset + 1);
    if (amp !== undefined) fail('unescaped "&" (not the start of an entity reference); write it as &amp;', amp);
    else if (message === 'unexpected close tag') {
      // Point at the end tag's "<" and name both elements, rather than saxes's words at its ">".
      const start = text.lastIndexOf('</', offset);
      const name = start >= 0 ? /^<\/([^\s>]*)/.exec(text.slice(start, Math.min(text.length, start + 260)))?.[1] : undefined;
      // saxes pops the open element (closing it) before it reports the mismatch.
      const open = lastClosed && lastClosed.end === parser.position ? lastClosed : stack[stack.length - 1];
      if (start < 0 || name === undefined) fail(message, offset);
      else if (open) fail(`end tag </${name}> does not match the open element <${open.qname}>`, start);
      else fail(`end tag </${name}> has no open element to close`, start);
    } else if (message === 'malformed comment') fail(EXPLAINED[message]! + (isDirectiveAt(text, offset) ? DIRECTIVE_REASON : ''), offset);
    else if (message === 'undefined entity' && doctype !== undefined) {
      // Entities declared in a DTD are not expanded (answer files have none; expanding them invites entity bombs and
      // external entities): the message says so rather than calling a declared entity undefined.
      const amp = text.lastIndexOf('&', offset);
      const name = amp >= 0 ? /^&([^;\s&<]+);/.exec(text.slice(amp, amp + 260))?.[1] : undefined;
      const declared = name !== undefined && [...doctype.matchAll(/<!ENTITY\s+([^\s%]+)\s/g)].some((m) => m[1] === name);
      fail(declared ? `entity "${name}" is declared in the DOCTYPE, but unattend-lint does not expand entities a DTD declares; write its text in place of &${name};` : message, declared ? amp : offset);
    }
    else fail(EXPLAINED[message] ?? message, offset);
  });

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const end = parser.position;
    const start = text.lastIndexOf('<', end - 1);
    const parent = stack.length > 0 ? stack[stack.length - 1]! : null;
    const name = tag.name;
    // "<name>" or "<name/>": no attribute to read.
    const names = end - start <= name.length + 3 ? NO_NAMES : Object.keys(tag.attributes);
    let scope = parent ? parent.scope : ROOT_SCOPE;
    let declares = false;
    for (let i = 0; i < names.length; i++) {
      const n = names[i]!;
      if (isMalformedName(n)) fail(`malformed name: ${n}`, valueEndOf(text, start, end, n, tag.attributes[n]!));
      if (isDeclaration(n)) {
        declares = true;
        const why = fatalDeclaration(n, tag.attributes[n]!);
        if (why) fail(why, valueEndOf(text, start, end, n, tag.attributes[n]!));
      }
    }
    if (declares) scope = declare(scope, names, tag.attributes);
    let prefix = '';
    let local = name;
    let uri = scope.defaultUri;
    const colon = name.indexOf(':');
    if (colon >= 0) {
      if (isMalformedName(name)) fail(`malformed name: ${name}`, end - 1);
      prefix = name.slice(0, colon);
      local = name.slice(colon + 1);
      uri = scope.prefixes.get(prefix) ?? '';
      if (uri === '') result.unboundPrefixes.add(prefix);
    }
    const attrs = names.length === 0 ? NO_ATTRIBUTES : resolveAttributes(names, tag.attributes, scope, result.unboundPrefixes);
    if (attrs.length > 1) {
      const twin = sameExpandedName(attrs);
      if (twin) fail(`duplicate attribute: ${twin}`, end - 1);
    }
    if (stack.length >= MAX_DEPTH) fail(`elements are nested more than ${MAX_DEPTH} levels deep`, start);
    if (parent) {
      parent.childCount++;
      parent.pendingText = '';
    }
    // The namespace's string is the one its declaration holds, the same for every element below it: once one is
    // known to be the answer-file namespace, the test is an identity check, not a comparison of 34 characters.
    const answerNs = uri === answerUri || (uri === UNATTEND_NS && ((answerUri = uri), true));
    const role = roleOf(parent, answerNs, uri, local);
    const node = new Element(text, name, prefix, local, tag.isSelfClosing, attrs, scope, start, end, uri, role, parent, stack.length, answerNs);
    let component: ComponentNode | undefined;
    if (node.role === 'settings') {
      const passAttr = node.attributes.find((a) => a.local === 'pass' && a.prefix === '');
      node.pass = passAttr?.value;
      node.settingsNode = { kind: 'settings', element: node, pass: node.pass, passAttr };
    } else if (node.role === 'component') {
      // roleOf gives "component" only directly under <settings>, so the parent holds the settings node.
      component = node.component = componentNode(node, parent!.settingsNode);
    }
    stack.push(node);
    if (!parent) sink.onDocument?.({ kind: 'document', root: node });
    sink.onElement?.(node);
    if (node.settingsNode) sink.onSettings?.(node.settingsNode);
    if (component) sink.onComponent?.(component);
  });

  const addText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (top && top.childCount === 0) top.pendingText += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  parser.on('closetag', () => {
    const node = stack.pop();
    if (!node) return;
    const end = parser.position;
    node.end = end;
    lastClosed = node;
    if (node.childCount === 0) {
      const closeStart = node.selfClosing ? node.range.end : text.lastIndexOf('<', end - 1);
      sink.onValue?.({ kind: 'value', element: node, text: node.pendingText, range: { start: node.range.end, end: closeStart } });
      node.pendingText = '';
    }
    sink.onElementEnd?.(node);
    if (node.role === 'component' && node.component) sink.onComponentEnd?.(node.component);
    if (node.settingsNode) sink.onSettingsEnd?.(node.settingsNode);
  });

  /** The DOCTYPE's text, when the document has one (its entity declarations are not expanded). */
  let doctype: string | undefined;
  parser.on('doctype', (d: string) => void (doctype = d));

  parser.on('comment', (body: string) => {
    const end = parser.position;
    const start = text.lastIndexOf('<!--', end - 1);
    sink.onComment?.({ kind: 'comment', text: body, range: { start, end } });
  });

  // Other exceptions come from a sink (a rule): the engine reports them as internal errors.
  try {
    for (const piece of pieces) parser.write(piece);
    parser.close();
  } catch (err) {
    if (err !== STOP) throw err;
  }
  return result;
}

function* chunksOf(text: ParseSource): Generator<string> {
  for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK);
}

function componentNode(element: ElementNode, settings: SettingsNode | undefined): ComponentNode {
  const attrs: Record<string, AttributeNode | undefined> = {};
  for (const a of element.attributes) if (a.prefix === '') attrs[a.local] = a;
  const v = (k: string): string => attrs[k]?.value ?? '';
  return {
    kind: 'component',
    element,
    identity: {
      name: v('name'),
      processorArchitecture: v('processorArchitecture'),
      publicKeyToken: v('publicKeyToken'),
      language: v('language'),
      versionScope: v('versionScope'),
    },
    attrs,
    pass: element.pass,
    settings,
  };
}

/** Offset of the closing quote of attribute `name` in the start tag at start..end (where saxes reads its value). */
function valueEndOf(text: ParseSource, start: number, end: number, name: string, value: string): number {
  const found = attributeNodes(text.slice(start, end), start, [{ name, prefix: '', local: name, uri: '', value }]);
  return found[0]?.valueRange.end ?? end - 1;
}
