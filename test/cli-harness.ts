/** Runs the CLI in-process, as a user would type it, and captures what it prints. */
import { main } from '../src/cli/program.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; isTTY?: boolean }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'ds-migrate', ...args], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: options.isTTY ?? false,
    cwd: options.cwd,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}
