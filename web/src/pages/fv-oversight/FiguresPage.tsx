import { Card, Col, DatePicker, Flex, Row, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { downloadFigures, type FiguresFilters, useFigures } from '../../api/fv-oversight';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { todayString } from '../residents/dates';
import { ByCountyChart, ByMonthChart, ByUnitChart, WarningsChart } from './FigureCharts';
import { FigureStats } from './FigureStats';
import { AboveLineTable, CountyTable } from './FigureTables';
import { isDay } from './months';
import './fv-oversight.css';

const DAY = 'YYYY-MM-DD';

/** The period and split date from the URL; this year so far unless the URL says otherwise. */
function readQuery(params: URLSearchParams): FiguresFilters {
  const today = todayString();
  const fromParam = params.get('from');
  const toParam = params.get('to');
  const splitParam = params.get('split');
  const from = isDay(fromParam) ? fromParam : `${today.slice(0, 4)}-01-01`;
  const to = isDay(toParam) && toParam >= from ? toParam : ([from, today].sort()[1] as string);
  // A split date cuts the period in two: it must fall after its first day and not after its last.
  const split = isDay(splitParam) && splitParam > from && splitParam <= to ? splitParam : undefined;
  return { from, to, split };
}

/**
 * 统计分析: filings by unit, county and month, warnings by kind, the share reviewed and the
 * counties above the line; with a split date, the same before and after it (to show whether a
 * measure lightened the counties' burden).
 */
export default function FiguresPage() {
  const t = useT();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const figures = useFigures(query);

  const change = useCallback(
    (patch: Partial<FiguresFilters>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const year = dayjs(todayString());
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('fvo.figures.thisYear'), value: [year.startOf('year'), year] },
    { label: t('fvo.figures.last12'), value: [year.subtract(12, 'month').add(1, 'day'), year] },
    {
      label: t('fvo.figures.lastYear'),
      value: [year.subtract(1, 'year').startOf('year'), year.subtract(1, 'year').endOf('year')],
    },
  ];
  const splitPicker = (
    <DatePicker
      allowClear
      placeholder={t('fvo.figures.splitPlaceholder')}
      aria-label={t('fvo.figures.split')}
      value={query.split ? dayjs(query.split) : null}
      disabledDate={(day) => {
        const d = day.format(DAY);
        return d <= query.from || d > query.to;
      }}
      onChange={(day) => change({ split: day ? day.format(DAY) : undefined })}
      style={{ width: isMobile ? '100%' : 200 }}
      data-testid="figures-split"
    />
  );

  return (
    <>
      <PageHeader
        title={t('fvo.figures.title')}
        subtitle={t('fvo.figures.subtitle')}
        extra={<ExportButton label={t('fvo.figures.export')} run={() => downloadFigures(query)} />}
      />
      <Card className="fvo-block" styles={{ body: { padding: isMobile ? 12 : undefined } }}>
        <Flex gap={12} wrap align={isMobile ? 'stretch' : 'center'} vertical={isMobile}>
          {isMobile ? (
            <Flex gap={8} style={{ width: '100%' }}>
              <DatePicker
                allowClear={false}
                aria-label={t('fvo.figures.from')}
                value={dayjs(query.from)}
                onChange={(day) => day && change({ from: day.format(DAY) })}
                style={{ flex: 1 }}
              />
              <DatePicker
                allowClear={false}
                aria-label={t('fvo.figures.to')}
                value={dayjs(query.to)}
                onChange={(day) => day && change({ to: day.format(DAY) })}
                style={{ flex: 1 }}
              />
            </Flex>
          ) : (
            <DatePicker.RangePicker
              allowClear={false}
              aria-label={t('fvo.figures.period')}
              value={[dayjs(query.from), dayjs(query.to)]}
              presets={presets}
              onChange={(range) => {
                const [from, to] = range ?? [];
                if (from && to) change({ from: from.format(DAY), to: to.format(DAY) });
              }}
              data-testid="figures-range"
            />
          )}
          {splitPicker}
          <Typography.Text type="secondary" className="fvo-hint">
            {t('fvo.figures.splitHint')}
          </Typography.Text>
        </Flex>
      </Card>
      {figures.isError ? (
        <QueryError error={figures.error} onRetry={() => void figures.refetch()} />
      ) : !figures.data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <Flex vertical gap={16} style={{ opacity: figures.isPlaceholderData ? 0.6 : 1 }}>
          <FigureStats data={figures.data} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <ByMonthChart data={figures.data} />
            </Col>
            <Col xs={24} xl={12}>
              <WarningsChart data={figures.data} />
            </Col>
            <Col xs={24} xl={12}>
              <ByUnitChart data={figures.data} />
            </Col>
            <Col xs={24} xl={12}>
              <ByCountyChart data={figures.data} />
            </Col>
            <Col xs={24} xl={12}>
              <CountyTable data={figures.data} />
            </Col>
            <Col xs={24} xl={12}>
              <AboveLineTable data={figures.data} />
            </Col>
          </Row>
        </Flex>
      )}
    </>
  );
}
