/**
 * ds-migrate's programmatic API: the same pieces the CLI uses.
 *
 *   import { loadProject, runMigration, computeFindings, COMPAT } from 'ds-migrate';
 *   const project = await loadProject(['./src']);
 *   const result = await runMigration(project, { settings: {}, transforms: new Set(TRANSFORM_IDS) });
 *
 * The ESLint plugin is exported separately, at `ds-migrate/eslint-plugin`.
 */
export * from './compat/index.js';
export type * from './analysis/types.js';
export { analyzeFile } from './analysis/analyze-file.js';
export { linkProject, type LinkedCall, type ProjectUsage } from './analysis/project/project-index.js';
export { computeFindings, isJudgedCall, type FindingsResult } from './findings/compute.js';
export { callTarget, describeTarget, type CallTarget } from './findings/target.js';
export { RULES, RULE_IDS, type RuleId, type RuleMeta } from './findings/rule-catalog.js';
export { TRANSFORMS, TRANSFORM_IDS, type TransformId } from './findings/transforms.js';
export type { Finding, Fix, Severity, TargetSettings } from './findings/types.js';
export { applyEdits, type Edit } from './edits/edit.js';
export { loadProject, projectFromSources, type LoadedProject, type LoadOptions } from './project/load-project.js';
export { runMigration, type MigrationResult, type MigrateOptions, type FileOutcome } from './migrate/run-migration.js';
export { migrateSource } from './migrate/migrate-source.js';
export { buildReport, type MigrationReport } from './migrate/report.js';
export { buildScanReport, type ScanReport } from './scan/inventory.js';
export { fileFindings } from './lint/file-findings.js';
export { main as runCli } from './cli/program.js';
export { TOOL_NAME, TOOL_VERSION } from './meta.js';
