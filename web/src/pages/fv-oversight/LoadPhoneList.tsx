import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMonthLoad } from '../../api/fieldvisits';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import { useT } from '../../i18n';
import { prefectureOf, useCountyGroups } from './countyGroups';
import { HeatLegend } from './HeatLegend';
import { HEAT_STYLES, heatLevel } from './heat';
import { visitListLink } from './links';
import type { LoadView, LoadViewPatch } from './loadView';
import { MonthStepper } from './MonthStepper';
import { thisMonth } from './months';

interface LoadPhoneListProps {
  view: LoadView;
  onChange: (patch: LoadViewPatch) => void;
}

/**
 * A phone shows one month: the counties by load, the busiest first. Counties with no visit that
 * month are folded away behind a button (most of 129 would be zeros).
 */
export function LoadPhoneList({ view, onChange }: LoadPhoneListProps) {
  const t = useT();
  const load = useMonthLoad(view.month);
  const [showIdle, setShowIdle] = useState(false);
  const counties = useMemo(
    () => load.data?.items.map((c) => ({ code: c.countyCode, name: c.countyName })),
    [load.data],
  );
  const { groups, prefectureName } = useCountyGroups(counties);
  const max = load.data?.max ?? 0;

  const sorted = useMemo(
    () =>
      (load.data?.items ?? [])
        .filter((c) => !view.prefecture || prefectureOf(c.countyCode) === view.prefecture)
        .sort((a, b) => b.count - a.count || a.countyCode.localeCompare(b.countyCode)),
    [load.data, view.prefecture],
  );
  const busy = sorted.filter((c) => c.count > 0);
  const idle = sorted.filter((c) => c.count === 0);
  const above = busy.filter((c) => c.count > max).length;

  return (
    <Card styles={{ body: { padding: 12 } }}>
      <Flex vertical gap={12} className="filter-bar">
        <MonthStepper
          block
          month={view.month}
          onChange={(month) => onChange({ month: month === thisMonth() ? undefined : month })}
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
          />
        ) : null}
      </Flex>
      {load.isError ? (
        <QueryError error={load.error} onRetry={() => void load.refetch()} />
      ) : !load.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <HeatLegend max={max} />
          <Typography.Paragraph type="secondary" className="fvo-phone-summary">
            {t('fvo.load.phoneSummary', { busy: busy.length, above })}
          </Typography.Paragraph>
          {busy.length === 0 && !showIdle ? <EmptyState description={t('fvo.load.noneThisMonth')} /> : null}
          <ul className="fvo-load-list" data-testid="load-list">
            {[...busy, ...(showIdle ? idle : [])].map((county) => {
              const level = heatLevel(county.count, max);
              return (
                <li key={county.countyCode}>
                  <Link
                    to={visitListLink({ countyCode: county.countyCode, month: view.month })}
                    className="fvo-load-item"
                    data-testid={`load-row-${county.countyCode}`}
                  >
                    <span className="fvo-load-badge" style={HEAT_STYLES[level]} data-testid="load-count">
                      {county.count}
                    </span>
                    <span className="fvo-load-item-text">
                      <span className="fvo-load-item-name">{county.countyName}</span>
                      <span className="fvo-load-sub">{prefectureName(prefectureOf(county.countyCode))}</span>
                    </span>
                    {county.count > max ? (
                      <span className="fvo-over-tag">{t('fvo.legend.aboveLine')}</span>
                    ) : null}
                    <RightOutlined className="fvo-chevron" />
                  </Link>
                </li>
              );
            })}
          </ul>
          {idle.length > 0 ? (
            <Button type="link" block onClick={() => setShowIdle((v) => !v)}>
              {showIdle ? t('fvo.load.hideIdle') : t('fvo.load.showIdle', { n: idle.length })}
            </Button>
          ) : null}
        </>
      )}
    </Card>
  );
}
