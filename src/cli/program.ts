/**
 * The command tree. Each command module exports a `register*(program, io, setExit)` function; this
 * file only wires them. Commands report their exit code through `setExit` so that `main` can return it
 * (tests run commands in-process and assert on the code).
 */
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../meta.js';
import { EXIT, processIO, UsageError, type CliIO } from './io.js';

export type SetExit = (code: number) => void;

type Register = (program: Command, io: CliIO, setExit: SetExit) => void;

/**
 * Command modules, loaded on demand: `ds-migrate lint` pays for ESLint and `conformance` for the openai
 * SDK, but the codemod and `scan` do not (start-up was a quarter of a codemod run before this).
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  migrate: async () => (await import('./migrate-command.js')).registerMigrateCommand,
  scan: async () => (await import('./scan-command.js')).registerScanCommand,
  lint: async () => (await import('./lint-command.js')).registerLintCommand,
  conformance: async () => (await import('../conformance/command.js')).registerConformanceCommands,
};
const ALIASES: Readonly<Record<string, string>> = { emulator: 'conformance' };

/** The command modules argv needs: one for a named command, the codemod for paths, all for help. */
function modulesFor(argv: readonly string[]): string[] {
  const args = argv.slice(2);
  const first = args.find((a) => !a.startsWith('-'));
  if (!first && args.some((a) => a === '-v' || a === '--version')) return [];
  const wantsHelp = args.length === 0 || args.some((a) => a === '-h' || a === '--help') || first === 'help';
  if (first && (COMMANDS[first] || ALIASES[first])) return [ALIASES[first] ?? first];
  if (wantsHelp) return Object.keys(COMMANDS);
  return ['migrate'];
}

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExit: SetExit = (code) => {
    exitCode = Math.max(exitCode, code);
  };
  const program = new Command('ds-migrate')
    .description('Move OpenAI SDK code to the DeepSeek API, and keep it there.')
    .version(TOOL_VERSION, '-v, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  for (const name of modulesFor(argv)) (await COMMANDS[name]())(program, io, setExit);

  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with a CommanderError whose exitCode is 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`ds-migrate: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}
