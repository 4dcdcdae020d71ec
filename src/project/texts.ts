import type { LoadedProject } from './load-project.js';

/** File texts for edit computation: analysed files only (every edit targets an analysed file). */
export function textsOf(loaded: LoadedProject): (file: string) => string {
  return (file) => {
    const analysed = loaded.analysed.get(file);
    if (!analysed) throw new Error(`ds-migrate: no text loaded for ${file}`);
    return analysed.source.text;
  };
}
