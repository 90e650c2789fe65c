import { addDays, dateInShanghai } from '../../platform/clock.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { invalidField } from '../../platform/errors.js';
import { addMessages, type Lang } from '../../platform/i18n.js';
import { mapPage, type PageRequest } from '../../platform/pagination.js';
import type { VisitFilter } from './fieldvisits.repository.js';
import * as figures from './figures.repository.js';
import type { CalendarQuery, CalendarView, Figures, FiguresQuery, FiguresView } from './figures.schemas.js';
import { currentThresholds } from './thresholds.service.js';
import { readerFilter } from './visit-access.js';
import { OWES_RESULT, presentVisits } from './visit-present.js';

addMessages({
  FV_RANGE_ORDER: { zh: '结束日期不能早于开始日期', en: 'The end of the range is before its start' },
  FV_SPLIT_RANGE: {
    zh: '对比日期须在统计区间之内（晚于开始日期）',
    en: 'The date to compare around must fall after the start of the range and within it',
  },
});

const noFigures = (from: string, to: string): Figures => ({
  from,
  to,
  total: 0,
  byUnit: [],
  byCounty: [],
  byMonth: [],
  warningsByKind: [],
  flagged: 0,
  reviewed: 0,
  reviewedPermille: null,
  countiesAboveLine: [],
});

async function figuresOf(
  ctx: AppContext,
  scope: VisitFilter,
  from: string,
  to: string,
  line: number,
): Promise<Figures> {
  const visits = { ...scope, from, to };
  const counties = { prefix: scope.countyPrefix ?? '', unitId: scope.unitId, from, to };
  const [totals, units, months, countyCounts, above] = await Promise.all([
    figures.totals(ctx.db, visits),
    figures.byUnit(ctx.db, visits),
    figures.byMonth(ctx.db, visits),
    figures.byCounty(ctx.db, counties),
    figures.aboveLine(ctx.db, counties, line),
  ]);
  return {
    from,
    to,
    total: totals.total,
    byUnit: units.map((u) => ({ unitId: Number(u.unit_id), unitName: u.name, count: Number(u.n) })),
    byCounty: countyCounts.map((c) => ({
      countyCode: c.county_code,
      countyName: c.name,
      count: Number(c.n),
    })),
    byMonth: months.map((m) => ({ month: m.month, count: Number(m.n) })),
    warningsByKind: totals.warnings,
    flagged: totals.flagged,
    reviewed: totals.reviewed,
    // Integer arithmetic: thousandths, rounded down.
    reviewedPermille: totals.flagged === 0 ? null : Math.floor((totals.reviewed * 1000) / totals.flagged),
    countiesAboveLine: above.map((a) => ({
      countyCode: a.county_code,
      countyName: a.name,
      month: a.month,
      count: Number(a.n),
    })),
  };
}

/**
 * 统计: filings by unit, county and month, warnings by kind, the share of flagged filings the
 * reviewer decided, and the counties' months above today's line; with `split`, the same for
 * before and after that date, to show whether the burden fell.
 */
export async function fieldVisitFigures(
  ctx: AppContext,
  actor: Actor,
  q: FiguresQuery,
): Promise<FiguresView> {
  if (q.to < q.from) throw invalidField('/to', 'FV_RANGE_ORDER');
  if (q.split !== undefined && (q.split <= q.from || q.split > q.to))
    throw invalidField('/split', 'FV_SPLIT_RANGE');
  const scope = await readerFilter(ctx, actor);
  const line = (await currentThresholds(ctx)).county_month_max;
  const of = (from: string, to: string) =>
    scope === null ? Promise.resolve(noFigures(from, to)) : figuresOf(ctx, scope, from, to, line);
  const [whole, before, after] = await Promise.all([
    of(q.from, q.to),
    q.split ? of(q.from, addDays(q.split, -1)) : null,
    q.split ? of(q.split, q.to) : null,
  ]);
  return { whole, before, after };
}

/** 调研日历: how many visits start on each day of a month. */
export async function visitCalendar(ctx: AppContext, actor: Actor, q: CalendarQuery): Promise<CalendarView> {
  const scope = await readerFilter(ctx, actor);
  if (scope === null) return { month: q.month, days: [] };
  const days = await figures.byDay(ctx.db, {
    ...scope,
    ...(q.unitId !== undefined && scope.unitId === undefined ? { unitId: q.unitId } : {}),
    ...(q.countyCode ? { countyCode: q.countyCode } : {}),
    from: `${q.month}-01`,
    to: `${q.month}-31`,
  });
  return { month: q.month, days: days.map((d) => ({ date: d.start_date, count: Number(d.n) })) };
}

/** 成果逾期: visits that owe a result past its due date. */
export async function overdueResults(ctx: AppContext, actor: Actor, q: Partial<PageRequest>, lang: Lang) {
  const page = { page: q.page ?? 1, pageSize: q.pageSize ?? 20 };
  const scope = await readerFilter(ctx, actor);
  if (scope === null) return { items: [], total: 0, ...page };
  const rows = await figures.overdue(ctx.db, scope, OWES_RESULT, dateInShanghai(ctx.clock.now()), page);
  return mapPage(rows, await presentVisits(ctx, rows.items, lang));
}
