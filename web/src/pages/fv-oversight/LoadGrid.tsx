import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Select, Skeleton, Typography } from 'antd';
import { Fragment, useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { MonthLoad } from '../../api/fieldvisits';
import { useMonthLoads } from '../../api/fv-oversight';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import { useT } from '../../i18n';
import { useCountyGroups } from './countyGroups';
import { HeatLegend } from './HeatLegend';
import { HEAT_STYLES, heatLevel } from './heat';
import { visitListLink } from './links';
import { defaultStart, type LoadSpan, type LoadView, type LoadViewPatch } from './loadView';
import { addMonths, monthRange, thisMonth } from './months';
import { useMonthLabel } from './useMonthLabel';

const NAME_WIDTH = 250;
const TOTAL_WIDTH = 84;
const MONTH_MIN_WIDTH = 64;

interface LoadGridProps {
  view: LoadView;
  onChange: (patch: LoadViewPatch) => void;
}

/** Counties (rows, grouped by prefecture) by months (columns); a cell opens that month's visits. */
export function LoadGrid({ view, onChange }: LoadGridProps) {
  const t = useT();
  const monthLabel = useMonthLabel();
  const months = useMemo(() => monthRange(view.start, view.span), [view.start, view.span]);
  const results = useMonthLoads(months);
  const current = thisMonth();

  // Every month lists the same counties (all of the caller's scope); the first answer gives them.
  const first = results.find((r) => r.data)?.data;
  const byMonth = useMemo(() => {
    const map = new Map<string, Map<string, number>>();
    results.forEach((r, i) => {
      if (r.data) map.set(months[i] as string, new Map(r.data.items.map((c) => [c.countyCode, c.count])));
    });
    return map;
  }, [results, months]);
  const counties = useMemo(
    () => first?.items.map((c) => ({ code: c.countyCode, name: c.countyName })),
    [first],
  );
  const { groups } = useCountyGroups(counties);
  const shown = view.prefecture ? groups.filter((g) => g.code === view.prefecture) : groups;
  const failed = results.filter((r) => r.isError);
  const max = first?.max ?? 0;

  const countOf = (county: string, month: string) => byMonth.get(month)?.get(county);
  const sumOf = (codes: string[], month: string) => {
    const counts = byMonth.get(month);
    return counts ? codes.reduce((sum, code) => sum + (counts.get(code) ?? 0), 0) : undefined;
  };
  const total = (values: (number | undefined)[]) =>
    values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const allCodes = shown.flatMap((g) => g.counties.map((c) => c.code));

  return (
    <Card>
      <Flex gap={12} wrap align="center" className="filter-bar">
        <Flex gap={4} align="center">
          <Button
            icon={<LeftOutlined />}
            aria-label={t('fvo.load.earlier')}
            title={t('fvo.load.earlier')}
            onClick={() => onChange({ start: addMonths(view.start, -1) })}
          />
          <Typography.Text strong className="fvo-range" data-testid="load-range">
            {monthLabel(months[0] as string)} – {monthLabel(months[months.length - 1] as string)}
          </Typography.Text>
          <Button
            icon={<RightOutlined />}
            aria-label={t('fvo.load.later')}
            title={t('fvo.load.later')}
            onClick={() => onChange({ start: addMonths(view.start, 1) })}
          />
        </Flex>
        <Button
          onClick={() => onChange({ start: undefined })}
          disabled={view.start === defaultStart(view.span)}
        >
          {t('fvo.thisMonth')}
        </Button>
        <Segmented<LoadSpan>
          value={view.span}
          options={[
            { value: 6, label: t('fvo.load.months', { n: 6 }) },
            { value: 12, label: t('fvo.load.months', { n: 12 }) },
          ]}
          onChange={(span) => onChange({ span: span === 6 ? undefined : span, start: undefined })}
        />
        {groups.length > 1 ? (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('fvo.allPrefectures')}
            aria-label={t('fvo.prefecture')}
            value={view.prefecture}
            onChange={(prefecture: string | undefined) => onChange({ prefecture })}
            options={groups.map((g) => ({ value: g.code, label: g.name }))}
            style={{ width: 200 }}
          />
        ) : null}
      </Flex>
      {first ? <HeatLegend max={max} /> : null}
      {failed.length > 0 ? (
        <div className="fvo-block">
          <QueryError error={failed[0]?.error} onRetry={() => failed.forEach((r) => void r.refetch())} />
        </div>
      ) : null}
      {!first ? (
        failed.length > 0 ? null : (
          <Skeleton active paragraph={{ rows: 8 }} />
        )
      ) : shown.length === 0 ? (
        <EmptyState />
      ) : (
        <div className="fvo-load-scroll">
          <table
            className="fvo-load-table"
            data-testid="load-table"
            // Fixed layout: the months share the width evenly, the names keep theirs.
            style={{ minWidth: NAME_WIDTH + TOTAL_WIDTH + months.length * MONTH_MIN_WIDTH }}
          >
            <colgroup>
              <col style={{ width: NAME_WIDTH }} />
              {months.map((month) => (
                <col key={month} />
              ))}
              <col style={{ width: TOTAL_WIDTH }} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col" className="fvo-load-name">
                  {t('fvo.county')}
                </th>
                {months.map((month) => (
                  <th
                    key={month}
                    scope="col"
                    className={month === current ? 'fvo-load-now' : undefined}
                    aria-current={month === current ? 'date' : undefined}
                  >
                    {monthLabel(month, month !== months[0] && !month.endsWith('-01'))}
                    {month === current ? <span className="fvo-load-now-tag">{t('fvo.load.now')}</span> : null}
                  </th>
                ))}
                <th scope="col" className="fvo-load-total">
                  {t('fvo.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((group) => {
                const codes = group.counties.map((c) => c.code);
                const sums = months.map((month) => sumOf(codes, month));
                return (
                  <Fragment key={group.code}>
                    <tr className="fvo-load-group">
                      <th scope="rowgroup" className="fvo-load-name">
                        {group.name}
                        <span className="fvo-load-sub">
                          {t('fvo.load.countyCount', { n: group.counties.length })}
                        </span>
                      </th>
                      {sums.map((sum, i) => (
                        <td key={months[i]}>{sum ?? ''}</td>
                      ))}
                      <td className="fvo-load-total">{total(sums)}</td>
                    </tr>
                    {group.counties.map((county) => {
                      const counts = months.map((month) => countOf(county.code, month));
                      return (
                        <tr key={county.code}>
                          <th scope="row" className="fvo-load-name fvo-load-county">
                            {county.name}
                            <span className="fvo-load-sub">{county.code}</span>
                          </th>
                          {counts.map((count, i) => (
                            <LoadCell
                              key={months[i]}
                              county={county}
                              month={months[i] as string}
                              count={count}
                              max={max}
                            />
                          ))}
                          <td className="fvo-load-total">{total(counts)}</td>
                        </tr>
                      );
                    })}
                  </Fragment>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="fvo-load-name">
                  {view.prefecture || groups.length <= 1 ? t('fvo.total') : t('fvo.load.provinceTotal')}
                </th>
                {months.map((month) => (
                  <td key={month}>{sumOf(allCodes, month) ?? ''}</td>
                ))}
                <td className="fvo-load-total">{total(months.map((month) => sumOf(allCodes, month)))}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </Card>
  );
}

interface LoadCellProps {
  county: { code: string; name: string };
  month: string;
  count: number | undefined;
  max: MonthLoad['max'];
}

function LoadCell({ county, month, count, max }: LoadCellProps) {
  const t = useT();
  const monthLabel = useMonthLabel();
  if (count === undefined) return <td className="fvo-load-cell fvo-load-pending" aria-busy="true" />;
  const level = heatLevel(count, max);
  return (
    <td className="fvo-load-cell" style={HEAT_STYLES[level]}>
      <Link
        to={visitListLink({ countyCode: county.code, month })}
        className={level >= 4 ? 'fvo-load-over' : undefined}
        data-testid={`load-cell-${county.code}-${month}`}
        aria-label={t('fvo.load.cellLabel', { county: county.name, month: monthLabel(month), n: count })}
      >
        {count}
      </Link>
    </td>
  );
}
