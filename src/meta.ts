/** The package's identity, shown in reports and used for docs links. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: found by walking up, since this file runs from `src/` in tests and `dist/src/` when built. */
export const PACKAGE_ROOT: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && JSON.parse(readFileSync(candidate, 'utf8')).name === 'ds-migrate') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('ds-migrate: cannot find its own package.json');
    dir = parent;
  }
})();

const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

export const TOOL_NAME: string = pkg.name;
export const TOOL_VERSION: string = pkg.version;

/** Where rule documentation lives; each rule has `docs/rules/<rule>.md` in the repository. */
export const DOCS_BASE = 'https://github.com/ds-migrate/ds-migrate/blob/main/docs';

export function ruleDocsUrl(rule: string): string {
  return `${DOCS_BASE}/rules/${rule}.md`;
}
