/**
 * The command tree. Each command module exports a `register*(program, io, setExit)` function; this
 * file only wires them. Commands report their exit code through `setExit` so that `main` can return it
 * (tests run commands in-process and assert on the code).
 */
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../meta.js';
import { EXIT, processIO, UsageError, type CliIO } from './io.js';
import { registerConformanceCommands } from '../conformance/command.js';
import { registerScanCommand } from './scan-command.js';
import { registerMigrateCommand } from './migrate-command.js';

export type SetExit = (code: number) => void;

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

  registerMigrateCommand(program, io, setExit);
  registerScanCommand(program, io, setExit);
  registerConformanceCommands(program, io, setExit);

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
