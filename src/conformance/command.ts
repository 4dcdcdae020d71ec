import type { Command } from 'commander';
import type { CliIO } from '../cli/io.js';
import type { SetExit } from '../cli/program.js';

/** Registers `conformance` and `emulator` (filled by the conformance work). */
export function registerConformanceCommands(program: Command, io: CliIO, setExit: SetExit): void {
  void program;
  void io;
  void setExit;
}
