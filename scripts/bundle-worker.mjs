/**
 * Bundles the analysis worker (dist/src/project/analyse-worker.js and everything it imports) into one
 * file, dist/src/project/analyse-worker.bundle.js, which is what the analysis pool starts.
 *
 * Why: a worker thread loads its modules from scratch. Unbundled, that is about 300 small files
 * (scope-manager alone requires its 242 `lib` modules), which cost each worker ~150 ms of CPU before it
 * parses anything; the bundle loads in ~30 ms. Measured on 2 cores: two workers ready in 160 ms wall /
 * 300 ms CPU unbundled, 60 ms / 110 ms bundled (bench/RESULTS.md).
 *
 * oxc-parser (a native binding) and the parsers loaded lazily for files over oxc's bound
 * (typescript-estree, typescript) stay external: they are resolved from node_modules at run time.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['dist/src/project/analyse-worker.js'],
  outfile: 'dist/src/project/analyse-worker.bundle.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // A package marked external keeps its subpaths external too (oxc-parser/src-js/bindings).
  external: ['oxc-parser', '@typescript-eslint/typescript-estree', 'typescript'],
  // Bundled CommonJS modules (scope-manager) may call `require`; in an ES module it must be made.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
