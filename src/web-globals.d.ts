// The Web APIs the core (src/core.ts and what it imports) may use: each exists in Node >= 20, in browsers and in web
// workers. tsconfig.core.json type-checks the core against these and the ECMAScript library alone (no Node types, no
// DOM), so a Node API or a browser-only one used in the core fails to compile. The Node build (tsconfig.json) takes
// these from @types/node instead, so this file is not part of it.

interface TextDecodeOptions {
  stream?: boolean;
}

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}

declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};

interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

declare var TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};

interface URL {
  hash: string;
  host: string;
  hostname: string;
  href: string;
  pathname: string;
  protocol: string;
  search: string;
  toString(): string;
}

declare var URL: {
  prototype: URL;
  new (url: string, base?: string | URL): URL;
};

declare function structuredClone<T>(value: T): T;

/** Base64 to a string of byte values (forgiving-base64 decode). */
declare function atob(data: string): string;
