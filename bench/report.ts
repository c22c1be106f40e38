import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What a section prints, and its figures for report.json. */
export interface SectionResult {
  line: string;
  figures: object;
}

export interface BenchReport {
  startedAt: string;
  infrastructure: string;
  /** By section name, in the order run. */
  sections: Record<string, object>;
  /** Throughputs of this run as a share of its raw PostgreSQL commit rate (1 = the same rate). */
  shareOfCommitRate: Record<string, number>;
}

const REPOSITORY = join(__dirname, '..');
export const REPORT_FILE = join(REPOSITORY, '.cache/bench/report.json');
export const CHART_FILE = join(REPOSITORY, 'docs/bench.svg');

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A horizontal bar chart of the shares of the commit rate, written by hand: labels, a bar and its value per row. */
export function shareChart(report: BenchReport): string {
  const rows = Object.entries(report.shareOfCommitRate);
  const width = 760;
  const labelWidth = 260;
  const valueWidth = 80;
  const rowHeight = 30;
  const top = 56;
  const height = top + rows.length * rowHeight + 30;
  const largest = Math.max(1, ...rows.map(([, share]) => share));
  const barSpace = width - labelWidth - valueWidth - 20;
  const scale = (share: number) => (share / largest) * barSpace;
  const commitLine = labelWidth + scale(1);
  const bars = rows.map(([label, share], index) => {
    const y = top + index * rowHeight;
    return [
      `<text x="${labelWidth - 10}" y="${y + 19}" text-anchor="end">${escapeXml(label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 5}" width="${Math.max(1, scale(share)).toFixed(1)}" height="${rowHeight - 10}" fill="#2f6f9f"/>`,
      `<text x="${(labelWidth + Math.max(1, scale(share)) + 6).toFixed(1)}" y="${y + 19}">${(share * 100).toFixed(share < 0.1 ? 2 : 1)}%</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">Throughput as a share of the raw PostgreSQL commit rate (one run)</text>`,
    `<text x="10" y="42" fill="#555555">${escapeXml(`${report.startedAt}, ${report.infrastructure}`)}</text>`,
    ...bars,
    `<line x1="${commitLine.toFixed(1)}" y1="${top}" x2="${commitLine.toFixed(1)}" y2="${top + rows.length * rowHeight}" stroke="#b03a2e" stroke-dasharray="4 3"/>`,
    `<text x="${commitLine.toFixed(1)}" y="${height - 10}" text-anchor="middle" fill="#b03a2e">100% = raw commits/s</text>`,
    '</svg>',
    '',
  ].join('\n');
}

export function writeReport(report: BenchReport): void {
  mkdirSync(dirname(REPORT_FILE), { recursive: true });
  writeFileSync(REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`);
  if (Object.keys(report.shareOfCommitRate).length > 0) writeFileSync(CHART_FILE, shareChart(report));
}
