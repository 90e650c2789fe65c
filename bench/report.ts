import type { Figures } from './measure.js';

/** One scenario's figures on both sides. */
export interface Row {
  name: string;
  server: Figures;
  baseline: Figures;
}

const HEADER = [
  'scenario',
  'server req/s',
  'p50 ms',
  'p99 ms',
  'baseline req/s',
  'p50 ms',
  'p99 ms',
  'ratio',
];

/** Any answer that was not a 2xx, or a connection error, makes the figure worthless: flag it. */
const flag = (f: Figures) => (f.failed > 0 ? ` (!${f.failed} failed)` : '');
const ms = (value: number) =>
  Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(1) : String(Math.round(value));

function cells(row: Row): string[] {
  const side = (f: Figures) => [`${Math.round(f.requestsPerSecond)}${flag(f)}`, ms(f.p50), ms(f.p99)];
  const ratio = row.server.requestsPerSecond / row.baseline.requestsPerSecond;
  return [row.name, ...side(row.server), ...side(row.baseline), ratio.toFixed(2)];
}

/** A table aligned for the terminal. */
export function textTable(rows: Row[]): string {
  const body = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...body.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...body.slice(1).map(line)].join('\n');
}

/** The same table as markdown, to paste into an issue note or docs/benchmarks.md. */
export function markdownTable(rows: Row[]): string {
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  const align = `|${HEADER.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`;
  return [line(HEADER), align, ...rows.map((r) => line(cells(r)))].join('\n');
}
