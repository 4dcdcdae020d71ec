/**
 * SARIF 2.1.0 for code-scanning uploads (GitHub's `upload-sarif`, Azure DevOps, ...): the tool
 * driver lists every rule of the catalog with its docs link and default level, results point at the
 * exact region, and files the parser rejected are tool notifications rather than findings.
 */
import { pathToFileURL } from 'node:url';
import { relative, sep } from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { PLUGIN_NAMESPACE } from '../../rules/configs.js';
import { COMPAT } from '../compat/index.js';
import { RULE_IDS, RULES, type PresetLevel } from '../findings/rule-catalog.js';
import { ruleDocsUrl, TOOL_NAME, TOOL_VERSION } from '../meta.js';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

const SRCROOT = '%SRCROOT%';

export function toSarif(results: readonly ESLint.LintResult[], cwd: string): object {
  const ruleIds = RULE_IDS.map((id) => `${PLUGIN_NAMESPACE}/${id}`);
  const sarifResults: object[] = [];
  const notifications: object[] = [];
  for (const result of results) {
    const artifact = artifactLocation(result.filePath, cwd);
    for (const message of result.messages) {
      const location = { physicalLocation: { artifactLocation: artifact, region: regionOf(message) } };
      if (message.fatal || !message.ruleId) {
        notifications.push({ level: 'error', message: { text: message.message }, locations: [location] });
        continue;
      }
      const ruleIndex = ruleIds.indexOf(message.ruleId);
      sarifResults.push({
        ruleId: message.ruleId,
        ...(ruleIndex >= 0 ? { ruleIndex } : {}),
        level: message.severity === 2 ? 'error' : 'warning',
        message: { text: message.message },
        locations: [location],
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: 'https://github.com/ds-migrate/ds-migrate',
            rules: RULE_IDS.map((id) => ({
              id: `${PLUGIN_NAMESPACE}/${id}`,
              name: id,
              shortDescription: { text: RULES[id].description },
              helpUri: ruleDocsUrl(id),
              help: { text: `${RULES[id].description}. See ${ruleDocsUrl(id)}` },
              defaultConfiguration: defaultConfiguration(RULES[id].recommended),
              properties: { tags: ['deepseek', 'openai-migration'] },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: sarifResults,
        properties: { compatDataAsOf: COMPAT.asOf },
      },
    ],
  };
}

/** The level in `configs.recommended`, which `ds-migrate lint` runs; rules it leaves off are disabled. */
function defaultConfiguration(level: PresetLevel): { level: SarifLevel; enabled?: boolean } {
  if (level === 'error') return { level: 'error' };
  if (level === 'warn') return { level: 'warning' };
  return { level: 'warning', enabled: false };
}

/** Relative to the working directory (the repository root in CI), as code scanning expects. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, file);
  if (rel.startsWith('..') || rel === '') return { uri: pathToFileURL(file).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** ESLint's lines and columns are 1-based and its end column is exclusive, as SARIF's are. */
function regionOf(message: Linter.LintMessage): object {
  return {
    startLine: Math.max(1, message.line ?? 1),
    startColumn: Math.max(1, message.column ?? 1),
    ...(message.endLine !== undefined ? { endLine: message.endLine } : {}),
    ...(message.endColumn !== undefined ? { endColumn: message.endColumn } : {}),
  };
}
