// The whole-process baseline of npm run bench: one node process that reads every file of a directory
// and runs a plain saxes parse over each. Usage: node dist/bench/saxes-baseline.js DIR
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';

/** Text of an answer file as the linter would read it: UTF-16 by BOM, else UTF-8 without its BOM. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A plain saxes parse: namespaces and positions on, like the linter's, and nothing done per tag. */
export function saxesParse(text: string, xmlns = true): number {
  const parser = new SaxesParser({ xmlns, position: true });
  let errors = 0;
  parser.on('opentag', () => undefined);
  parser.on('error', () => void errors++);
  parser.write(text).close();
  return errors;
}

function main(dir: string): void {
  let files = 0;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.xml')) continue;
    saxesParse(decodeText(readFileSync(join(dir, name))));
    files++;
  }
  if (files === 0) process.exitCode = 2;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) main(process.argv[2] ?? '.');
