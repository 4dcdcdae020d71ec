/**
 * The catalog says what each rule may offer (`fixable`, `hasSuggestions`); ESLint refuses a report
 * that offers more. Every finding the sample projects produce, in the codemod's project mode, must
 * fit its rule's meta: a safe fix needs `fixable`, any other fix needs `hasSuggestions`.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFindings } from '../../src/findings/compute.js';
import { RULES } from '../../src/findings/rule-catalog.js';
import { loadProject } from '../../src/project/load-project.js';
import { textsOf } from '../../src/project/texts.js';
import { listProjects, PROJECTS_DIR } from '../fixtures/projects.js';

describe('findings fit their rule meta', () => {
  for (const project of listProjects()) {
    it(project, async () => {
      const loaded = await loadProject([path.join(PROJECTS_DIR, project)]);
      const { findings } = computeFindings(loaded.project, { settings: {}, text: textsOf(loaded) });
      const misfits = findings
        .filter((f) => f.fix && !(f.fix.safe ? RULES[f.rule].fixable : RULES[f.rule].hasSuggestions))
        .map((f) => `${f.rule} (${f.fix!.safe ? 'safe' : 'unsafe'} fix): ${f.message}`);
      expect(misfits).toEqual([]);
    });
  }
});
