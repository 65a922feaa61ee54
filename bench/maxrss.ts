// Preloaded into a measured process (node --import <this file's URL> …): at exit it writes the process's peak
// resident set size in KiB (getrusage ru_maxrss, all threads) to file descriptor 3, which the bench opens as a pipe.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    writeSync(3, `${process.resourceUsage().maxRSS}\n`);
  } catch {
    // fd 3 is not open: run outside the bench, nothing to report to.
  }
});
