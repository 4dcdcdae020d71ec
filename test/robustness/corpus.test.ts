/**
 * ds-migrate over real code nobody here wrote: every code file of the installed packages (see
 * corpus.ts and corpus-run.ts). `npm test` runs a fixed sample of it; `npm run robustness`
 * (ROBUSTNESS=full) runs all of it and writes the figures to reports/robustness.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusRoots, installedFiles, sample } from './corpus.js';
import { runCorpus, type CorpusResult } from './corpus-run.js';
import { REPO, removeTempDirs } from './harness.js';

const FULL = process.env.ROBUSTNESS === 'full';
const MINUTE = 60_000;

let result: CorpusResult;

beforeAll(async () => {
  const roots = corpusRoots(FULL);
  const files = FULL ? roots.flatMap(({ root, prefix }) => installedFiles(root, prefix)) : sample(installedFiles(), 1000, 150_000);
  const started = Date.now();
  result = await runCorpus({
    files,
    timeoutMs: FULL ? 30 * MINUTE : 4 * MINUTE,
    batch: FULL ? { files: 600, bytes: 25_000_000 } : { files: 1200, bytes: 50_000_000 },
    log: FULL ? (line) => console.log(line) : undefined,
  });
  const summary = {
    mode: FULL ? 'full' : 'fast slice',
    date: new Date().toISOString().slice(0, 10),
    roots: roots.map((r) => r.root),
    minutes: Math.round((Date.now() - started) / 6000) / 10,
    ...result,
  };
  if (FULL) {
    mkdirSync(path.join(REPO, 'reports'), { recursive: true });
    writeFileSync(path.join(REPO, 'reports/robustness.json'), `${JSON.stringify(summary, null, 2)}\n`);
  }
  console.log(`robustness (${summary.mode}): ${JSON.stringify(result.figures, null, 2)}`);
}, (FULL ? 240 : 8) * MINUTE);

afterAll(removeTempDirs);

describe(`real code (${FULL ? 'every installed package file' : 'a fixed sample of installed package files'})`, () => {
  it('no run crashes or hangs', () => {
    expect(result.crashes).toEqual([]);
  });

  it('files that do not use the SDK stay byte-identical', () => {
    expect(result.unintendedEdits).toEqual([]);
  });

  it('every rewritten file re-parses, and the --dry patch applies with git apply and matches the report', () => {
    expect(result.reparseFailures).toEqual([]);
    expect(result.patchProblems).toEqual([]);
  });

  it('per-file errors are about the input, never ds-migrate failing on it', () => {
    expect(result.productErrors).toEqual([]);
  });

  it('SDK code appended to every real file is migrated wherever the file parses', () => {
    expect(result.seedMissed).toEqual([]);
    expect(result.figures.seededMigrated).toBeGreaterThan(result.figures.seededFiles * 0.95);
  });
});
