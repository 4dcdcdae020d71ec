import { relative, sep } from 'node:path';
import type { LoadedProject } from './load-project.js';

/** Paths in output: relative to the working directory, with forward slashes on every OS. */
export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}

/** 1-based line and column of an offset in an analysed file. */
export function positionIn(loaded: LoadedProject, file: string, offset: number): { line: number; column: number } {
  const analysed = loaded.analysed.get(file);
  return analysed ? analysed.source.lines.position(offset) : { line: 0, column: 0 };
}
