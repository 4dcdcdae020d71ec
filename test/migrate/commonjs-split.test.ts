/**
 * Splitting a client shared across CommonJS modules: the DeepSeek client is exported the way the module
 * exports the original (`exports.x =`, `module.exports = { ... }`), importers destructure it, and a
 * client that *is* `module.exports` (nothing can be exported beside it) leaves its calls as manual work.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli-harness.js';
import { tempProject, type TempProject } from '../lint/temp-project.js';

const projects: TempProject[] = [];
afterAll(() => projects.forEach((p) => p.remove()));

async function migrate(files: Record<string, string>) {
  const project = tempProject(files);
  projects.push(project);
  const run = await runCli(['.', '--allow-dirty', '--json', 'report.json'], { cwd: project.dir });
  const read = (file: string) => readFileSync(path.join(project.dir, file), 'utf8');
  const again = () => runCli(['.', '--allow-dirty'], { cwd: project.dir });
  return { run, read, again, report: JSON.parse(read('report.json')) as { files: { path: string; manual: { line: number; rule: string; message: string }[] }[] } };
}

const USES = `async function run() {
  await shared.chat.completions.create({ model: 'gpt-4.1', messages: [] });
  await shared.images.generate({ prompt: 'a cat' });
}
module.exports = { run };
`;

describe('split across CommonJS modules', () => {
  it('exports.shared = shared: adds exports.deepseek after it, and the importer destructures deepseek', async () => {
    const { run, read } = await migrate({
      'lib/shared.js': "const { OpenAI } = require('openai');\nconst shared = new OpenAI();\nexports.shared = shared;\n",
      'use.js': `const { shared } = require('./lib/shared');\n${USES}`,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(read('lib/shared.js')).toBe(
      "const { OpenAI } = require('openai');\nconst shared = new OpenAI();\n" +
        "const deepseek = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: 'https://api.deepseek.com' });\n" +
        'exports.shared = shared;\nexports.deepseek = deepseek;\n',
    );
    expect(read('use.js')).toContain("const { shared, deepseek } = require('./lib/shared');");
    expect(read('use.js')).toContain("await deepseek.chat.completions.create({ model: 'deepseek-flash', messages: [], thinking: { type: 'disabled' } });");
    expect(read('use.js')).toContain("await shared.images.generate({ prompt: 'a cat' });");
  });

  it('module.exports = { shared }: adds deepseek to the object; `lib.shared` through the module object becomes `lib.deepseek`', async () => {
    const { read } = await migrate({
      'lib/shared.js': "const { OpenAI } = require('openai');\nconst shared = new OpenAI();\nmodule.exports = {\n  shared,\n};\n",
      'use.js': `const lib = require('./lib/shared');\n${USES.replace(/shared\./g, 'lib.shared.')}`,
    });
    expect(read('lib/shared.js')).toMatch(/module\.exports = \{\n {2}shared,\n {2}deepseek,\n\};\n$/);
    expect(read('use.js')).toContain('await lib.deepseek.chat.completions.create(');
    expect(read('use.js')).toContain('await lib.shared.images.generate(');
  });

  it('module.exports = client: nothing can be exported beside it, so the call that should move stays on OpenAI, unchanged, as manual work', async () => {
    const { read, report, again } = await migrate({
      'lib/client.js': "const OpenAI = require('openai').default;\nconst client = new OpenAI();\nmodule.exports = client;\n",
      'use.js': `const shared = require('./lib/client');\n${USES}`,
    });
    expect(read('lib/client.js')).toMatch(/module\.exports = client;\n$/);
    expect(read('use.js')).toContain("const shared = require('./lib/client');");
    // Still an OpenAI call: an OpenAI model, no DeepSeek-only field.
    expect(read('use.js')).toContain("await shared.chat.completions.create({ model: 'gpt-4.1', messages: [] });");
    const manual = report.files.find((f) => f.path === 'use.js')!.manual;
    expect(manual).toContainEqual(expect.objectContaining({ rule: 'no-openai-base-url', message: expect.stringContaining('module.exports = { client, deepseek }') }));
    // A second run reuses the DeepSeek client it declared: nothing changes.
    const before = { client: read('lib/client.js'), use: read('use.js') };
    expect((await again()).code).toBe(0);
    expect({ client: read('lib/client.js'), use: read('use.js') }).toEqual(before);
  });

  it('links calls through require() to the client and the constants of another module', async () => {
    const { read } = await migrate({
      'lib/client.js': "const OpenAI = require('openai');\nmodule.exports = new OpenAI();\n",
      'lib/models.js': "exports.MODEL = 'gpt-4o-mini';\n",
      'use.js': "const ai = require('./lib/client');\nconst MODEL = require('./lib/models').MODEL;\nai.chat.completions.create({ model: MODEL, max_completion_tokens: 5, messages: [] });\n",
    });
    expect(read('lib/models.js')).toBe("exports.MODEL = 'deepseek-flash';\n");
    expect(read('use.js')).toContain("ai.chat.completions.create({ model: MODEL, max_tokens: 5, messages: [], thinking: { type: 'disabled' } });");
    expect(read('lib/client.js')).toContain("new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: 'https://api.deepseek.com' })");
  });
});
