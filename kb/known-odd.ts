// Reference pages the parser cannot read as they are, each with the reason and how it is handled.
// Keep this list small and explicit: a page that breaks in a new way must fail the generator,
// not be guessed around. Every entry must name an existing page (checked by the generator).

import type { PageQuirk } from './parse-page.js';

/** Overview pages: not a component or a setting; the changed-settings pages are read separately. */
export const OVERVIEW_PAGES: readonly string[] = [
  'index.md',
  'TOC.md',
  'components-b-unattend.md',
  'changed-answer-file-settings-for-previous-windows10-builds.md',
  'changed-answer-file-settings-for-windows-10-build-1803.md',
  'changed-answer-file-settings-for-windows-10-build-1809.md',
  'changed-answer-file-settings-from-windows-8-and-windows-server-2012-b-unattend.md',
];

/** Rows of the changed-settings pages that are not answer-file settings, by their first cell. */
export const SKIPPED_CHANGE_ROWS: Readonly<Record<string, string>> = {
  'TextInput\\AllowKoreanExtendedHanja': 'a Windows Configuration Designer policy (the row links to the WCD reference), not an answer-file setting',
};

export const PAGE_QUIRKS: Readonly<Record<string, PageQuirk>> = {
  // Broken links in "Parent hierarchy": the component link lost its "](" or its "[Name](" part.
  'microsoft-windows-terminalservices-localsessionmanager-fdenytsconnections.md': {
    reason: 'hierarchy link is broken ("[Name]page.md)"); earlier scans therefore missed this page',
    hierarchy: ['Microsoft-Windows-TerminalServices-LocalSessionManager', 'fDenyTSConnections'],
  },
  'microsoft-windows-ie-internetexplorer-accelerators-accelerator-itemkey.md': {
    reason: 'hierarchy starts with a truncated link ("microsoft-windows-ie-internetexplorer.md)")',
    hierarchy: ['Microsoft-Windows-IE-InternetExplorer', 'Accelerators', 'Accelerator', 'ItemKey'],
  },
  'microsoft-windows-wpd-busenumservice-regcacheupdated.md': {
    reason: 'stub page ("for Microsoft internal use only") with no Parent hierarchy; its Related topics link names the component',
    hierarchy: ['Microsoft-Windows-WPD-BusEnumService', 'RegCacheUpdated'],
  },
  // Component misnamed in the hierarchy text (the link itself points to the right component page).
  'microsoft-windows-storport-registrysettings-telemetryperformancehighresolutiontimer.md': {
    reason: 'hierarchy spells the component "Microsoft-Windows-StorePort-RegistrySettings"',
    hierarchy: ['Microsoft-Windows-StorPort-RegistrySettings', 'TelemetryPerformanceHighResolutionTimer'],
  },
  'microsoft-windows-twinui-hide.md': {
    reason: 'hierarchy names the component "Microsoft-Windows-TwinUI-Tasks"; the link and the XML example say Microsoft-Windows-TwinUI',
    hierarchy: ['Microsoft-Windows-TwinUI', 'Hide'],
  },
  // StartTiles pages copied from a neighbour without fixing the hierarchy (text or link).
  'microsoft-windows-shell-setup-starttiles-regionaloverrides-regionaloverride-widetiles.md': {
    reason: 'hierarchy is the one of StartTiles/WideTiles (no RegionalOverrides/RegionalOverride); file name, links from its children and TOC agree on the regional path',
    hierarchy: ['Microsoft-Windows-Shell-Setup', 'StartTiles', 'RegionalOverrides', 'RegionalOverride', 'WideTiles'],
  },
  'microsoft-windows-shell-setup-starttiles-regionaloverrides-regionaloverride-squaretiles-squaretile12-firstruntask.md': {
    reason: 'hierarchy leaves out StartTiles',
    hierarchy: ['Microsoft-Windows-Shell-Setup', 'StartTiles', 'RegionalOverrides', 'RegionalOverride', 'SquareTiles', 'SquareTile12', 'FirstRunTask'],
  },
  'microsoft-windows-shell-setup-starttiles-squaretiles-squareordesktoptile4-firstruntask.md': {
    reason: 'the SquareOrDesktopTile4 segment links to the RegionalOverride page of the same name',
    hierarchy: ['Microsoft-Windows-Shell-Setup', 'StartTiles', 'SquareTiles', 'SquareOrDesktopTile4', 'FirstRunTask'],
  },
  'microsoft-windows-shell-setup-starttiles-squaretiles-squareordesktoptile5-firstruntask.md': {
    reason: 'hierarchy names SquareOrDesktopTile3 (copied from the tile 3 page); file name and TOC say tile 5',
    hierarchy: ['Microsoft-Windows-Shell-Setup', 'StartTiles', 'SquareTiles', 'SquareOrDesktopTile5', 'FirstRunTask'],
  },
  'microsoft-windows-shell-setup-starttiles-regionaloverrides-regionaloverride-widetiles-widetile4-firstruntask.md': {
    reason: 'the WideTile4 segment links to the non-regional StartTiles/WideTiles/WideTile4 page',
    hierarchy: ['Microsoft-Windows-Shell-Setup', 'StartTiles', 'RegionalOverrides', 'RegionalOverride', 'WideTiles', 'WideTile4', 'FirstRunTask'],
  },
  // Values tables whose first column is not a list of literal values.
  'microsoft-windows-coremmres-camerasoundlevel.md': {
    reason: 'values table rows are "0" and a range "1-100"',
    values: { type: 'integer', min: 0, max: 100 },
  },
  'microsoft-windows-deployment-reseal-mode.md': {
    reason: 'values table has a third row "(no value / default)" that describes leaving the element out',
    values: { type: 'enum', values: ['Audit', 'OOBE'] },
  },
  'microsoft-windows-embedded-unifiedwritefilter-binding.md': {
    reason: 'enumeration values contain a space ("Loose Binding"), as the XML example confirms',
    values: { type: 'enum', values: ['Loose Binding', 'Tight Binding'] },
  },
  'microsoft-windows-embedded-unifiedwritefilter-overlaytype.md': {
    reason: 'enumeration values contain a space ("RAM overlay"), as the XML example confirms',
    values: { type: 'enum', values: ['RAM overlay', 'Disk overlay'] },
  },
  'microsoft-windows-errorreportingcore-defaultconsent.md': {
    reason: 'values table has a row "0 or 1" (both mean "always ask")',
    values: { type: 'integer', min: 0, max: 4 },
  },
};
