// Temporary directories for tests, removed when the test process exits (whether the tests passed or not).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

process.on('exit', () => {
  for (const dir of made) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // A tree a test made unreadable, or one a child process still holds: left to the system's temporary cleaning.
    }
  }
});

/** A new directory under the system's temporary directory, named `prefix` and random characters; removed at exit. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
