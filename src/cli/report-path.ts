/**
 * Where a report may be written: a new file, or an existing report (`.json`, `.sarif`, `.md`, `.xml`,
 * `.txt`). Never a folder, never a source file: `ds-migrate scan --json src/app.ts` reads like "scan
 * src/app.ts as JSON", and must not replace the file with the report.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './io.js';

const REPORT_EXTENSIONS = /\.(json|sarif|md|markdown|xml|txt|log)$/i;

export function reportPath(cwd: string, value: string, flag: string): string {
  const path = resolve(cwd, value);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return path; // a new file
  }
  if (stat.isDirectory()) throw new UsageError(`${flag} ${value}: that is a folder; name a file for the report, e.g. ${flag} report.json`);
  if (!REPORT_EXTENSIONS.test(path)) {
    throw new UsageError(`${flag} ${value}: refusing to replace an existing file that is not a report (.json, .sarif, .md, .xml, .txt); name another file`);
  }
  return path;
}
