/**
 * Writes are atomic (a temporary file in the same folder, then a rename), keep the file's permissions,
 * and refuse a file that changed on disk since it was read: the user's newer edit wins, and the
 * file is reported instead of overwritten.
 */
import { chmodSync, closeSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type WriteResult = { ok: true } | { ok: false; message: string };

let counter = 0;

export function writeAtomically(path: string, expectedRaw: Buffer, content: string): WriteResult {
  // The rename below would replace a symbolic link (or anything else) put there since the file was read.
  try {
    if (!lstatSync(path).isFile()) return { ok: false, message: 'it is no longer a regular file (replaced by a link?); left as it is now' };
  } catch (error) {
    return { ok: false, message: `cannot read it back before writing: ${(error as NodeJS.ErrnoException).code ?? error}` };
  }
  let current: Buffer;
  try {
    current = readFileSync(path);
  } catch (error) {
    return { ok: false, message: `cannot read it back before writing: ${(error as NodeJS.ErrnoException).code ?? error}` };
  }
  if (!current.equals(expectedRaw)) return { ok: false, message: 'it changed on disk during the run; left as it is now' };
  const mode = statSync(path).mode;
  const temp = join(dirname(path), `.${basename(path)}.ds-migrate-${process.pid}-${counter++}.tmp`);
  try {
    const fd = openSync(temp, 'wx', mode & 0o7777);
    try {
      writeSync(fd, content, 0, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, mode & 0o7777);
    renameSync(temp, path);
    return { ok: true };
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was created
    }
    return { ok: false, message: `cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}
