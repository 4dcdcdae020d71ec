/**
 * Phase timings for the people who make ds-migrate fast: with `DS_MIGRATE_TRACE=1`, each phase prints
 * when it ended (milliseconds since the process started) to stderr. Off by default, and free when off.
 */
const enabled = process.env.DS_MIGRATE_TRACE === '1';

export function trace(phase: string): void {
  if (enabled) process.stderr.write(`[trace ${Math.round(performance.now())} ms] ${phase}\n`);
}
