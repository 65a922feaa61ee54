// Windows releases named by the reference, as stable ids ("windows-10-1709") with build numbers.

import type { ReleaseData } from '../src/kb/data-format.js';
import { PageError } from './markdown.js';

/**
 * Build numbers: Microsoft's Windows 10 and Windows 11 release information pages
 * (https://learn.microsoft.com/windows/release-health/release-information and
 * https://learn.microsoft.com/windows/release-health/windows11-release-information); Windows Server's from
 * https://learn.microsoft.com/windows/release-health/windows-server-release-info (2016 and later) and
 * https://learn.microsoft.com/windows-server/get-started/windows-server-release-info, with the older releases'
 * RTM builds (Vista 6000, Server 2008 6001, 7 and Server 2008 R2 7600, 8 and Server 2012 9200, 8.1 and Server 2012
 * R2 9600). Ordered by build, a client release before the Server release of the same build, so that a build number
 * is named after the client release and the earliest-release merges of kb/deprecations.ts keep their order. Server
 * releases are targets (settings.targetVersion, image names); the reference's change notes name client releases.
 */
export const RELEASES: readonly ReleaseData[] = [
  { id: 'windows-vista', name: 'Windows Vista', build: 6000 },
  { id: 'windows-server-2008', name: 'Windows Server 2008', build: 6001 },
  { id: 'windows-7', name: 'Windows 7', build: 7600 },
  { id: 'windows-server-2008-r2', name: 'Windows Server 2008 R2', build: 7600 },
  { id: 'windows-8', name: 'Windows 8', build: 9200 },
  { id: 'windows-server-2012', name: 'Windows Server 2012', build: 9200 },
  { id: 'windows-8.1', name: 'Windows 8.1', build: 9600 },
  { id: 'windows-server-2012-r2', name: 'Windows Server 2012 R2', build: 9600 },
  { id: 'windows-10', name: 'Windows 10 (version 1507)', build: 10240 },
  { id: 'windows-10-1511', name: 'Windows 10, version 1511', build: 10586 },
  { id: 'windows-10-1607', name: 'Windows 10, version 1607', build: 14393 },
  { id: 'windows-server-2016', name: 'Windows Server 2016', build: 14393 },
  { id: 'windows-10-1703', name: 'Windows 10, version 1703', build: 15063 },
  { id: 'windows-10-1709', name: 'Windows 10, version 1709', build: 16299 },
  { id: 'windows-10-1803', name: 'Windows 10, version 1803', build: 17134 },
  { id: 'windows-10-1809', name: 'Windows 10, version 1809', build: 17763 },
  { id: 'windows-server-2019', name: 'Windows Server 2019', build: 17763 },
  { id: 'windows-10-21h2', name: 'Windows 10, version 21H2', build: 19044 },
  { id: 'windows-10-22h2', name: 'Windows 10, version 22H2', build: 19045 },
  { id: 'windows-server-2022', name: 'Windows Server 2022', build: 20348 },
  { id: 'windows-11-21h2', name: 'Windows 11, version 21H2', build: 22000 },
  { id: 'windows-11-22h2', name: 'Windows 11, version 22H2', build: 22621 },
  { id: 'windows-11-23h2', name: 'Windows 11, version 23H2', build: 22631 },
  { id: 'windows-11-24h2', name: 'Windows 11, version 24H2', build: 26100 },
  { id: 'windows-server-2025', name: 'Windows Server 2025', build: 26100 },
];

/** "Windows 10, version 1803" → "windows-10-1803"; "Windows 8.1" → "windows-8.1". Unknown text throws. */
export function releaseId(file: string, text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const v10 = /^Windows 10\b(?: for desktop editions)?,? (?:version|build) (\d{4})\b/i.exec(t);
  const id = v10
    ? `windows-10-${v10[1]}`
    : /^Windows 8\.1\b/i.test(t)
      ? 'windows-8.1'
      : /^Windows 8\b/i.test(t)
        ? 'windows-8'
        : /^Windows 10\b/i.test(t)
          ? 'windows-10'
          : /^Windows 7\b/i.test(t)
            ? 'windows-7'
            : undefined;
  if (!id || !RELEASES.some((r) => r.id === id)) throw new PageError(file, `unknown Windows release ${JSON.stringify(text)}`);
  return id;
}
