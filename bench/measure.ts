/**
 * Runs a command as a child process and measures it: wall time (spawn to exit), peak resident memory
 * and CPU time of every Node.js process it starts (through `rss-preload.cjs`), and its exit code.
 * Stdout goes to /dev/null unless the command asks for it (small JSON summaries of our own scripts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Command {
  /** Stable id, used by the targets (`ds-migrate-dry`, `jscodeshift-parse`, ...). */
  readonly id: string;
  readonly label: string;
  readonly argv: readonly string[];
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Exit codes that still count as a successful run (default: 0 only). */
  readonly okExitCodes?: readonly number[];
  /** Keep stdout (a small summary the command prints); otherwise it goes to /dev/null. */
  readonly captureStdout?: boolean;
}

export interface Sample {
  readonly wallMs: number;
  /** User + system CPU time, summed over the command's Node.js processes. */
  readonly cpuMs: number;
  /**
   * Peak resident set size: exact for one process (worker threads included); with several processes
   * (jscodeshift forks workers), the sum of each one's peak, an upper bound.
   */
  readonly peakRssBytes: number;
  readonly processes: number;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderrTail: string;
}

export class CommandFailed extends Error {
  constructor(
    readonly command: Command,
    readonly sample: Sample,
  ) {
    super(`${command.label} exited with ${sample.exitCode}:\n${sample.stderrTail}`);
  }
}

/** Runs `command` once; `preload` is the path of bench/rss-preload.cjs. Rejects when the exit code is not ok. */
export async function measure(command: Command, preload: string): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), 'ds-migrate-bench-usage-'));
  const usageFile = join(dir, 'usage.jsonl');
  const env = {
    ...process.env,
    ...command.env,
    BENCH_USAGE_FILE: usageFile,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require "${preload}"`.trim(),
  };
  const [file, ...args] = command.argv;
  const started = performance.now();
  const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(file, args, { cwd: command.cwd, env, stdio: ['ignore', command.captureStdout ? 'pipe' : 'ignore', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (err = (err + chunk.toString('utf8')).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), stdout: out, stderr: err }));
  });
  const wallMs = performance.now() - started;
  const usage = readUsage(usageFile);
  rmSync(dir, { recursive: true, force: true });
  const sample: Sample = {
    wallMs,
    cpuMs: usage.reduce((sum, u) => sum + u.cpuUs / 1000, 0),
    peakRssBytes: usage.reduce((sum, u) => sum + u.maxRssKb * 1024, 0),
    processes: usage.length,
    exitCode,
    stdout,
    stderrTail: stderr,
  };
  if (!(command.okExitCodes ?? [0]).includes(exitCode)) throw new CommandFailed(command, sample);
  return sample;
}

function readUsage(file: string): { maxRssKb: number; cpuUs: number }[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { maxRssKb: number; cpuUs: number });
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** What the tables show for one command on one corpus: medians of the measured runs. */
export interface Summary {
  readonly runs: number;
  readonly wallMs: number;
  /** The fastest and slowest measured run: how much the machine moved the figure (VM noise is ±5-10% here). */
  readonly wallSpreadMs?: readonly [number, number];
  readonly cpuMs: number;
  /** The largest peak over the runs. */
  readonly peakRssBytes: number;
  readonly processes: number;
  readonly filesPerSecond: number;
  readonly exitCode: number;
  /** The command's own summary (our scripts print JSON), from the last run. */
  readonly note?: string;
}

export function summarise(samples: readonly Sample[], files: number, note?: string): Summary {
  const walls = samples.map((s) => s.wallMs);
  const wallMs = median(walls);
  return {
    runs: samples.length,
    wallMs,
    wallSpreadMs: [Math.min(...walls), Math.max(...walls)],
    cpuMs: median(samples.map((s) => s.cpuMs)),
    peakRssBytes: Math.max(...samples.map((s) => s.peakRssBytes)),
    processes: Math.max(...samples.map((s) => s.processes)),
    filesPerSecond: files / (wallMs / 1000),
    exitCode: samples[samples.length - 1].exitCode,
    note,
  };
}
