/**
 * Renders and writes the report files. Every file's final text goes through the redactor, and each
 * file is written whole (temporary file, then rename), so a reader never sees half a report.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportFormat } from '../config.js';
import type { Redactor } from '../redact.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { ConformanceReport } from './model.js';

export const REPORT_FILES: Readonly<Record<ReportFormat, string>> = { md: 'report.md', json: 'report.json', junit: 'junit.xml' };

export function renderReport(report: ConformanceReport, format: ReportFormat): string {
  switch (format) {
    case 'md':
      return renderMarkdown(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'junit':
      return renderJunit(report);
  }
}

/** Writes the chosen formats into `outDir`; returns the paths written. */
export function writeReports(report: ConformanceReport, outDir: string, formats: readonly ReportFormat[], redactor: Redactor): string[] {
  mkdirSync(outDir, { recursive: true });
  return formats.map((format) => {
    const file = path.join(outDir, REPORT_FILES[format]);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, redactor.redact(renderReport(report, format)));
    renameSync(temp, file);
    return file;
  });
}
