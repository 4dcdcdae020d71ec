import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { computeFindings } from '../findings/compute.js';
import { loadProject } from '../project/load-project.js';
import { buildScanReport } from '../scan/inventory.js';
import { renderScan } from '../scan/render.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { colorsFor } from './palette.js';
import type { SetExit } from './program.js';
import { loadSettings } from './settings.js';
import { textsOf } from '../project/texts.js';
import { reportPath } from './report-path.js';
import { displayPath } from '../project/positions.js';
import { progressReporter } from './progress.js';
import { parseSeconds, poolOptions } from './pool-options.js';

export function registerScanCommand(program: Command, io: CliIO, setExit: SetExit): void {
  program
    .command('scan')
    .description('List the OpenAI SDK usage of a repository (clients, call sites, models) and what will break on DeepSeek. Changes nothing.')
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .option('--json [file]', 'write the report as JSON (to stdout, or to a file)')
    .option('--config <file>', `settings file (default: ./ds-migrate.config.json when present)`)
    .option('--model-map <from=to...>', 'override the model map, e.g. gpt-4o=deepseek-v4-pro')
    .option('--model <model>', 'DeepSeek model assumed where the code does not say')
    .option('--thinking <mode>', 'thinking mode assumed where the code does not say: thinking | non-thinking')
    .option('--file-timeout <seconds>', 'skip (and report) a file whose analysis takes longer; runs analysis in worker threads', parseSeconds)
    .action(async (paths: string[], options: { json?: string | boolean; config?: string; modelMap?: string[]; model?: string; thinking?: string; fileTimeout?: number }) => {
      // Checked before any work: a report path that is a folder or a source file is a usage error.
      const jsonReport = typeof options.json === 'string' ? reportPath(io.cwd, options.json, '--json') : null;
      const settings = loadSettings(io.cwd, options);
      const loaded = await loadProject(paths.map((p) => resolve(io.cwd, p)), { cwd: io.cwd, include: settings.include, exclude: settings.exclude, onProgress: progressReporter(io), ...poolOptions(options.fileTimeout) });
      if (loaded.discovery.missing.length > 0) throw new UsageError(`no such file or folder: ${loaded.discovery.missing.map((m) => displayPath(io.cwd, m)).join(', ')}`);
      const result = computeFindings(loaded.project, { settings, text: textsOf(loaded) });
      const report = buildScanReport(loaded, result, settings, io.cwd);
      if (options.json === true) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      else {
        if (jsonReport) writeFileSync(jsonReport, `${JSON.stringify(report, null, 2)}\n`);
        io.stdout(renderScan(report, colorsFor(io)));
      }
      if (report.errors.length > 0) setExit(EXIT.failure);
    });
}
