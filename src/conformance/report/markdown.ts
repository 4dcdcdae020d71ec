/**
 * The Markdown report, written to read well as a pull-request comment: the verdict and what needs a
 * person first, then what was learned, then every probe in collapsed sections.
 */
import type { Exchange } from '../types.js';
import { needsAttention, type ConformanceReport, type ProbeReport } from './model.js';

const ICON: Record<ProbeReport['verdict'], string> = {
  pass: '✅',
  'matches-data': '✅',
  fail: '❌',
  'contradicts-data': '⚠️',
  skipped: '⏭️',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${n} ms`);
const usd = (n: number) => `$${n.toFixed(4)}`;

function sentSummary(exchanges: readonly Exchange[]): string {
  return exchanges
    .map((e) => {
      const path = e.url.replace(/^https?:\/\/[^/]+/, '') || '/';
      const keys = e.requestBody && typeof e.requestBody === 'object' ? Object.keys(e.requestBody as object).filter((k) => k !== 'messages' && k !== 'model') : [];
      const status = e.status !== undefined ? ` → ${e.status}` : e.error ? ' → no answer' : '';
      return `${e.method} ${path}${keys.length ? ` {${keys.join(', ')}}` : ''}${status}${e.attempts > 1 ? ` (${e.attempts} attempts)` : ''}`;
    })
    .join('; ');
}

function exchangeBlock(e: Exchange): string {
  const lines = [`- \`${e.method} ${e.url}\` via ${e.via}${e.key === 'invalid' ? ' (deliberately invalid key)' : ''}: ${e.status !== undefined ? `HTTP ${e.status}` : 'no answer'}${e.latencyMs !== undefined ? `, ${ms(e.latencyMs)}` : ''}${e.attempts > 1 ? `, ${e.attempts} attempts` : ''}${e.error ? ` — ${e.error}` : ''}`];
  if (e.requestBody !== undefined) lines.push('', '  ```json', ...JSON.stringify(e.requestBody, null, 2).split('\n').map((l) => `  ${l}`), '  ```');
  if (e.responseSnippet) lines.push('', '  Answer (start):', '', '  ```', ...e.responseSnippet.slice(0, 800).split('\n').map((l) => `  ${l}`), '  ```');
  return lines.join('\n');
}

function attention(probe: ProbeReport): string {
  const head = `- ${ICON[probe.verdict]} **${probe.id}** — ${probe.title}: ${probe.reason}`;
  const lines = [head];
  if (probe.verdict === 'contradicts-data' && probe.data) lines.push(`  - Fix the data: \`${probe.data.ref}\` (says ${probe.data.status})`);
  for (const detail of probe.details.slice(0, 8)) lines.push(`  - ${detail}`);
  if (probe.callSites?.length) lines.push(`  - Call sites: ${probe.callSites.map((s) => `\`${s.file}:${s.line}\``).join(', ')}`);
  if (probe.exchanges.length) lines.push('', '  <details><summary>What was sent</summary>', '', ...probe.exchanges.map((e) => exchangeBlock(e).split('\n').map((l) => `  ${l}`).join('\n')), '', '  </details>');
  return lines.join('\n');
}

export function renderMarkdown(report: ConformanceReport): string {
  const t = report.totals;
  const problems = report.probes.filter(needsAttention);
  const failures = t.verdicts.fail;
  const contradictions = t.verdicts['contradicts-data'];
  const headline = report.dryRun
    ? '⏭️ dry run: nothing sent'
    : problems.length === 0
      ? '✅ all good'
      : `❌ ${[failures ? `${failures} failure${failures === 1 ? '' : 's'}` : '', contradictions ? `${contradictions} contradiction${contradictions === 1 ? '' : 's'} of the compat data` : ''].filter(Boolean).join(', ')}`;
  const out: string[] = [];
  out.push(`## DeepSeek conformance: ${headline}`, '');
  out.push('| | |', '|---|---|');
  out.push(`| Endpoint | ${cell(report.endpoint)} (beta: ${cell(report.betaEndpoint)}) |`);
  out.push(`| Models | ${cell(report.models.join(', '))} |`);
  out.push(`| Versions | ${report.tool.name} ${report.tool.version} · openai SDK ${report.sdk.version} · compat data as of ${report.compat.asOf}${report.compat.checkedOn ? ` (reviewed ${report.compat.checkedOn})` : ''} |`);
  out.push(`| Run | ${report.startedAt} · ${ms(report.durationMs)} · concurrency ${report.settings.concurrency} · timeout ${report.settings.timeoutS} s (idle ${report.settings.idleTimeoutS} s) |`);
  out.push(`| Spent | ${t.requests} requests (${t.retries} retries) · ${t.tokens.total} tokens (${t.tokens.prompt} prompt + ${t.tokens.completion} completion) · ${usd(t.costUSD)} estimated |`);
  out.push(`| Caps | ${report.settings.maxRequests} requests, ${report.settings.maxTokens} tokens; planned ${t.planned.requests} requests, worst case ${t.planned.worstCaseTokens} tokens (≤ ${usd(t.planned.worstCaseCostUSD)}) |`);
  out.push('', `**${report.summary}**`, '');
  if (report.stoppedEarly) out.push(`> The run stopped early: ${report.stoppedEarly}.`, '');

  if (problems.length > 0) {
    out.push('### Needs attention', '');
    for (const probe of problems) out.push(attention(probe));
    out.push('');
  }

  const learned = report.probes.filter((p) => p.verdict === 'matches-data' && p.data?.status === 'unknown');
  if (learned.length > 0) {
    out.push('### Learned: claims the compat data marks unknown', '', 'Not failures: what the endpoint did, to record in the data.', '');
    out.push('| claim | observed | entry |', '|---|---|---|');
    for (const p of learned) out.push(`| ${cell(p.title)} | ${cell(p.reason.replace(/; the data says unknown.*$/, ''))} | \`${cell(p.data!.ref)}\` |`);
    out.push('');
  }

  if (report.project) {
    const pr = report.project;
    out.push('### Project call sites', '', `${pr.callSites} call sites in \`${cell(pr.root)}\`, ${pr.profiles} distinct profiles probed.`, '');
    const projectProbes = report.probes.filter((p) => p.level === 'project');
    if (projectProbes.length) {
      out.push('| | profile | call sites | verdict | notes |', '|---|---|---|---|---|');
      for (const p of projectProbes) {
        const sites = (p.callSites ?? []).map((s) => `${s.file}:${s.line}`).join(', ');
        out.push(`| ${ICON[p.verdict]} | ${cell(p.title)} | ${cell(sites)} | ${cell(`${p.verdict}: ${p.reason}`)} | ${cell(p.details.join('; '))} |`);
      }
      out.push('');
    }
    if (pr.notProbed.length) {
      out.push('<details><summary>Call sites not probed</summary>', '', '| call site | call | why |', '|---|---|---|');
      for (const n of pr.notProbed) out.push(`| ${cell(`${n.site.file}:${n.site.line}`)} | \`${cell(n.call)}\` | ${cell(n.reason)} |`);
      out.push('', '</details>', '');
    }
  }

  if (report.plannedRequests) {
    out.push('### Planned requests', '', '| probe | request | worst case |', '|---|---|---|');
    for (const r of report.plannedRequests) out.push(`| ${cell(r.probe)} | ${cell(`${r.method} ${r.url} via ${r.via}${r.note ? ` (${r.note})` : ''}`)} | ${r.worstCaseTokens} tokens |`);
    out.push('');
  }

  const groups = new Map<string, ProbeReport[]>();
  for (const p of report.probes) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  out.push('### All probes', '');
  for (const [group, probes] of groups) {
    const bad = probes.filter(needsAttention).length;
    out.push(`<details><summary>${group}: ${probes.length} probe${probes.length === 1 ? '' : 's'}${bad ? `, ${bad} need attention` : ''}</summary>`, '');
    out.push('| | probe | verdict | latency | sent | reason |', '|---|---|---|---|---|---|');
    for (const p of probes) out.push(`| ${ICON[p.verdict]} | \`${p.id}\` | ${p.verdict} | ${ms(p.latencyMs)} | ${cell(sentSummary(p.exchanges))} | ${cell(p.reason)} |`);
    out.push('', '</details>', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
