/** When the analysis starts worker threads: only when the batch outweighs their start-up cost. */
import { describe, expect, it } from 'vitest';
import { workersWorthStarting } from '../../src/project/analyse-pool.js';

describe('workersWorthStarting', () => {
  it('stays in the main thread for a small batch on any machine', () => {
    expect(workersWorthStarting(500_000, 2)).toBe(0);
    expect(workersWorthStarting(500_000, 16)).toBe(0);
  });

  it('needs a larger batch on two cores, where one worker competes with the garbage collector', () => {
    expect(workersWorthStarting(2_200_000, 2)).toBe(0);
    expect(workersWorthStarting(9_000_000, 2)).toBe(1);
    expect(workersWorthStarting(2_200_000, 8)).toBe(7);
  });

  it('uses every core but the main thread, so none on a single core', () => {
    expect(workersWorthStarting(50_000_000, 4)).toBe(3);
    expect(workersWorthStarting(50_000_000, 1)).toBe(0);
  });
});
