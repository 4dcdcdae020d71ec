/**
 * `npm run bench`: generates the corpora, runs every tool on each (a warm-up run, then BENCH_RUNS
 * measured runs, interleaved), prints the figures with ratios against the baselines of the same run,
 * and judges the targets of issue 6. Exits 1 when a target fails or a measurement breaks.
 *
 *   BENCH_RUNS=3        measured runs per command (median reported; default 3, 1 with BENCH_QUICK)
 *   BENCH_QUICK=1       small corpora, a smoke test: targets are shown but do not gate
 *   BENCH_ONLY=sparse,conformance   sections to run (sparse, dense, real, conformance)
 *   BENCH_DIR=/path     where corpora are generated (default: $TMPDIR/ds-migrate-bench)
 *   BENCH_CPU_PROF=/path  also write V8 CPU profiles of the ds-migrate runs there (slows them down)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORPUS_EXTENSIONS, REAL_PACKAGES, codeFilesIn, copyRealCorpus, denseCorpus, sparseCorpus, writeCorpus } from './corpus.js';
import { CommandFailed, measure, summarise, type Command, type Sample, type Summary } from './measure.js';
import { allPassed, evaluateTargets, formatRatio, type Figures, type TargetResult } from './targets.js';

// ---------------------------------------------------------------------------------------------------
// Settings

function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'ds-migrate') return dir;
  }
  throw new Error('cannot find the ds-migrate repository root');
}

const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
const OUT = dirname(fileURLToPath(import.meta.url)); // compiled bench scripts
const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? (QUICK ? 1 : 3)) || 1);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'sparse,dense,real,conformance').split(',').map((s) => s.trim()));
const BENCH_DIR = resolve(process.env.BENCH_DIR ?? join(tmpdir(), 'ds-migrate-bench'));
const CPU_PROF = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : undefined;

const SIZES = QUICK ? { sparse: 500, dense: 100 } : { sparse: 5000, dense: 1000 };
const SEEDS = { sparse: 20240501, dense: 20240502 };
const REAL = QUICK ? ['commander/lib', '@babel/template/lib', 'recast/lib'] : REAL_PACKAGES;

const NODE = process.execPath;
const CLI = join(ROOT, 'dist/src/cli.js');
const PLUGIN = join(ROOT, 'dist/rules/index.js');
const JSCODESHIFT = join(ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js');
const PRELOAD = join(ROOT, 'bench/rss-preload.cjs');

// ---------------------------------------------------------------------------------------------------
// Progress (a TTY only)

class Progress {
  private done = 0;
  private readonly started = performance.now();
  constructor(private readonly total: number) {}
  step(text: string): void {
    if (!process.stderr.isTTY) return;
    const s = Math.round((performance.now() - this.started) / 1000);
    const width = String(this.total).length;
    const line = `[${String(++this.done).padStart(width)}/${this.total}] ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} ${text}`;
    process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns || 100) - 1)}`);
  }
  clear(): void {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  }
}

// ---------------------------------------------------------------------------------------------------
// Corpora and commands

interface Section {
  readonly name: string;
  readonly description: string;
  /** Code files every tool is given (the files/s denominator). */
  readonly files: number;
  readonly commands: Command[];
  /** Commands left out, and why. */
  readonly skipped: Record<string, string>;
  /** The command the "vs" column compares against. */
  readonly baseline: string;
  readonly teardown?: () => Promise<void>;
}

function fingerprint(dir: string, files: readonly string[]): { bytes: number; hash: string } {
  const hash = createHash('sha256');
  let bytes = 0;
  for (const file of files) {
    const data = readFileSync(file);
    bytes += data.length;
    hash.update(file.slice(dir.length)).update('\0').update(data);
  }
  return { bytes, hash: hash.digest('hex').slice(0, 12) };
}

function cliHelp(args: string[]): string {
  const result = spawnSync(NODE, [CLI, ...args, '--help'], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

function codeCommands(dir: string, lintReady: boolean, skipped: Record<string, string>): Command[] {
  const jscodeshift = (transform: string): string[] => [NODE, JSCODESHIFT, '--dry', '--parser=tsx', `--extensions=${CORPUS_EXTENSIONS.join(',')}`, '-t', join(ROOT, 'bench', transform), dir];
  const prof = (name: string) => (CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(CPU_PROF, name)}`] : []);
  const section = dir.split('/').pop() ?? 'corpus';
  const commands: Command[] = [
    { id: 'jscodeshift-parse', label: 'jscodeshift no-op (parses)', argv: jscodeshift('jscodeshift-noop-parse.cjs'), captureStdout: true },
    { id: 'jscodeshift-return', label: 'jscodeshift no-op (returns at once)', argv: jscodeshift('jscodeshift-noop-return.cjs'), captureStdout: true },
    { id: 'parse-floor', label: 'ds-migrate parser, parse only (floor)', argv: [NODE, join(OUT, 'parse-floor.js'), dir], captureStdout: true },
    { id: 'ds-migrate-dry', label: 'ds-migrate --dry', argv: [NODE, ...prof(`${section}-dry`), CLI, '--dry', '--allow-dirty', dir], cwd: dir, okExitCodes: [0, 1] },
  ];
  if (lintReady) {
    commands.push({ id: 'ds-migrate-lint', label: 'ds-migrate lint', argv: [NODE, ...prof(`${section}-lint`), CLI, 'lint', dir], cwd: dir, okExitCodes: [0, 1] });
  } else {
    skipped['ds-migrate-lint'] = '`ds-migrate lint` is not registered in dist/src/cli.js yet';
  }
  commands.push(
    { id: 'eslint-none', label: 'ESLint, TS parser, no rules', argv: [NODE, join(OUT, 'eslint-run.js'), dir, 'none'], captureStdout: true },
    { id: 'eslint-one-rule', label: 'ESLint, TS parser, one core rule', argv: [NODE, join(OUT, 'eslint-run.js'), dir, 'one-core-rule'], captureStdout: true },
    { id: 'eslint-recommended', label: 'ESLint, TS parser, recommended preset', argv: [NODE, join(OUT, 'eslint-run.js'), dir, 'recommended', PLUGIN], captureStdout: true },
  );
  return commands;
}

function codeSection(name: string, description: string, dir: string, lintReady: boolean): Section {
  const files = codeFilesIn(dir);
  const { bytes, hash } = fingerprint(dir, files);
  const skipped: Record<string, string> = {};
  return {
    name,
    description: `${description}; ${files.length} code files, ${(bytes / 1e6).toFixed(1)} MB, fingerprint ${hash}`,
    files: files.length,
    commands: codeCommands(dir, lintReady, skipped),
    skipped,
    baseline: 'jscodeshift-parse',
  };
}

interface EmulatorModule {
  startEmulator(options: { latencyMs?: number; apiKey?: string }): Promise<{ url: string; close(): Promise<void> }>;
}

async function conformanceSection(): Promise<Section> {
  const name = 'conformance';
  const skipped: Record<string, string> = {};
  const base = { name, files: 0, commands: [] as Command[], skipped, baseline: 'conformance-c1' };
  const help = cliHelp(['conformance']);
  const emulatorPath = join(ROOT, 'dist/fixtures/emulator/index.js');
  let emulatorModule: Partial<EmulatorModule> = {};
  if (existsSync(emulatorPath)) emulatorModule = (await import(pathToFileURL(emulatorPath).href)) as Partial<EmulatorModule>;
  const why = !help.includes('--concurrency')
    ? '`ds-migrate conformance --concurrency` is not available yet'
    : typeof emulatorModule.startEmulator !== 'function'
      ? 'startEmulator is not exported by dist/fixtures/emulator/index.js yet'
      : undefined;
  if (why) {
    skipped['conformance-c1'] = skipped['conformance-c8'] = why;
    return { ...base, description: `skipped: ${why}` };
  }
  const apiKey = 'sk-bench-0000';
  const emulator = await emulatorModule.startEmulator!({ latencyMs: 100, apiKey });
  // Check that the latency is really injected, or the ratio means nothing.
  const t = performance.now();
  await fetch(`${emulator.url}/models`, { headers: { authorization: `Bearer ${apiKey}` } });
  const latency = performance.now() - t;
  if (latency < 90) {
    await emulator.close();
    skipped['conformance-c1'] = skipped['conformance-c8'] = `the emulator answered in ${Math.round(latency)} ms: latencyMs is not applied`;
    return { ...base, description: `skipped: ${skipped['conformance-c1']}` };
  }
  const only = QUICK ? ['--only', 'protocol.*', 'sdk.*'] : [];
  const command = (n: number): Command => ({
    id: `conformance-c${n}`,
    label: `ds-migrate conformance --concurrency ${n}`,
    argv: [NODE, CLI, 'conformance', '--base-url', emulator.url, '--concurrency', String(n), '--out', join(BENCH_DIR, `conformance-c${n}`), '--format', 'json', ...only],
    env: { DEEPSEEK_API_KEY: apiKey },
    okExitCodes: [0, 1],
    captureStdout: true,
  });
  return {
    ...base,
    description: `the emulator (fixtures/emulator) with 100 ms latency per request${QUICK ? ', protocol.* and sdk.* probes only' : ', every probe'}`,
    commands: [command(1), command(8)],
    teardown: () => emulator.close(),
  };
}

// ---------------------------------------------------------------------------------------------------
// Running

/** A short note from a command's own output: parse errors, files changed, requests made. */
function noteOf(command: Command, sample: Sample): string | undefined {
  if (command.id.startsWith('jscodeshift')) {
    const m = (k: string) => sample.stdout.match(new RegExp(`(\\d+) ${k}`))?.[1] ?? '?';
    return `${m('errors')} errors, ${m('skipped')} skipped`;
  }
  if (command.id === 'parse-floor' || command.id.startsWith('eslint')) {
    const json = JSON.parse(sample.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
    return command.id === 'parse-floor' ? `${json.errors} parse errors` : `${json.messages} messages, ${json.fatal} fatal`;
  }
  if (command.id === 'ds-migrate-dry') return sample.stderrTail.match(/\d+ files scanned: [^;\n]*/)?.[0];
  if (command.id.startsWith('conformance')) return sample.stdout.match(/\d+ probes:.*?· \d+ requests/)?.[0];
  return undefined;
}

interface SectionResult {
  readonly section: Section;
  readonly summaries: Record<string, Summary>;
  readonly errors: string[];
}

async function runSection(section: Section, progress: Progress): Promise<SectionResult> {
  const samples: Record<string, Sample[]> = {};
  const notes: Record<string, string | undefined> = {};
  const errors: string[] = [];
  const broken = new Set<string>();
  const rounds = [{ label: 'warm-up', record: false }, ...Array.from({ length: RUNS }, (_, i) => ({ label: `run ${i + 1}/${RUNS}`, record: true }))];
  for (const [round, { label, record }] of rounds.entries()) {
    // Rotate the order each round so no command always runs first (or right after the heaviest one).
    const order = section.commands.map((_, i) => section.commands[(i + round) % section.commands.length]);
    for (const command of order) {
      progress.step(`${section.name} · ${command.label} · ${label}`);
      if (broken.has(command.id)) continue;
      try {
        const sample = await measure(command, PRELOAD);
        notes[command.id] = noteOf(command, sample) ?? notes[command.id];
        if (record) (samples[command.id] ??= []).push(sample);
      } catch (error) {
        broken.add(command.id);
        const text = error instanceof CommandFailed ? error.message : String(error);
        errors.push(`${section.name}/${command.id}: ${text}`);
        section.skipped[command.id] = 'the command failed';
      }
    }
  }
  await section.teardown?.();
  const summaries: Record<string, Summary> = {};
  for (const [id, list] of Object.entries(samples)) summaries[id] = summarise(list, section.files, notes[id]);
  return { section, summaries, errors };
}

// ---------------------------------------------------------------------------------------------------
// Output

const LEGEND = [
  'wall: spawn to exit, median of the measured runs; spread: the fastest and slowest of them. files/s: code files given / wall. peak RSS: largest over the runs;',
  '  with several processes (jscodeshift forks a worker) the sum of each one\'s peak. CPU: user + system, all processes and threads.',
  'vs: the baseline\'s wall time / this wall time (> 1: faster). The targets use "jscodeshift no-op (parses)": its CLI',
  '  (--dry --parser=tsx, default options) with a transform that calls api.jscodeshift(file.source) and returns undefined,',
  '  the least a real transform costs. "returns at once" is jscodeshift\'s own floor (startup, walk, read, IPC).',
].join('\n');

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

function table(rows: string[][], markdown: boolean): string {
  if (markdown) return [rows[0], rows[0].map(() => '---'), ...rows.slice(1)].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => `  ${r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`.trimEnd()).join('\n');
}

function sectionTable(result: SectionResult, markdown: boolean): string {
  const { section, summaries } = result;
  const base = summaries[section.baseline];
  const header = ['command', 'wall (median)', 'spread', 'files/s', 'peak RSS', 'CPU', 'CPU/wall', `vs ${section.baseline}`, 'output'];
  const rows = [header];
  for (const command of section.commands) {
    const s = summaries[command.id];
    if (!s) {
      rows.push([command.label, '—', '—', '—', '—', '—', '—', '—', section.skipped[command.id] ?? '']);
      continue;
    }
    rows.push([
      command.label,
      seconds(s.wallMs),
      s.wallSpreadMs ? `${(s.wallSpreadMs[0] / 1000).toFixed(2)}–${(s.wallSpreadMs[1] / 1000).toFixed(2)} s` : '—',
      section.files > 0 ? Math.round(s.filesPerSecond).toLocaleString('en-US') : '—',
      `${megabytes(s.peakRssBytes)}${s.processes > 1 ? ` (${s.processes} procs)` : ''}`,
      seconds(s.cpuMs),
      (s.cpuMs / s.wallMs).toFixed(2),
      base ? formatRatio(base.wallMs / s.wallMs) : '—',
      s.note ?? '',
    ]);
  }
  for (const [id, why] of Object.entries(section.skipped)) {
    if (!section.commands.some((c) => c.id === id)) rows.push([id, '—', '—', '—', '—', '—', '—', '—', `skipped: ${why}`]);
  }
  return table(rows, markdown);
}

function targetLines(results: readonly TargetResult[], markdown: boolean): string {
  if (markdown) {
    return table([['target', 'status', 'measured', 'required', 'detail'], ...results.map((r) => [r.title, r.status, r.measured, r.required, r.detail])], true);
  }
  return results.map((r) => `  ${r.status}  ${r.title}: ${r.measured} (needs ${r.required})${r.detail ? `\n        ${r.detail}` : ''}`).join('\n');
}

/** The preset against one core rule on every file: what any rule costs ESLint per file, which the preset's file gate avoids. */
function eslintInfo(sparse: Record<string, Summary> | undefined, markdown: boolean): string {
  const one = sparse?.['eslint-one-rule'];
  const rec = sparse?.['eslint-recommended'];
  if (!one || !rec) return '';
  const pct = (a: number, b: number) => `${a >= b ? '+' : ''}${((a / b - 1) * 100).toFixed(1)}%`;
  const line = `sparse: ESLint + recommended preset vs ESLint + one core rule (no-debugger): ${pct(rec.wallMs, one.wallMs)} wall, ${pct(rec.cpuMs, one.cpuMs)} CPU`;
  const why = 'one rule on every file costs ESLint a fixed amount per file; the preset skips files that cannot reach the SDK (rules/preset-gate.ts)';
  return markdown ? `Info: ${line} (${why}).` : `  info  ${line}\n        (${why})`;
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'rules', 'fixtures/emulator'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return `${sha}${dirty ? ' + uncommitted changes in src/rules/emulator' : ''}`;
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  if (!existsSync(CLI)) {
    process.stderr.write(`bench: ${CLI} is missing: run \`npm run build\` first\n`);
    return 2;
  }
  const load = loadavg()[0];
  const machine = [
    `date ${new Date().toISOString()}`,
    `commit ${gitCommit()}`,
    `node ${process.version}`,
    `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`,
    `${Math.round(totalmem() / 2 ** 30)} GB RAM`,
    `load average ${load.toFixed(2)} at start`,
    `runs: 1 warm-up (excluded) + ${RUNS} measured, median${QUICK ? '; QUICK: small corpora, targets indicative only' : ''}`,
  ];
  process.stdout.write(`ds-migrate bench\n${machine.map((l) => `  ${l}`).join('\n')}\n`);
  if (load > availableParallelism()) process.stdout.write(`  warning: the machine is busy (load ${load.toFixed(1)} on ${availableParallelism()} cores): times are noisy\n`);
  if (CPU_PROF) process.stdout.write(`  CPU profiles of ds-migrate in ${CPU_PROF}: profiling slows ds-migrate down, do not trust its ratios in this run\n`);

  const lintReady = cliHelp(['lint']).includes('Usage: ds-migrate lint');
  const sections: Section[] = [];
  mkdirSync(BENCH_DIR, { recursive: true });
  if (ONLY.has('sparse')) {
    const dir = join(BENCH_DIR, 'sparse');
    writeCorpus(dir, sparseCorpus({ seed: SEEDS.sparse, files: SIZES.sparse }));
    sections.push(codeSection('sparse', `generated app, seed ${SEEDS.sparse}, ~1% of files use the SDK`, dir, lintReady));
  }
  if (ONLY.has('dense')) {
    const dir = join(BENCH_DIR, 'dense');
    writeCorpus(dir, denseCorpus({ seed: SEEDS.dense, files: SIZES.dense }));
    sections.push(codeSection('dense', `generated app, seed ${SEEDS.dense}, every file uses the SDK`, dir, lintReady));
  }
  if (ONLY.has('real')) {
    const dir = join(BENCH_DIR, 'real');
    copyRealCorpus(dir, join(ROOT, 'node_modules'), REAL);
    const versions = REAL.map((p) => {
      const pkg = p.split('/').slice(0, p.startsWith('@') ? 2 : 1).join('/');
      return `${pkg}@${(JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version}`;
    });
    sections.push(codeSection('real', `node_modules sources: ${versions.join(', ')}`, dir, lintReady));
  }
  if (ONLY.has('conformance')) sections.push(await conformanceSection());

  const progress = new Progress(sections.reduce((n, s) => n + s.commands.length * (RUNS + 1), 0));
  const results: SectionResult[] = [];
  for (const section of sections) results.push(await runSection(section, progress));
  progress.clear();

  const figures: Record<string, Record<string, Summary>> = {};
  const skipped: Record<string, string> = {};
  for (const { section, summaries } of results) {
    figures[section.name] = summaries;
    for (const [id, why] of Object.entries(section.skipped)) skipped[`${section.name}/${id}`] = why;
  }
  const targets = evaluateTargets(figures as Figures, skipped);
  const errors = results.flatMap((r) => r.errors);

  const text = (markdown: boolean) =>
    [
      ...results.map((r) => `${markdown ? '### ' : '\n'}${r.section.name}: ${r.section.description}\n${markdown ? '\n' : ''}${sectionTable(r, markdown)}`),
      `${markdown ? '### ' : '\n'}targets${QUICK ? ' (QUICK run: indicative only)' : ''}\n${markdown ? '\n' : ''}${targetLines(targets, markdown)}`,
      eslintInfo(figures.sparse, markdown),
    ]
      .filter(Boolean)
      .join('\n\n');
  process.stdout.write(`${text(false)}\n\n${LEGEND}\n`);
  if (errors.length > 0) process.stdout.write(`\nmeasurements that failed:\n${errors.map((e) => `  ${e.replace(/\n/g, '\n    ')}`).join('\n')}\n`);

  const failed = targets.filter((t) => t.status === 'FAIL').map((t) => t.id);
  const endLoad = loadavg()[0];
  process.stdout.write(`\nload average ${endLoad.toFixed(2)} at the end\n`);
  if (QUICK) process.stdout.write('QUICK run: targets not gated.\n');
  else process.stdout.write(allPassed(targets) ? 'all targets met (SKIP does not fail).\n' : `targets failed: ${failed.join(', ')}\n`);

  // A smoke run does not overwrite the record of a full one.
  const record = join(ROOT, '.bench', QUICK ? 'last-quick' : 'last-run');
  mkdirSync(dirname(record), { recursive: true });
  writeFileSync(`${record}.json`, `${JSON.stringify({ machine, quick: QUICK, runs: RUNS, figures, skipped, targets, errors }, null, 2)}\n`);
  writeFileSync(`${record}.md`, `${machine.map((l) => `- ${l}`).join('\n')}\n- load average ${endLoad.toFixed(2)} at the end\n\n${text(true)}\n`);
  process.stdout.write(`figures written to ${record}.json and .md\n`);

  if (errors.length > 0) return 1;
  return QUICK || allPassed(targets) ? 0 : 1;
}

process.exitCode = await main();
