// Tolerant reading of the XML examples in reference pages (fragments, some not well-formed).

export interface ExampleElement {
  name: string;
  /** Names of the enclosing elements inside the fragment, outermost first, stopping below <component>. */
  ancestors: string[];
  /** Carries wcm:action (a list item). */
  action: boolean;
  /** Carries wcm:keyValue (a list item keyed by attribute). */
  keyValue: boolean;
  /** A later sibling of the same name: only list items may repeat under one parent. */
  repeated: boolean;
  /** Names of the component the fragment wraps itself in, when it does. */
  component?: string;
}

const ENVELOPE = new Set(['unattend', 'settings', 'component', 'servicing', 'package']);

/**
 * Start tags of a fragment with their ancestry. Closing tags pop back to their opening tag when it
 * is on the stack and are otherwise ignored, so the doc's broken examples (e.g. a closing tag with
 * an attribute in microsoft-windows-shell-setup-useraccounts.md) do not derail the rest.
 */
export function exampleElements(code: string): ExampleElement[] {
  const out: ExampleElement[] = [];
  const stack: string[] = [];
  // Child names seen so far under each open element (index = stack depth).
  const seen: Set<string>[] = [new Set()];
  let component: string | undefined;
  const text = code.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '');
  for (const m of text.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)((?:\s[^<>]*?)?)(\/?)>/g)) {
    const [, closing, name, attrs, selfClosing] = m as unknown as [string, string, string, string, string];
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) {
        stack.length = at;
        seen.length = at + 1;
      }
      continue;
    }
    if (name === 'component') {
      component = /\bname\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
    }
    if (ENVELOPE.has(name)) {
      stack.length = 0;
      seen.length = 1;
      seen[0] = new Set();
      if (!selfClosing) {
        stack.push(name);
        seen.push(new Set());
      }
      continue;
    }
    const siblings = seen[stack.length]!;
    const ancestors = stack.filter((n) => !ENVELOPE.has(n));
    const element: ExampleElement = {
      name,
      ancestors,
      action: /\bwcm:action\s*=/.test(attrs),
      keyValue: /\bwcm:keyValue\s*=/.test(attrs),
      repeated: siblings.has(name),
    };
    siblings.add(name);
    if (component !== undefined) element.component = component;
    out.push(element);
    if (!selfClosing) {
      stack.push(name);
      seen.push(new Set());
    }
  }
  return out;
}
