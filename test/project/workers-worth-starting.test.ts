/** How many analysis workers a batch gets: one for any batch (workers parse with oxc), one per core for a big one. */
import { describe, expect, it } from 'vitest';
import { workersWorthStarting } from '../../src/project/analyse-pool.js';

describe('workersWorthStarting', () => {
  it('none when there is nothing to parse', () => {
    expect(workersWorthStarting(0, 8)).toBe(0);
  });

  it('one worker for a small batch, on any machine', () => {
    expect(workersWorthStarting(1, 2)).toBe(1);
    expect(workersWorthStarting(500_000, 16)).toBe(1);
  });

  it('one per core from 1 MB, and one on a single core', () => {
    expect(workersWorthStarting(2_200_000, 2)).toBe(2);
    expect(workersWorthStarting(2_200_000, 8)).toBe(8);
    expect(workersWorthStarting(50_000_000, 1)).toBe(1);
  });
});
