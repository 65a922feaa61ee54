// unattend-lint's own version: from package.json beside dist/, or the one the bundle was built with.
import { readFileSync } from 'node:fs';

/** Set by the bundle build (scripts/bundle.ts), which has no package.json at a fixed place beside it. */
declare const UNATTEND_LINT_VERSION: string | undefined;

let version: string | undefined;
/** Version from package.json (dist/src/version.js → ../../package.json), or the one the bundle was built with. */
export function toolVersion(): string {
  version ??=
    typeof UNATTEND_LINT_VERSION === 'string'
      ? UNATTEND_LINT_VERSION
      : (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
