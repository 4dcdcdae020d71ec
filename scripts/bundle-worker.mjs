/**
 * Bundles the analysis worker (dist/src/project/analyse-worker.js and everything it imports) into one
 * file, dist/src/project/analyse-worker.bundle.js, which is what the analysis pool starts.
 *
 * Why: a worker thread loads its modules from scratch, one file at a time. Measured on 2 cores when the
 * worker still used scope-manager (about 300 modules, 242 of them its `lib`): two workers ready in
 * 160 ms wall / 300 ms CPU unbundled, 60 ms / 110 ms bundled (bench/RESULTS.md). The analysis has since
 * dropped scope-manager; the bundle still saves each worker loading 22 modules one by one.
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
  // Bundled CommonJS modules (visitor-keys) may call `require`; in an ES module it must be made.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
