import { availableParallelism } from 'node:os';
import { InvalidArgumentError } from 'commander';
import type { PoolOptions } from '../project/analyse-pool.js';

export function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('expected a number of seconds greater than 0');
  return seconds;
}

/**
 * A per-file time limit is enforced in worker threads (a parse in the main thread cannot be
 * interrupted); the analysis runs there anyway, and asking for a limit uses one worker per core.
 */
export function poolOptions(fileTimeoutSeconds: number | undefined): Pick<PoolOptions, 'timeoutMs' | 'workers'> {
  if (fileTimeoutSeconds === undefined) return {};
  return { timeoutMs: Math.round(fileTimeoutSeconds * 1000), workers: availableParallelism() };
}
