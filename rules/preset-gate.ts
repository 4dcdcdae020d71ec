/**
 * The files a preset leaves out: those whose saved text can hold nothing any rule reports.
 *
 * Why the presets gate files at all: ESLint 10 pays a fixed cost per file as soon as one rule is on
 * for it, whatever the rule does. Its `FileContext.extend` makes every file's context the prototype of
 * that file's rule contexts, and V8's handling of those one-use prototypes makes the garbage collector
 * work harder. On the bench's sparse corpus (5,000 files, 1% using the SDK) that costs 15-20% over ESLint
 * with no rules, even for a rule whose `create` returns `{}` (bench/RESULTS.md, "ESLint"). Leaving the
 * files that cannot matter out of the preset removes that cost where the SDK is not used. Each rule
 * still runs its own, narrower prefilter on the text ESLint gives it.
 *
 * ESLint chooses the config objects for a file from its path, before it has the text it lints, so
 * this reads the file from disk. A file that cannot be read (text linted under a made-up name, a
 * file not saved yet) is never left out.
 */
import { readFileSync } from 'node:fs';
import { mayReachSdk } from '../src/files/prefilter.js';

export function savedFileCannotReachSdk(filePath: string): boolean {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch {
    return false;
  }
  return !mayReachSdk(text);
}
