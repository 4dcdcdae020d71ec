/**
 * `ds-migrate [paths...]` (the default command): the codemod. Checks the git tree before anything
 * else, loads and migrates, then writes atomically, prints a diff (`--dry`), or only judges (`--check`).
 */
import { writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { COMPAT } from '../compat/index.js';
import { isTransformId, TRANSFORM_IDS, TRANSFORMS, type TransformId } from '../findings/transforms.js';
import { TOOL_VERSION } from '../meta.js';
import { gitRoot, gitState } from '../migrate/git.js';
import type { FileOutcome } from '../migrate/run-migration.js';
import { writeAtomically } from '../migrate/write.js';
import { loadProject } from '../project/load-project.js';
import { displayPath } from '../project/positions.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { colorsFor } from './palette.js';
import type { SetExit } from './program.js';
import { loadSettings } from './settings.js';
import { reportPath } from './report-path.js';
import { progressReporter } from './progress.js';
import { parseSeconds, poolOptions } from './pool-options.js';
import { trace } from '../trace.js';

interface MigrateFlags {
  dry?: boolean;
  check?: boolean;
  json?: string;
  allowDirty?: boolean;
  config?: string;
  modelMap?: string[];
  model?: string;
  thinking?: string;
  only?: string[];
  skip?: string[];
  listTransforms?: boolean;
  jsonSchema?: string;
  fileTimeout?: number;
}

export function registerMigrateCommand(program: Command, io: CliIO, setExit: SetExit): void {
  program
    .command('migrate', { isDefault: true })
    .description('Rewrite OpenAI SDK code in place so it runs on DeepSeek, and list what needs a person (the default command).')
    .argument('[paths...]', 'files or folders to migrate', ['.'])
    .option('--dry', 'write nothing; print a unified diff that `git apply` accepts')
    .option('--check', 'write nothing; exit 1 if anything would change or needs manual work (for CI)')
    .option('--json <file>', 'write the report as JSON to a file')
    .option('--allow-dirty', 'write even when the paths have uncommitted git changes')
    .option('--config <file>', 'settings file (default: ./ds-migrate.config.json when present)')
    .option('--model-map <from=to...>', 'override the model map: gpt-4o=deepseek-v4-pro, or gpt-4o=deepseek-flash:non-thinking')
    .option('--model <model>', 'DeepSeek model assumed where the code does not say')
    .option('--thinking <mode>', 'thinking mode assumed where the code does not say: thinking | non-thinking')
    .option('--only <transforms...>', 'run only these transforms (see --list-transforms)')
    .option('--skip <transforms...>', 'run every transform but these')
    .option('--json-schema <how>', 'json_schema response formats: marker (default) or inline (downgrade to json_object, schema in the system message)')
    .option('--file-timeout <seconds>', 'skip (and report) a file whose analysis takes longer; runs analysis in worker threads', parseSeconds)
    .option('--list-transforms', 'list the transforms and exit')
    .action(async (paths: string[], flags: MigrateFlags) => {
      if (flags.listTransforms) {
        for (const id of TRANSFORM_IDS) io.stdout(`${id.padEnd(24)} ${TRANSFORMS[id]}\n`);
        return;
      }
      if (flags.dry && flags.check) throw new UsageError('--dry and --check cannot be combined');
      const jsonReport = flags.json ? reportPath(io.cwd, flags.json, '--json') : null;
      const settings = loadSettings(io.cwd, flags);
      const transforms = selectTransforms(flags.only, flags.skip);
      const targets = paths.map((p) => resolve(io.cwd, p));
      trace('command start');
      const writes = !flags.dry && !flags.check;
      io.stderr(`ds-migrate ${TOOL_VERSION} (DeepSeek API data as of ${COMPAT.asOf})\n`);

      if (writes) {
        const state = gitState(targets);
        if (state.kind === 'dirty' && !flags.allowDirty) {
          const shown = state.files.slice(0, 5).join(', ') + (state.files.length > 5 ? `, and ${state.files.length - 5} more` : '');
          throw new UsageError(`uncommitted changes in the paths to migrate (${shown}). Commit or stash them first, so the migration is a diff you can review, or pass --allow-dirty.`);
        }
        if (state.kind === 'not-a-repository') io.stderr('warning: not inside a git repository: there will be no diff to review or undo. Consider --dry first.\n');
      }

      // What runs after the analysis (findings, edits, diff, report) loads while the workers analyse.
      const later = Promise.all([import('../migrate/run-migration.js'), import('../migrate/diff.js'), import('../migrate/report.js')]);
      const loaded = await loadProject(targets, { cwd: io.cwd, include: settings.include, exclude: settings.exclude, onProgress: progressReporter(io), ...poolOptions(flags.fileTimeout) });
      if (loaded.discovery.missing.length > 0) throw new UsageError(`no such file or folder: ${loaded.discovery.missing.map((m) => displayPath(io.cwd, m)).join(', ')}`);
      const [{ runMigration }, { unifiedDiff }, { buildReport, renderSummary }] = await later;
      const result = await runMigration(loaded, { settings, transforms });
      trace('migrated');
      const colors = colorsFor(io);

      let outcomes: FileOutcome[] = result.files;
      if (flags.dry) {
        const base = gitRoot(targets[0]) ?? io.cwd;
        for (const outcome of outcomes) {
          if (outcome.status !== 'changed') continue;
          const rel = relative(base, outcome.path).split(sep).join('/');
          io.stdout(unifiedDiff(rel, outcome.before, outcome.after, io.isTTY && !io.env.NO_COLOR ? colors : undefined));
        }
      } else if (writes) {
        const written = await writeAll(outcomes);
        outcomes = written.outcomes;
        if (written.interrupted) {
          io.stderr('Interrupted: the writes already started were completed (every file is either as it was or fully migrated); nothing else was done.\n');
          setExit(EXIT.interrupted);
        }
      }

      trace('output');
      const mode = flags.dry ? 'dry' : flags.check ? 'check' : 'write';
      const report = buildReport(result, outcomes, loaded.discovery.files.length, settings, mode, (f) => displayPath(io.cwd, f));
      if (jsonReport) writeFileSync(jsonReport, `${JSON.stringify(report, null, 2)}\n`);
      // With --dry, stdout is the patch: everything else goes to stderr so `> migration.patch` stays clean.
      (flags.dry ? io.stderr : io.stdout)(renderSummary(report, colors));

      if (report.summary.errors > 0) setExit(EXIT.failure);
      if (flags.check && (report.summary.changed > 0 || report.summary.manual > 0)) setExit(EXIT.failure);
    });
}

function selectTransforms(only: string[] | undefined, skip: string[] | undefined): Set<TransformId> {
  for (const name of [...(only ?? []), ...(skip ?? [])]) {
    if (!isTransformId(name)) throw new UsageError(`unknown transform "${name}" (known: ${TRANSFORM_IDS.join(', ')})`);
  }
  const selected = new Set<TransformId>(only?.length ? (only as TransformId[]) : TRANSFORM_IDS);
  for (const name of skip ?? []) selected.delete(name as TransformId);
  return selected;
}

/**
 * Writes every changed file. Each write is atomic; SIGINT during the loop is held until the loop ends
 * (the loop is synchronous), so an interrupted run leaves every file either fully old or fully new.
 */
async function writeAll(outcomes: readonly FileOutcome[]): Promise<{ outcomes: FileOutcome[]; interrupted: boolean }> {
  let interrupted = false;
  const hold = () => {
    interrupted = true;
  };
  process.on('SIGINT', hold);
  try {
    const written = outcomes.map((outcome) => {
      if (outcome.status !== 'changed' || !outcome.raw) return outcome;
      const written = writeAtomically(outcome.path, outcome.raw, outcome.after);
      return written.ok ? outcome : { ...outcome, status: 'error' as const, after: outcome.before, edits: [], error: written.message };
    });
    // A Ctrl-C during the (synchronous) loop is delivered now.
    await new Promise((resolve) => setImmediate(resolve));
    return { outcomes: written, interrupted };
  } finally {
    process.off('SIGINT', hold);
  }
}
