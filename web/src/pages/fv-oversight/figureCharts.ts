import type { ChartOption } from '../../components/EChart';

/** One set of bars or one line: the whole period, or the part before / after the split date. */
export interface Series {
  name: string;
  values: (number | null)[];
  color: string;
}

export const SERIES_COLORS = { whole: '#2f6fb0', before: '#a6b3c2', after: '#b7312c' } as const;

const AXIS_LABEL = { color: 'rgba(0,0,0,0.65)', fontSize: 12 };
const SPLIT_LINE = { lineStyle: { color: '#f0f0f0' } };

/** The tooltip is HTML; unit and county names come from the database. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function legendOf(series: Series[]): ChartOption['legend'] {
  return series.length > 1
    ? { top: 0, left: 0, itemWidth: 12, itemHeight: 10, textStyle: { color: 'rgba(0,0,0,0.65)' } }
    : { show: false };
}

/**
 * Horizontal bars, one row per category (a unit, a county, a warning kind), the first at the top;
 * with two series (before / after), grouped.
 */
export function horizontalBars(categories: string[], series: Series[]): ChartOption {
  const grouped = series.length > 1;
  return {
    animationDuration: 300,
    legend: legendOf(series),
    grid: {
      left: 4,
      right: 40,
      top: grouped ? 28 : 4,
      bottom: 4,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const items = Array.isArray(params) ? params : [params];
        const head = items[0] ? escapeHtml(String(items[0].name)) : '';
        return [
          head,
          ...items.map((p) => `${p.marker}${escapeHtml(String(p.seriesName))}：${p.value ?? 0}`),
        ].join('<br/>');
      },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
    yAxis: {
      type: 'category',
      inverse: true,
      data: categories,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#d9d9d9' } },
      axisLabel: { ...AXIS_LABEL, color: 'rgba(0,0,0,0.8)' },
    },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      barMaxWidth: grouped ? 10 : 16,
      itemStyle: { color: s.color, borderRadius: [0, 3, 3, 0] },
      label: { show: true, position: 'right', color: 'rgba(0,0,0,0.7)', fontSize: 11 },
    })),
  };
}

/** Filings per month as a line; split into before / after, each part its own colour. */
export function monthLine(months: string[], series: Series[]): ChartOption {
  return {
    animationDuration: 300,
    legend: legendOf(series),
    grid: {
      left: 4,
      right: 16,
      top: series.length > 1 ? 32 : 12,
      bottom: 4,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: months,
      boundaryGap: false,
      axisLabel: AXIS_LABEL,
      axisLine: { lineStyle: { color: '#d9d9d9' } },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      data: s.values,
      // A part's line stops where the other part's starts (nulls leave a gap).
      connectNulls: false,
      symbolSize: 7,
      lineStyle: { color: s.color, width: 2 },
      itemStyle: { color: s.color },
      areaStyle: { color: s.color, opacity: 0.08 },
      label: { show: months.length <= 12, position: 'top', color: 'rgba(0,0,0,0.6)', fontSize: 11 },
    })),
  };
}

/** A chart's height for `rows` categories of horizontal bars. */
export const barsHeight = (rows: number, grouped: boolean) =>
  Math.max(160, rows * (grouped ? 34 : 26) + (grouped ? 40 : 12));
