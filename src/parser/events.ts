// The closed set of answer-file node shapes the parser emits and rules consume.
import type { Range } from '../types.js';

export const UNATTEND_NS = 'urn:schemas-microsoft-com:unattend';
/** The namespace of Windows SIM's note of the image a file was authored against (<cpi:offlineImage cpi:source="…">). */
export const CPI_NS = 'urn:schemas-microsoft-com:cpi';
export const WCM_NS = 'http://schemas.microsoft.com/WMIConfig/2002/State';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export const PASS_NAMES = [
  'windowsPE',
  'offlineServicing',
  'generalize',
  'specialize',
  'auditSystem',
  'auditUser',
  'oobeSystem',
] as const;
export type PassName = (typeof PASS_NAMES)[number];

export interface AttributeNode {
  /** Qualified name as written, e.g. "wcm:action". */
  qname: string;
  prefix: string;
  local: string;
  /** Namespace URI the prefix resolves to ('' for unprefixed attributes or an undeclared prefix). */
  uri: string;
  /** Value with entities resolved. */
  value: string;
  /** Whole attribute, name through closing quote. */
  range: Range;
  /** Value between the quotes. */
  valueRange: Range;
}

/**
 * Where an element sits in the answer-file envelope:
 * root = <unattend>; settings / servicing = their blocks; component = <component> under <settings>;
 * setting = an element inside a component in the unattend namespace; foreign = an element in another
 * namespace (or inside one), e.g. cpi:offlineImage or a generator's <Extensions>; other = anything else
 * in the unattend namespace outside a component (misplaced content).
 */
export type ElementRole = 'root' | 'settings' | 'servicing' | 'component' | 'setting' | 'foreign' | 'other';

export interface ComponentIdentity {
  name: string;
  processorArchitecture: string;
  publicKeyToken: string;
  language: string;
  versionScope: string;
}

/**
 * An element start tag. `B` is what the binder attached (src/binder): the parser leaves `binding` undefined,
 * and rules see ElementNode<Binding>.
 */
export interface ElementNode<B = unknown> {
  kind: 'element';
  qname: string;
  prefix: string;
  local: string;
  /** Namespace URI ('' when none applies or the prefix is undeclared). */
  uri: string;
  role: ElementRole;
  /** The attributes, built on first access (most elements are never asked). */
  readonly attributes: readonly AttributeNode[];
  /** Some attribute other than a namespace declaration has a prefix (known without building the attributes). */
  readonly prefixedAttributes: boolean;
  /** Some prefixed attribute's prefix is not declared. */
  readonly unboundAttributes: boolean;
  /** The namespace URI of the first wcm-prefixed attribute ('' when wcm is not declared), if there is one. */
  readonly wcmAttributeUri: string | undefined;
  /**
   * A plain setting element: role setting, in the answer-file namespace, without a prefix, with no prefixed attribute
   * (wcm:action, …). Most elements are; rules about the envelope and namespaces have nothing to say of them
   * (RuleMeta.plainElements).
   */
  readonly plain: boolean;
  /** The start tag, '<' through '>'. */
  range: Range;
  /** The name in the start tag. */
  nameRange: Range;
  /** Whole element through its end tag; set when the element closes (in onElementEnd / onValue). */
  fullRange?: Range;
  /** Offset just past the end tag once the element closes (onElementEnd / onValue), -1 while it is open. */
  readonly end: number;
  selfClosing: boolean;
  depth: number;
  parent: ElementNode<B> | null;
  /** Pass of the enclosing <settings>, as written (may be invalid); undefined outside settings. */
  pass: string | undefined;
  /** Enclosing component (for role component: itself). */
  component: ComponentNode<B> | undefined;
  /** wcm:action value, if present. */
  action: string | undefined;
  /** wcm:keyValue value, if present. */
  keyValue: string | undefined;
  /** Number of child elements seen so far (final in onElementEnd). */
  childCount: number;
  /** What the binder resolved this element to. */
  binding: B;
}

export interface ComponentNode<B = unknown> {
  kind: 'component';
  element: ElementNode<B>;
  identity: ComponentIdentity;
  /** Attribute nodes by local name (name, processorArchitecture, publicKeyToken, language, versionScope). */
  attrs: Record<string, AttributeNode | undefined>;
  pass: string | undefined;
  settings: SettingsNode<B> | undefined;
}

export interface SettingsNode<B = unknown> {
  kind: 'settings';
  element: ElementNode<B>;
  pass: string | undefined;
  passAttr: AttributeNode | undefined;
}

/** Text content of a leaf element (an element with no child elements), reported when it closes. */
export interface ValueNode<B = unknown> {
  kind: 'value';
  element: ElementNode<B>;
  /** Text with entities resolved, exactly as Setup would read it (not trimmed). */
  text: string;
  /** Range between the start tag's '>' and the end tag's '<' (empty for <x/>). */
  range: Range;
}

export interface CommentNode {
  kind: 'comment';
  text: string;
  range: Range;
}

export interface DocumentNode<B = unknown> {
  kind: 'document';
  root: ElementNode<B>;
}
