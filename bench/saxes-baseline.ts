// The whole-process baselines of npm run bench: one node process that reads every file of a directory
// and runs a plain saxes parse over each (node dist/bench/saxes-baseline.js DIR), or that streams one file
// into saxes in chunks (node dist/bench/saxes-baseline.js --stream FILE).
import { closeSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';

/** Text of an answer file as the linter would read it: UTF-16 by BOM, else UTF-8 without its BOM. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A plain saxes parser: namespaces and positions on, like the linter's, and nothing done per tag. */
function plainParser(xmlns: boolean): { parser: SaxesParser; errors: () => number } {
  const parser = new SaxesParser({ xmlns, position: true });
  let errors = 0;
  parser.on('opentag', () => undefined);
  parser.on('error', () => void errors++);
  return { parser, errors: () => errors };
}

/** A plain saxes parse of a whole text; returns the number of errors. */
export function saxesParse(text: string, xmlns = true): number {
  const { parser, errors } = plainParser(xmlns);
  parser.write(text).close();
  return errors();
}

/** A streaming saxes parse of a file: 64 KiB reads, each decoded and written to saxes as it comes (UTF-8, or UTF-16LE by BOM). */
export function saxesStream(path: string, chunkBytes = 64 * 1024): number {
  const { parser, errors } = plainParser(true);
  const fd = openSync(path, 'r');
  try {
    const bom = Buffer.alloc(2);
    readSync(fd, bom, 0, 2, 0); // a positioned read: the chunks below still start at byte 0
    const decoder = new StringDecoder(bom[0] === 0xff && bom[1] === 0xfe ? 'utf16le' : 'utf8');
    const buf = Buffer.allocUnsafe(chunkBytes);
    let first = true;
    for (let n = readSync(fd, buf, 0, chunkBytes, null); n > 0; n = readSync(fd, buf, 0, chunkBytes, null)) {
      let text = decoder.write(buf.subarray(0, n));
      if (first && text) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      parser.write(text);
    }
    parser.write(decoder.end()).close();
  } finally {
    closeSync(fd);
  }
  return errors();
}

function main(dir: string): void {
  if (dir === '--stream') {
    if (saxesStream(process.argv[3] ?? '') > 0) process.exitCode = 1;
    return;
  }
  let files = 0;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.xml')) continue;
    saxesParse(decodeText(readFileSync(join(dir, name))));
    files++;
  }
  if (files === 0) process.exitCode = 2;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) main(process.argv[2] ?? '.');
