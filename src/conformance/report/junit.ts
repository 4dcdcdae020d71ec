/**
 * JUnit XML for CI test reporters: one test suite per probe group, one test case per probe. Failures
 * and contradictions of the data are `<failure>`s (with distinct types); skipped probes are `<skipped>`.
 */
import type { ConformanceReport, ProbeReport } from './model.js';

// XML 1.0 cannot hold most control characters, even escaped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attr = (name: string, value: string | number) => `${name}="${xmlEscape(String(value))}"`;
const secs = (ms: number) => (ms / 1000).toFixed(3);

function body(probe: ProbeReport): string {
  const lines = [`${probe.title}`, `expected: ${probe.expectation}`, `verdict: ${probe.verdict}: ${probe.reason}`];
  if (probe.data) lines.push(`data: ${probe.data.ref} (says ${probe.data.status})${probe.data.observed ? `; observed: ${probe.data.observed}` : ''}`);
  for (const detail of probe.details) lines.push(`- ${detail}`);
  for (const site of probe.callSites ?? []) lines.push(`call site: ${site.file}:${site.line}:${site.column}`);
  for (const e of probe.exchanges) {
    lines.push(`sent: ${e.method} ${e.url} via ${e.via} → ${e.status ?? 'no answer'}${e.error ? ` (${e.error})` : ''}, ${e.latencyMs ?? 0} ms`);
    if (e.requestBody !== undefined) lines.push(`body: ${JSON.stringify(e.requestBody)}`);
  }
  return lines.join('\n');
}

function testcase(probe: ProbeReport): string {
  const open = `    <testcase ${attr('classname', `ds-migrate.conformance.${probe.group}`)} ${attr('name', `${probe.id}: ${probe.title}`)} ${attr('time', secs(probe.latencyMs))}>`;
  const text = xmlEscape(body(probe));
  let inner: string;
  switch (probe.verdict) {
    case 'fail':
      inner = `      <failure ${attr('type', 'fail')} ${attr('message', probe.reason)}>${text}</failure>`;
      break;
    case 'contradicts-data':
      inner = `      <failure ${attr('type', 'contradicts-data')} ${attr('message', `${probe.reason} — fix ${probe.data?.ref ?? 'the compat data'}`)}>${text}</failure>`;
      break;
    case 'skipped':
      inner = `      <skipped ${attr('message', probe.reason)}/>`;
      break;
    default:
      inner = `      <system-out>${text}</system-out>`;
  }
  return `${open}\n${inner}\n    </testcase>`;
}

export function renderJunit(report: ConformanceReport): string {
  const groups = new Map<string, ProbeReport[]>();
  for (const p of report.probes) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  const count = (probes: readonly ProbeReport[], ...verdicts: string[]) => probes.filter((p) => verdicts.includes(p.verdict)).length;
  const suites = [...groups].map(([group, probes]) => {
    const time = probes.reduce((s, p) => s + p.latencyMs, 0);
    const properties = [
      ['endpoint', report.endpoint],
      ['models', report.models.join(',')],
      ['tool', `${report.tool.name} ${report.tool.version}`],
      ['openai-sdk', report.sdk.version],
      ['compat-as-of', report.compat.asOf],
    ]
      .map(([name, value]) => `      <property ${attr('name', name)} ${attr('value', value)}/>`)
      .join('\n');
    return [
      `  <testsuite ${attr('name', group)} ${attr('tests', probes.length)} ${attr('failures', count(probes, 'fail', 'contradicts-data'))} ${attr('errors', 0)} ${attr('skipped', count(probes, 'skipped'))} ${attr('time', secs(time))} ${attr('timestamp', report.startedAt)}>`,
      `    <properties>\n${properties}\n    </properties>`,
      ...probes.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  const all = report.probes;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attr('name', 'ds-migrate conformance')} ${attr('tests', all.length)} ${attr('failures', count(all, 'fail', 'contradicts-data'))} ${attr('errors', 0)} ${attr('skipped', count(all, 'skipped'))} ${attr('time', secs(report.durationMs))}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
