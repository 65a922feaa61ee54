// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, rule metadata, fingerprints.
import { TOOL_NAME } from '../meta.js';
import type { Diagnostic, FileResult } from '../types.js';
import { fileLineHashes } from './fingerprint.js';
import { artifactLocation, directoryUri, SRCROOT, type SarifArtifactLocation } from './paths.js';
import { region, snippets, type Region } from './sarif-regions.js';
import { PARSE_ERROR_ID, ruleDescriptor, sarifRuleId, type ReportingDescriptor, type SarifLevel } from './sarif-rules.js';
import { secretRedactor, messageText } from './secrets.js';
import type { Reporter, ReporterContext } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/unattend-lint';
// GitHub treats the text before the last "/" as the category; re-runs with it replace old alerts.
const AUTOMATION_ID = `${TOOL_NAME}/`;

interface PhysicalLocation {
  artifactLocation: SarifArtifactLocation;
  region: Region;
  contextRegion?: Region;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: { physicalLocation: PhysicalLocation }[];
  partialFingerprints?: { primaryLocationLineHash: string };
  relatedLocations?: { id: number; physicalLocation: PhysicalLocation; message: { text: string } }[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: Record<string, unknown> & { rules: ReportingDescriptor[] } };
      automationDetails: { id: string };
      originalUriBaseIds: Record<string, { uri: string }>;
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
    },
  ];
}

const level = (d: Diagnostic): SarifLevel => (d.severity === 2 ? 'error' : 'warning');

function fileResults(file: FileResult, ctx: ReporterContext, ruleIndex: Map<string, number>): SarifResult[] {
  const location = artifactLocation(file.filePath, ctx.cwd);
  const redact = secretRedactor(file);
  const hashes = fileLineHashes(file);
  const located = snippets(file);
  return file.messages.map((d) => {
    const id = sarifRuleId(d);
    const physicalLocation: PhysicalLocation = { artifactLocation: location, ...located(region(d)) };
    const result: SarifResult = {
      ruleId: id,
      ruleIndex: ruleIndex.get(id)!,
      level: level(d),
      message: { text: messageText(d, redact) },
      locations: [{ physicalLocation }],
    };
    const hash = hashes[physicalLocation.region.startLine - 1];
    if (hash) result.partialFingerprints = { primaryLocationLineHash: hash };
    if (d.related?.length) {
      result.relatedLocations = d.related.map((r, i) => ({
        id: i + 1,
        physicalLocation: { artifactLocation: location, region: region(r) },
        message: { text: redact(r.message) },
      }));
    }
    return result;
  });
}

/**
 * Descriptors of every rule the run knows (SARIF's "rules supported by the tool", so code scanning can show the
 * help of any of them, and a clean run still describes its rules), of parse-error, and of any rule id in the
 * results that came without metadata; sorted by id so the output is stable.
 */
function driverRules(results: FileResult[], ctx: ReporterContext): ReportingDescriptor[] {
  const levels = new Map<string, SarifLevel>();
  for (const file of results) {
    for (const d of file.messages) {
      if (!levels.has(sarifRuleId(d))) levels.set(sarifRuleId(d), level(d));
    }
  }
  const ids = new Set([...ctx.rules.keys(), PARSE_ERROR_ID, ...levels.keys()]);
  return [...ids].sort().map((id) => ruleDescriptor(id, ctx.rules.get(id), levels.get(id) ?? 'error', ctx.ruleDoc?.(id)));
}

function driver(ctx: ReporterContext, rules: ReportingDescriptor[]): Record<string, unknown> & { rules: ReportingDescriptor[] } {
  // GitHub prefers semanticVersion to tell a tool upgrade from a code change.
  const semver = /^\d+\.\d+\.\d+(?:[-+].*)?$/.test(ctx.toolVersion);
  return {
    name: TOOL_NAME,
    version: ctx.toolVersion,
    ...(semver ? { semanticVersion: ctx.toolVersion } : {}),
    informationUri: INFORMATION_URI,
    rules,
  };
}

export function toSarifLog(results: FileResult[], ctx: ReporterContext): SarifLog {
  const rules = driverRules(results, ctx);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driver(ctx, rules) },
        automationDetails: { id: AUTOMATION_ID },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(ctx.cwd) } },
        columnKind: 'utf16CodeUnits',
        // Present even when empty: it tells GitHub the tool ran, which closes fixed alerts.
        results: results.flatMap((file) => fileResults(file, ctx, ruleIndex)),
      },
    ],
  };
}

export const sarif: Reporter = (results, ctx) => `${JSON.stringify(toSarifLog(results, ctx), null, 2)}\n`;
