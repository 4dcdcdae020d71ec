/** Throw-away projects on disk for the `ds-migrate lint` tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TempProject {
  readonly dir: string;
  remove(): void;
}

/** Writes `files` (relative path → content) under a new temporary folder with its own `.git`. */
export function tempProject(files: Readonly<Record<string, string>>): TempProject {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-migrate-lint-'));
  // A `.git` folder marks the repository root, where `.gitignore` lookup stops.
  mkdirSync(path.join(dir, '.git'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
