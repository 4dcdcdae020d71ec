/** The human-readable form of a scan report. */
import type { ScanReport } from './inventory.js';
import type { Palette } from '../cli/palette.js';

export function renderScan(report: ScanReport, colors: Palette): string {
  const c = colors;
  const lines: string[] = [];
  lines.push(c.dim(`${report.tool} ${report.version} · DeepSeek API data as of ${report.dataAsOf}`));
  lines.push('');
  if (report.clients.length > 0) {
    lines.push(c.bold('Clients'));
    for (const client of report.clients) {
      const plan = client.plan === 'leave' ? c.dim('left alone') : `→ ${client.plan}`;
      lines.push(`  ${client.file}:${client.line}:${client.column}  ${client.holder} = new ${client.className}  ${client.provider} (${client.evidence})  ${plan}`);
    }
    lines.push('');
  }
  if (report.calls.length > 0) {
    lines.push(c.bold('Calls'));
    for (const call of report.calls) {
      const model = call.model ? ` model ${call.model}` : '';
      const target = call.target ? ` → ${call.target.model ?? '?'} (${call.target.mode})` : '';
      const tag = call.judged ? (call.support === 'not-served' ? c.red(' not served by DeepSeek') : '') : c.dim(` ${call.provider ?? 'unknown'} client, left alone`);
      lines.push(`  ${call.file}:${call.line}:${call.column}  ${call.receiver}.${call.endpoint}.${call.method}${model}${target}${call.stream ? ' (stream)' : ''}${tag}`);
    }
    lines.push('');
  }
  if (report.findings.length > 0) {
    lines.push(c.bold('Findings'));
    for (const f of report.findings) {
      const severity = f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warn ') : c.dim('note ');
      const how = f.manual ? c.dim(' [manual]') : f.fixable ? c.dim(' [fixable]') : '';
      lines.push(`  ${f.file}:${f.line}:${f.column}  ${severity}  ${f.rule}  ${f.message}${how}`);
    }
    lines.push('');
  }
  if (report.errors.length > 0) {
    lines.push(c.bold('Files that could not be analysed'));
    for (const e of report.errors) lines.push(`  ${e.file}${e.line ? `:${e.line}:${e.column}` : ''}  ${c.red(e.message)}`);
    lines.push('');
  }
  const s = report.summary;
  const f = s.findings;
  if (s.filesAnalysed === 0 && s.errors === 0) {
    lines.push(`Scanned ${s.filesScanned} files: none uses the OpenAI SDK. Is this the folder with your source code?`);
  } else {
    lines.push(
      `Scanned ${s.filesScanned} files (${s.filesAnalysed} analysed): ${s.clients} clients, ${s.calls} calls; ${f.error ?? 0} errors, ${f.warning ?? 0} warnings, ${f.info ?? 0} notes${s.errors ? `; ${s.errors} files could not be analysed` : ''}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

