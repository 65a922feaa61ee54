// Where the repository, its fixtures and the read-only shared inputs are, seen from dist/test.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES = join(ROOT, 'fixtures');
export const SHARED = join(ROOT, '..', 'shared');

/** Every .xml file under `dir`, in sorted order. */
export function xmlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) xmlFiles(p, out);
    else if (name.endsWith('.xml')) out.push(p);
  }
  return out;
}
