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

/**
 * A horizontal bar chart of the shares of the commit rate, written by hand: a label, a bar and its value per row, on a
 * logarithmic axis (the shares run from under 1% to several times the commit rate) with a line at each power of ten.
 */
export function shareChart(report: BenchReport): string {
  const rows = Object.entries(report.shareOfCommitRate);
  const width = 800;
  const labelWidth = 300;
  const barSpace = width - labelWidth - 90;
  const rowHeight = 30;
  const top = 56;
  const axisBottom = top + rows.length * rowHeight;
  const height = axisBottom + 40;
  const lowest = Math.min(-3, Math.floor(Math.log10(Math.min(...rows.map(([, share]) => share)))));
  const highest = Math.max(0, Math.ceil(Math.log10(Math.max(...rows.map(([, share]) => share)))));
  const x = (share: number) => labelWidth + ((Math.log10(share) - lowest) / (highest - lowest)) * barSpace;
  const percent = (share: number) => {
    const value = share * 100;
    return `${value >= 10 ? Math.round(value).toLocaleString('en-US') : value >= 1 ? value.toFixed(1) : value.toPrecision(2)}%`;
  };
  const gridLabel = (share: number) => `${(share * 100).toLocaleString('en-US', { maximumFractionDigits: 3 })}%`;
  const grid = Array.from({ length: highest - lowest + 1 }, (_, index) => {
    const share = 10 ** (lowest + index);
    const colour = share === 1 ? '#b03a2e' : '#cccccc';
    return (
      `<line x1="${x(share).toFixed(1)}" y1="${top}" x2="${x(share).toFixed(1)}" y2="${axisBottom}" stroke="${colour}"${share === 1 ? ' stroke-dasharray="4 3"' : ''}/>` +
      `<text x="${x(share).toFixed(1)}" y="${axisBottom + 16}" text-anchor="middle" fill="${share === 1 ? colour : '#555555'}">${gridLabel(share)}</text>`
    );
  });
  const bars = rows.map(([label, share], index) => {
    const y = top + index * rowHeight;
    const end = x(share);
    return [
      `<text x="${labelWidth - 10}" y="${y + 19}" text-anchor="end">${escapeXml(label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 5}" width="${Math.max(1, end - labelWidth).toFixed(1)}" height="${rowHeight - 10}" fill="#2f6f9f"/>`,
      `<text x="${(Math.max(labelWidth + 1, end) + 6).toFixed(1)}" y="${y + 19}">${percent(share)}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">Throughput as a share of the raw PostgreSQL commit rate (one run, log scale)</text>`,
    `<text x="10" y="42" fill="#555555">${escapeXml(`${report.startedAt}, ${report.infrastructure}`)}</text>`,
    ...grid,
    ...bars,
    `<text x="${width - 10}" y="${height - 6}" text-anchor="end" fill="#b03a2e">100% = the run's raw commits/s</text>`,
    '</svg>',
    '',
  ].join('\n');
}

export function writeReport(report: BenchReport): void {
  mkdirSync(dirname(REPORT_FILE), { recursive: true });
  writeFileSync(REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`);
  if (Object.keys(report.shareOfCommitRate).length > 0) writeFileSync(CHART_FILE, shareChart(report));
}
