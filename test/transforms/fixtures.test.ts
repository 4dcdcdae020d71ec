/**
 * Transform fixtures: `fixtures/transforms/<concern>/<case>.input.<ext>` must become
 * `<case>.output.<ext>` exactly; `no-change-*` cases have no output file and must stay byte-identical.
 * Input, expected and actual must all parse, and running the codemod over an expected output changes
 * nothing (idempotency). Folder cases (`<case>.input/` → `<case>.output/`) cover cross-file rewrites.
 *
 * UPDATE_FIXTURES=1 writes the actual outputs (review every diff before committing them).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TRANSFORM_IDS } from '../../src/findings/transforms.js';
import { runMigration } from '../../src/migrate/run-migration.js';
import { parseSourceFile } from '../../src/parse/source-file.js';
import { projectFromSources } from '../../src/project/load-project.js';

const ROOT = fileURLToPath(new URL('../../fixtures/transforms/', import.meta.url));
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const ALL = new Set(TRANSFORM_IDS);

/** Runs the codemod over in-memory files (keyed by their real paths, so imports resolve on disk). */
async function migrate(sources: Map<string, string>): Promise<Map<string, string>> {
  const loaded = await projectFromSources(sources);
  expect(loaded.errors).toEqual([]);
  const result = await runMigration(loaded, { settings: {}, transforms: ALL });
  const out = new Map(sources);
  for (const file of result.files) {
    expect(file.error).toBeUndefined();
    out.set(file.path, file.after);
  }
  return out;
}

function expectParses(label: string, file: string, text: string): void {
  expect(() => parseSourceFile(file, text), `${label} of ${path.basename(file)} must parse`).not.toThrow();
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

for (const concern of readdirSync(ROOT).filter((d) => statSync(path.join(ROOT, d)).isDirectory()).sort()) {
  describe(`transform fixtures: ${concern}`, () => {
    const dir = path.join(ROOT, concern);
    for (const entry of readdirSync(dir).sort()) {
      const match = /^(.+)\.input(\.[a-z]+)?$/.exec(entry);
      if (!match) continue;
      const [, name, ext] = match;
      const negative = name.startsWith('no-change-');

      if (!ext) {
        it(`${name} (files)`, async () => {
          const inputDir = path.join(dir, entry);
          const outputDir = path.join(dir, `${name}.output`);
          const sources = new Map(listFiles(inputDir).map((f) => [path.join(inputDir, f), readFileSync(path.join(inputDir, f), 'utf8')]));
          const actual = await migrate(sources);
          for (const [file, text] of actual) {
            const rel = path.relative(inputDir, file);
            expectParses('actual', file, text);
            if (UPDATE) {
              mkdirSync(path.dirname(path.join(outputDir, rel)), { recursive: true });
              writeFileSync(path.join(outputDir, rel), text);
            } else {
              expect(text, rel).toBe(readFileSync(path.join(outputDir, rel), 'utf8'));
            }
          }
          const again = await migrate(actual);
          for (const [file, text] of again) expect(text, `second run of ${path.relative(inputDir, file)}`).toBe(actual.get(file));
        });
        continue;
      }

      it(name, async () => {
        const inputPath = path.join(dir, entry);
        const outputPath = path.join(dir, `${name}.output${ext}`);
        const file = path.join(dir, `${name}${ext}`);
        const input = readFileSync(inputPath, 'utf8');
        expectParses('input', file, input);
        const actual = (await migrate(new Map([[file, input]]))).get(file)!;
        expectParses('actual', file, actual);
        if (negative) {
          expect(existsSync(outputPath), 'no-change cases have no output file').toBe(false);
          expect(actual).toBe(input);
          return;
        }
        if (UPDATE) writeFileSync(outputPath, actual);
        const expected = readFileSync(outputPath, 'utf8');
        expectParses('expected', file, expected);
        expect(expected, 'a positive case must change something (name it no-change-* otherwise)').not.toBe(input);
        expect(actual).toBe(expected);
        expect((await migrate(new Map([[file, expected]]))).get(file), 'running the codemod over its output changes nothing').toBe(expected);
      });
    }
  });
}
