/**
 * `ds-migrate conformance` (real, cheap calls to the endpoint, with reports) and `ds-migrate emulator`
 * (the local DeepSeek-compatible server). Wiring and terminal output only: the work is in runner.ts and
 * fixtures/emulator. Everything printed passes through the redactor.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { startEmulator, SIMPLE_FAULTS, INVALID_KEY_PREFIX, parseFault } from '../../fixtures/emulator/index.js';
import { EXIT, UsageError, type CliIO } from '../cli/io.js';
import type { SetExit } from '../cli/program.js';
import { COMPAT } from '../compat/index.js';
import { DEFAULTS, REPORT_FORMATS, resolveConfig, type RawOptions } from './config.js';
import { Redactor } from './redact.js';
import { needsAttention, type ConformanceReport } from './report/model.js';
import { writeReports } from './report/write.js';
import { runConformance, type RunDeps } from './runner.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function printDryRun(report: ConformanceReport, print: (text: string) => void): void {
  print(`ds-migrate conformance: dry run against ${report.endpoint} (models: ${report.models.join(', ')})\n`);
  const width = Math.max(...(report.plannedRequests ?? []).map((r) => r.probe.length), 10);
  for (const request of report.plannedRequests ?? []) {
    print(`  ${request.probe.padEnd(width)}  ${request.method.padEnd(4)} ${request.url}${request.via === 'openai-sdk' ? ' (openai SDK)' : ''}  ≤ ${request.worstCaseTokens} tokens${request.note ? `  — ${request.note}` : ''}\n`);
  }
  for (const probe of report.probes.filter((p) => p.verdict === 'skipped' && !p.reason.startsWith('dry run'))) {
    print(`  ${probe.id.padEnd(width)}  skipped: ${probe.reason}\n`);
  }
  print(`${report.summary}\n`);
}

function printResult(report: ConformanceReport, files: readonly string[], cwd: string, print: (text: string) => void): void {
  print(`ds-migrate conformance: ${report.endpoint} (models: ${report.models.join(', ')})\n`);
  for (const probe of report.probes.filter(needsAttention)) {
    const fix = probe.verdict === 'contradicts-data' && probe.data ? ` → fix ${probe.data.ref}` : '';
    const sites = probe.callSites?.length ? ` [${probe.callSites.map((s) => `${s.file}:${s.line}`).join(', ')}]` : '';
    print(`  ${probe.verdict === 'fail' ? 'FAIL' : 'DATA'}  ${probe.id}: ${probe.reason}${fix}${sites}\n`);
  }
  if (report.stoppedEarly) print(`  stopped early: ${report.stoppedEarly}\n`);
  print(`${report.summary}\n`);
  if (files.length) print(`reports: ${files.map((f) => path.relative(cwd, f) || f).join(', ')}\n`);
}

/** Runs the conformance command; exported so tests can pass `deps` (retry timing, progress). */
export async function conformanceAction(raw: RawOptions, io: CliIO, setExit: SetExit, deps: RunDeps = {}): Promise<ConformanceReport> {
  const config = resolveConfig(raw, io.env, io.cwd);
  const redactor = new Redactor([config.apiKey]);
  const print = (text: string) => io.stdout(redactor.redact(text));
  // A run against the real API takes a minute or two: show progress when a person is watching.
  let done = 0;
  const progress: RunDeps['onProbe'] = io.isTTY
    ? (probe) => io.stderr(redactor.redact(`\r\x1b[K[${++done}] ${probe.verdict.padEnd(16)} ${probe.id}`))
    : undefined;
  let report: ConformanceReport;
  try {
    report = await runConformance(config, { onProbe: progress, ...deps });
    if (progress) io.stderr('\r\x1b[K');
  } catch (error) {
    // A bug's message could quote a header or a body: it leaves redacted, like everything else.
    if (error instanceof UsageError) throw error;
    const failure = new Error(redactor.redact((error as Error)?.message ?? String(error)));
    failure.stack = redactor.redact((error as Error)?.stack ?? failure.message);
    throw failure;
  }
  if (config.dryRun) {
    printDryRun(report, print);
    return report;
  }
  let files: string[];
  try {
    files = writeReports(report, config.outDir, config.formats, redactor);
  } catch (error) {
    throw new UsageError(`cannot write the reports to ${config.outDir}: ${(error as Error).message}`);
  }
  printResult(report, files, io.cwd, print);
  setExit(report.exitCode === 0 ? EXIT.ok : EXIT.failure);
  return report;
}

export interface EmulatorCommandOptions {
  readonly port?: string;
  readonly host?: string;
  readonly fault?: readonly string[];
  readonly latency?: string;
  readonly apiKeyEnv?: string;
}

/** Runs the emulator until `until` settles (SIGINT from the command line). */
export async function emulatorAction(options: EmulatorCommandOptions, io: CliIO, until: Promise<unknown>): Promise<void> {
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (0 picks a free one), got "${options.port}"`);
  const latencyMs = options.latency === undefined ? 0 : Number(options.latency);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new UsageError(`--latency takes milliseconds, got "${options.latency}"`);
  const faults = (options.fault ?? []).map((f) => {
    try {
      return parseFault(f);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  });
  let apiKey: string | undefined;
  if (options.apiKeyEnv !== undefined) {
    apiKey = io.env[options.apiKeyEnv];
    if (!apiKey) throw new UsageError(`${options.apiKeyEnv} is not set: the emulator would accept no key`);
  }
  let emulator;
  try {
    emulator = await startEmulator({ port, host: options.host, faults, latencyMs, apiKey });
  } catch (error) {
    throw new UsageError(`cannot start the emulator: ${(error as Error).message}`);
  }
  io.stdout(`DeepSeek emulator (compat data as of ${COMPAT.asOf}) listening on ${emulator.url}\n`);
  io.stdout(`  export DEEPSEEK_BASE_URL=${emulator.url}\n`);
  io.stdout(
    apiKey ? `  only the key in ${options.apiKeyEnv} is accepted\n` : `  any API key works, except keys starting with ${INVALID_KEY_PREFIX} (they get 401)\n`,
  );
  if (faults.length) io.stdout(`  faults: ${(options.fault ?? []).join(', ')}\n`);
  io.stdout('  press Ctrl-C to stop\n');
  await until;
  await emulator.close();
  io.stdout('emulator stopped\n');
}

export function registerConformanceCommands(program: Command, io: CliIO, setExit: SetExit): void {
  program
    .command('conformance')
    .description('Check a DeepSeek endpoint with real, cheap calls: protocol, SDK, the compat data, and your project\'s call sites.')
    .option('--base-url <url>', `API base URL (default: $DEEPSEEK_BASE_URL, $DEEPSEEK_API_BASE, or ${COMPAT.baseUrls[0].url})`)
    .option('--model <model...>', 'models to probe (default: deepseek-flash); repeat or separate with commas', collect)
    .option('--api-key-env <name>', `environment variable holding the API key (default: ${COMPAT.env.apiKey}); the key is never taken from a flag`)
    .option('--project <path>', "also probe each distinct feature profile of this project's call sites")
    .option('--out <dir>', `report directory (default: ./${DEFAULTS.out})`)
    .option('--format <list>', `report formats, comma-separated: ${REPORT_FORMATS.join(', ')} (default: all)`)
    .option('--max-requests <n>', `hard cap on HTTP requests, retries included (default: ${DEFAULTS.maxRequests})`)
    .option('--max-tokens <n>', `hard cap on tokens, by each probe's worst case (default: ${DEFAULTS.maxTokens})`)
    .option('--concurrency <n>', `requests in flight at once (default: ${DEFAULTS.concurrency})`)
    .option('--timeout <seconds>', `deadline per request, answer included (default: ${DEFAULTS.timeoutS})`)
    .option('--idle-timeout <seconds>', `longest silence while an answer streams (default: ${DEFAULTS.idleTimeoutS})`)
    .option('--only <pattern...>', 'run only probes whose id matches (`*` wildcard), e.g. "protocol.*" "data:param:*"', collect)
    .option('--dry-run', 'list the planned requests and their worst-case tokens; send nothing (no key needed)')
    .action(async (options: RawOptions) => {
      await conformanceAction(options, io, setExit);
    });

  program
    .command('emulator')
    .description('Run a local DeepSeek-compatible server (driven by the compat data) for offline tests.')
    .option('--port <n>', 'port to listen on (default: 0, a free port)')
    .option('--host <host>', 'interface to listen on (default: 127.0.0.1)')
    .option('--fault <fault...>', `inject a fault: contradict:<dataId>, reword:<dataId>, ${Object.keys(SIMPLE_FAULTS).join(', ')}`, collect)
    .option('--latency <ms>', 'delay every answer by this many milliseconds')
    .option('--api-key-env <name>', 'accept only the key in this environment variable')
    .action(async (options: EmulatorCommandOptions) => {
      const until = new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await emulatorAction(options, io, until);
    });
}
