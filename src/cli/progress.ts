/**
 * A progress line for long runs, on a terminal only (stderr, rewritten in place); silent in pipes, CI
 * logs and tests, where it would only be noise.
 */
import type { CliIO } from './io.js';

const MIN_FILES = 200;

export function progressReporter(io: CliIO): ((phase: string, done: number, total: number) => void) | undefined {
  if (!io.isTTY || io.env.CI) return undefined;
  let last = 0;
  return (phase, done, total) => {
    if (total < MIN_FILES) return;
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    io.stderr(`\r${phase} ${bar} ${done}/${total} files${done === total ? '\n' : ''}`);
  };
}
