// picomatch, loaded on first use: a run without globs (no glob arguments, ignores or overrides) never evaluates it.
import { createRequire } from 'node:module';

type Picomatch = typeof import('picomatch');

let loaded: Picomatch | undefined;
export function picomatch(): Picomatch {
  return (loaded ??= createRequire(import.meta.url)('picomatch') as Picomatch);
}
