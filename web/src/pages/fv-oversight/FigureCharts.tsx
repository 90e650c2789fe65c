import { Card } from 'antd';
import { type ReactNode, useMemo } from 'react';
import type { FigureSet, FiguresAnswer } from '../../api/fv-oversight';
import { EChart } from '../../components/EChart';
import { EmptyState } from '../../components/EmptyState';
import { type Translate, useT } from '../../i18n';
import { barsHeight, horizontalBars, monthLine, SERIES_COLORS, type Series } from './figureCharts';
import { addMonths } from './months';
import { useMonthLabel } from './useMonthLabel';
import { WARNING_KINDS } from './warningKinds';

/** The counties' bar chart shows the busiest; the table beside it has them all. */
export const TOP_COUNTIES = 20;
const MONTH_CHART_HEIGHT = 280;

interface Part {
  name: string;
  figures: FigureSet;
  color: string;
}

const isSplit = (data: FiguresAnswer) => !!(data.before && data.after);

/** The whole period, or its two parts around the split date, each drawn in its own colour. */
function partsOf(data: FiguresAnswer, t: Translate): Part[] {
  if (data.before && data.after) {
    return [
      { name: t('fvo.figures.before'), figures: data.before, color: SERIES_COLORS.before },
      { name: t('fvo.figures.after'), figures: data.after, color: SERIES_COLORS.after },
    ];
  }
  return [{ name: t('fvo.figures.filings'), figures: data.whole, color: SERIES_COLORS.whole }];
}

/** Categories ordered by the whole period, each part's count looked up by key. */
function barsOf<Item>(
  whole: Item[],
  parts: Part[],
  list: (f: FigureSet) => Item[],
  key: (item: Item) => string,
  value: (item: Item) => number,
) {
  const series: Series[] = parts.map((part) => {
    const counts = new Map(list(part.figures).map((item) => [key(item), value(item)]));
    return { name: part.name, color: part.color, values: whole.map((item) => counts.get(key(item)) ?? 0) };
  });
  return series;
}

function ChartCard({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} extra={extra} size="small" className="fvo-chart-card">
      {children}
    </Card>
  );
}

export function ByUnitChart({ data }: { data: FiguresAnswer }) {
  const t = useT();
  const grouped = isSplit(data);
  const units = useMemo(
    () => [...data.whole.byUnit].sort((a, b) => b.count - a.count || a.unitName.localeCompare(b.unitName)),
    [data.whole.byUnit],
  );
  const option = useMemo(
    () =>
      horizontalBars(
        units.map((u) => u.unitName),
        barsOf(
          units,
          partsOf(data, t),
          (f) => f.byUnit,
          (u) => String(u.unitId),
          (u) => u.count,
        ),
      ),
    [units, data, t],
  );
  return (
    <ChartCard title={t('fvo.figures.byUnit')}>
      {units.length === 0 ? (
        <EmptyState />
      ) : (
        <EChart
          option={option}
          height={barsHeight(units.length, grouped)}
          ariaLabel={`${t('fvo.figures.byUnit')}${t('common.colon')}${units.map((u) => `${u.unitName} ${u.count}`).join('，')}`}
          data-testid="figures-by-unit"
        />
      )}
    </ChartCard>
  );
}

export function ByCountyChart({ data }: { data: FiguresAnswer }) {
  const t = useT();
  const grouped = isSplit(data);
  const top = useMemo(
    () =>
      [...data.whole.byCounty]
        .sort((a, b) => b.count - a.count || a.countyCode.localeCompare(b.countyCode))
        .slice(0, TOP_COUNTIES),
    [data.whole.byCounty],
  );
  const option = useMemo(
    () =>
      horizontalBars(
        top.map((c) => c.countyName),
        barsOf(
          top,
          partsOf(data, t),
          (f) => f.byCounty,
          (c) => c.countyCode,
          (c) => c.count,
        ),
      ),
    [top, data, t],
  );
  return (
    <ChartCard title={t('fvo.figures.byCountyTop', { n: TOP_COUNTIES })}>
      {top.length === 0 ? (
        <EmptyState />
      ) : (
        <EChart
          option={option}
          height={barsHeight(top.length, grouped)}
          ariaLabel={`${t('fvo.figures.byCountyTop', { n: TOP_COUNTIES })}${t('common.colon')}${top.map((c) => `${c.countyName} ${c.count}`).join('，')}`}
          data-testid="figures-by-county"
        />
      )}
    </ChartCard>
  );
}

/** Every month from the period's first to its last, so an empty month shows as 0, not as a gap. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (
    let month = from.slice(0, 7);
    month <= to.slice(0, 7) && months.length < 240;
    month = addMonths(month, 1)
  ) {
    months.push(month);
  }
  return months;
}

export function ByMonthChart({ data }: { data: FiguresAnswer }) {
  const t = useT();
  const monthLabel = useMonthLabel();
  const option = useMemo(() => {
    const months = monthsOf(data.whole.from, data.whole.to);
    const series: Series[] = partsOf(data, t).map((part) => {
      const counts = new Map(part.figures.byMonth.map((m) => [m.month, m.count]));
      const first = part.figures.from.slice(0, 7);
      const last = part.figures.to.slice(0, 7);
      return {
        name: part.name,
        color: part.color,
        values: months.map((m) => (m < first || m > last ? null : (counts.get(m) ?? 0))),
      };
    });
    return monthLine(
      months.map((m, i) => monthLabel(m, i > 0 && !m.endsWith('-01'))),
      series,
    );
  }, [data, t, monthLabel]);
  return (
    <ChartCard title={t('fvo.figures.byMonth')}>
      <EChart
        option={option}
        height={MONTH_CHART_HEIGHT}
        ariaLabel={`${t('fvo.figures.byMonth')}${t('common.colon')}${data.whole.byMonth.map((m) => `${m.month} ${m.count}`).join('，')}`}
        data-testid="figures-by-month"
      />
    </ChartCard>
  );
}

export function WarningsChart({ data }: { data: FiguresAnswer }) {
  const t = useT();
  const option = useMemo(() => {
    const series: Series[] = partsOf(data, t).map((part) => {
      const counts = new Map(part.figures.warningsByKind.map((w) => [w.code, w.count]));
      return {
        name: part.name,
        color: part.color,
        values: WARNING_KINDS.map((k) => counts.get(k.code) ?? 0),
      };
    });
    return horizontalBars(
      WARNING_KINDS.map((k) => t(k.label)),
      series,
    );
  }, [data, t]);
  const counts = new Map(data.whole.warningsByKind.map((w) => [w.code, w.count]));
  return (
    <ChartCard title={t('fvo.figures.warnings')}>
      <EChart
        option={option}
        // As tall as the month line beside it.
        height={Math.max(MONTH_CHART_HEIGHT, barsHeight(WARNING_KINDS.length, isSplit(data)))}
        ariaLabel={`${t('fvo.figures.warnings')}${t('common.colon')}${WARNING_KINDS.map((k) => `${t(k.label)} ${counts.get(k.code) ?? 0}`).join('，')}`}
        data-testid="figures-warnings"
      />
    </ChartCard>
  );
}
