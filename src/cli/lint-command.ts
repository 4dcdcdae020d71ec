/**
 * `ds-migrate lint [paths...]`: the ESLint rules over a repository with zero ESLint configuration.
 * Exit 1 when an error-level problem (or a file that does not parse) is found, 2 on usage errors.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { PRESETS, type PresetName } from '../../rules/configs.js';
import { formatResults, FORMATS, isFormat } from '../lint/format-results.js';
import { lintPaths } from '../lint/lint-paths.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { parseSeconds } from './pool-options.js';
import type { SetExit } from './program.js';
import { loadSettings } from './settings.js';
import { reportPath } from './report-path.js';

interface LintFlags {
  format: string;
  output?: string;
  preset: string;
  config?: string;
  modelMap?: string[];
  model?: string;
  thinking?: string;
  jsonSchema?: string;
  fileTimeout?: number;
}

export function registerLintCommand(program: Command, io: CliIO, setExit: SetExit): void {
  program
    .command('lint')
    .description('Check JavaScript and TypeScript code against the DeepSeek API with the ESLint rules (no ESLint config needed). Exit 1 on errors.')
    .argument('[paths...]', 'files or folders to lint', ['.'])
    .option('--format <format>', `report format: ${FORMATS.join(' | ')}`, 'stylish')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--preset <preset>', `rule preset: ${PRESETS.join(' | ')}`, 'recommended')
    .option('--config <file>', 'settings file (default: ./ds-migrate.config.json when present)')
    .option('--model-map <from=to...>', 'override the model map: gpt-4o=deepseek-v4-pro, or gpt-4o=deepseek-flash:non-thinking')
    .option('--model <model>', 'DeepSeek model assumed where the code does not say')
    .option('--thinking <mode>', 'thinking mode assumed where the code does not say: thinking | non-thinking')
    .option('--json-schema <how>', 'json_schema response formats: marker (default) or inline (offer the json_object downgrade)')
    .option('--file-timeout <seconds>', 'report a file whose linting takes longer as a fatal problem and go on; lints in worker threads', parseSeconds)
    .action(async (paths: string[], flags: LintFlags) => {
      if (!isFormat(flags.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${flags.format}"`);
      if (!(PRESETS as readonly string[]).includes(flags.preset)) throw new UsageError(`--preset must be one of ${PRESETS.join(', ')}, got "${flags.preset}"`);
      const output = flags.output ? reportPath(io.cwd, flags.output, '--output') : null;
      const settings = loadSettings(io.cwd, flags);
      const timeoutMs = flags.fileTimeout === undefined ? undefined : Math.round(flags.fileTimeout * 1000);
      const run = await lintPaths(paths, { cwd: io.cwd, settings, preset: flags.preset as PresetName, timeoutMs });
      if (run.missing.length > 0) throw new UsageError(`no such file or folder: ${run.missing.join(', ')}`);
      const report = await formatResults(flags.format, run.results, { eslint: run.eslint, cwd: io.cwd, color: io.isTTY && !io.env.NO_COLOR && !flags.output });
      if (output) writeFileSync(output, report);
      else io.stdout(report);
      if (run.results.some((r) => r.errorCount > 0)) setExit(EXIT.failure);
    });
}
