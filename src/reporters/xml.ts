// Escaping for the XML formats (checkstyle, junit): any message or path becomes well-formed XML 1.0.

// Characters XML 1.0 cannot carry at all, not even as character references: C0 controls other than tab, LF
// and CR, lone surrogates, U+FFFE and U+FFFF. Each becomes U+FFFD, one for one.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // In attributes a parser turns tab, LF and CR into spaces unless they are written as references.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text for element content. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>]/g, (c) => ENTITY[c]!);
}

/** Text for a double- or single-quoted attribute value, line breaks and tabs kept as references. */
export function xmlAttr(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => ENTITY[c]!);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
