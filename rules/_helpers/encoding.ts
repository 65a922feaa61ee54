// Encoding labels of XML declarations, for xml-encoding and legacy-encoding.

/** The WHATWG name of an encoding label ("UTF8" → "utf-8", "utf-16" → "utf-16le"), undefined if unknown. */
export function canonicalEncoding(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

export function describeEncoding(encoding: string, bom: boolean): string {
  const name = encoding.toUpperCase();
  return bom ? `${name} with a byte order mark` : name;
}

