// Component identity vocabulary shared by the rules that read processorArchitecture and friends.

/** Architectures of Windows component manifests, in the case WSIM writes them. */
export const ARCHITECTURES = ['x86', 'amd64', 'arm64', 'wow64', 'ia64', 'arm', 'msil'] as const;

/** The public key token every Windows component manifest carries. */
export const PUBLIC_KEY_TOKEN = '31bf3856ad364e35';
