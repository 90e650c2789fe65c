import { Calendar, Card, Flex, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type CalendarFilters, useCalendar } from '../../api/fv-oversight';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { todayString } from '../residents/dates';
import { CalendarDayList } from './CalendarDayList';
import { visitListLink } from './links';
import { MonthStepper } from './MonthStepper';
import { isMonth, thisMonth } from './months';
import { useMonthLabel } from './useMonthLabel';
import { CountySelect, UnitSelect } from './VisitFilters';
import './fv-oversight.css';

/** The calendar's month and filters stand in its URL, like a list's. */
function readFilters(params: URLSearchParams): { month: string; filters: CalendarFilters } {
  const month = params.get('month');
  const county = params.get('countyCode') ?? '';
  const unit = Number(params.get('unitId'));
  return {
    month: isMonth(month) ? month : thisMonth(),
    filters: {
      countyCode: /^\d{6}$/.test(county) ? county : undefined,
      unitId: Number.isInteger(unit) && unit > 0 ? unit : undefined,
    },
  };
}

/** 调研日历: how many visits start on each day of a month; a day opens the list of them. */
export default function VisitCalendarPage() {
  const t = useT();
  const isMobile = useIsMobile();
  const monthLabel = useMonthLabel();
  const [params, setParams] = useSearchParams();
  const { month, filters } = readFilters(params);
  const calendar = useCalendar(month, filters);

  const change = useCallback(
    (patch: Record<string, string | number | undefined>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const counts = useMemo(
    () => new Map((calendar.data?.days ?? []).map((day) => [day.date, day.count])),
    [calendar.data],
  );
  const total = (calendar.data?.days ?? []).reduce((sum, day) => sum + day.count, 0);
  const dayLink = (date: string) => visitListLink({ from: date, to: date, ...filters });

  return (
    <>
      <PageHeader title={t('fvo.calendar.title')} subtitle={t('fvo.calendar.subtitle')} />
      <Card styles={{ body: { padding: isMobile ? 12 : undefined } }}>
        <Flex gap={12} wrap align="center" vertical={isMobile} className="filter-bar">
          <MonthStepper
            block={isMobile}
            month={month}
            onChange={(next) => change({ month: next === thisMonth() ? undefined : next })}
          />
          <CountySelect
            block={isMobile}
            month={month}
            value={filters.countyCode}
            onChange={(countyCode) => change({ countyCode })}
          />
          <UnitSelect block={isMobile} value={filters.unitId} onChange={(unitId) => change({ unitId })} />
        </Flex>
        {calendar.isError ? (
          <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
        ) : !calendar.data ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <>
            <Typography.Paragraph type="secondary" className="fvo-cal-summary" data-testid="calendar-total">
              {t('fvo.calendar.total', { month: monthLabel(month), n: total })}
            </Typography.Paragraph>
            {isMobile ? (
              <CalendarDayList days={calendar.data.days} dayLink={dayLink} />
            ) : (
              <Calendar
                className="fvo-calendar"
                value={dayjs(`${month}-01`)}
                headerRender={() => null}
                onChange={(date: Dayjs) => {
                  // A day of the next or previous month, clicked in the grid, turns the page.
                  const next = date.format('YYYY-MM');
                  if (next !== month) change({ month: next === thisMonth() ? undefined : next });
                }}
                fullCellRender={(date: Dayjs, info) => {
                  if (info.type !== 'date') return info.originNode;
                  const key = date.format('YYYY-MM-DD');
                  return (
                    <DayCell
                      date={key}
                      inMonth={key.startsWith(month)}
                      count={counts.get(key) ?? 0}
                      to={dayLink(key)}
                    />
                  );
                }}
              />
            )}
          </>
        )}
      </Card>
    </>
  );
}

interface DayCellProps {
  date: string;
  inMonth: boolean;
  count: number;
  to: string;
}

/** One day of the grid: its number, and how many visits start on it as a link to them. */
function DayCell({ date, inMonth, count, to }: DayCellProps) {
  const t = useT();
  const today = date === todayString();
  const weekday = dayjs(date).day();
  const className = [
    'fvo-cal-cell',
    inMonth ? '' : 'fvo-cal-outside',
    today ? 'fvo-cal-today' : '',
    weekday === 0 || weekday === 6 ? 'fvo-cal-weekend' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} data-testid={inMonth ? `calendar-day-${date}` : undefined}>
      <span className="fvo-cal-date">{Number(date.slice(8))}</span>
      {inMonth && count > 0 ? (
        <Link
          to={to}
          className="fvo-cal-count"
          onClick={(event) => event.stopPropagation()}
          aria-label={t('fvo.calendar.dayLabel', { date, n: count })}
        >
          {t('fvo.calendar.count', { n: count })}
        </Link>
      ) : null}
    </div>
  );
}
