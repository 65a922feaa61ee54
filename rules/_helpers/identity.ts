// Component identity vocabulary shared by the rules that read processorArchitecture and friends.

/** Architectures of Windows component manifests, in the case WSIM writes them. */
export const ARCHITECTURES = ['x86', 'amd64', 'arm64', 'wow64', 'ia64', 'arm', 'msil'] as const;

/** The public key token every Windows component manifest carries. */
export const PUBLIC_KEY_TOKEN = '31bf3856ad364e35';

export interface Spec {
  values: readonly string[];
  required: boolean;
  /** The hex token may be written in any case (XSD publicKeyTokenType: [0-9a-fA-F]{16}). */
  anyCase?: boolean;
}

// From schneegans/autounattend.xsd, componentSettingType: versionScope is the only optional one (default nonSxS).
export const SPECS: Record<string, Spec> = {
  name: { values: [], required: true },
  processorArchitecture: { values: ARCHITECTURES, required: true },
  publicKeyToken: { values: [PUBLIC_KEY_TOKEN], required: true, anyCase: true },
  language: { values: ['neutral'], required: true },
  versionScope: { values: ['nonSxS', 'neutral'], required: false },
};

/** The documented spelling of an identity attribute's value that differs from it only in case, if any. */
export function canonicalCase(attr: string, value: string): string | undefined {
  const spec = SPECS[attr];
  if (!spec || spec.values.includes(spec.anyCase ? value.toLowerCase() : value)) return undefined;
  // Only letter case: whitespace around the value is not what the XSD patterns accept, and stays component-identity's.
  const v = value.toLowerCase();
  return spec.values.find((c) => c.toLowerCase() === v);
}
