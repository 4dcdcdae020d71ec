/**
 * ESLint through its Node API on every code file of a corpus, with @typescript-eslint/parser and
 * either no rules or one ds-migrate preset (the plugin as users load it: dist/rules/index.js). The
 * file list and parser are the same in every mode, so the difference is what the rules cost. The mode
 * `one-core-rule` turns on ESLint's `no-debugger` alone, for every file: what having any rule on costs
 * (ESLint 10 makes each file's context the prototype of its rule contexts, which costs the garbage
 * collector 15-20% here). The ds-migrate presets skip files that cannot reach the SDK, so they avoid
 * that cost on such files (rules/preset-gate.ts). Prints `{"files", "messages", "fatal"}` on stdout.
 *
 *   node .bench/out/eslint-run.js <corpus-dir> none|one-core-rule|recommended|strict|all [plugin-path]
 */
import { pathToFileURL } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { CORPUS_EXTENSIONS, codeFilesIn } from './corpus.js';

const [dir, preset, pluginPath] = process.argv.slice(2);
const builtIn = preset === 'none' || preset === 'one-core-rule';
if (!dir || !preset || (!builtIn && !pluginPath)) throw new Error('usage: eslint-run <corpus-dir> none|one-core-rule|<preset> [plugin-path]');

const files = [`**/*.{${CORPUS_EXTENSIONS.join(',')}}`];
const config: Linter.Config[] = [
  {
    files,
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
];
if (preset === 'one-core-rule') {
  config.push({ files, rules: { 'no-debugger': 'error' } });
} else if (!builtIn) {
  const plugin = ((await import(pathToFileURL(pluginPath).href)) as { default: { configs: Record<string, Linter.Config> } }).default;
  const presetConfig = plugin.configs[preset];
  if (!presetConfig) throw new Error(`no preset "${preset}" in ${pluginPath}`);
  config.push({ ...presetConfig, files });
}

const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, ignore: false });
const results = await eslint.lintFiles(codeFilesIn(dir));
const messages = results.reduce((sum, r) => sum + r.messages.length, 0);
const fatal = results.reduce((sum, r) => sum + r.fatalErrorCount, 0);
process.stdout.write(`${JSON.stringify({ files: results.length, messages, fatal })}\n`);
