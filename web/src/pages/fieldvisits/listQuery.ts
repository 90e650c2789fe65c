import { useCallback, useMemo } from 'react';
import type { VisitQuery, VisitStatus } from '../../api/fieldvisits';
import { rememberedList, useUrlList } from '../../components/useUrlList';
import { STATUS_KEYS } from './vocabulary';

/**
 * The list's filters as they stand in the URL (`/field-visits?month=2026-12&county=532301`), so
 * the list can be reloaded and shared, and the calendar can link to one day (`?from=&to=`).
 * `view` is the reviewer's 待审核 / 全部 and the reporter's 报备 / 联合调研申请.
 */
export interface VisitFilters {
  view?: 'all' | 'joins';
  month?: string;
  county?: string;
  unit?: number;
  status?: VisitStatus;
  from?: string;
  to?: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function readFilters(params: URLSearchParams): VisitFilters {
  const view = params.get('view');
  const unit = Number(params.get('unit'));
  const status = params.get('status');
  const date = (key: string) => {
    const value = params.get(key) ?? '';
    return DATE.test(value) ? value : undefined;
  };
  return {
    view: view === 'all' || view === 'joins' ? view : undefined,
    month: /^\d{4}-(0[1-9]|1[0-2])$/.test(params.get('month') ?? '')
      ? (params.get('month') ?? undefined)
      : undefined,
    county: /^\d{6}$/.test(params.get('county') ?? '') ? (params.get('county') ?? undefined) : undefined,
    unit: Number.isInteger(unit) && unit > 0 ? unit : undefined,
    status: status !== null && Object.hasOwn(STATUS_KEYS, status) ? (status as VisitStatus) : undefined,
    from: date('from'),
    to: date('to'),
  };
}

const LAST_LIST_KEY = 'jiceng.fieldVisits.lastList';
const FILTER_KEYS = ['month', 'county', 'unit', 'status', 'from', 'to'] as const;

/** The list as last seen, so that 返回列表 on a filing goes back to it. */
export const lastListPath = () => rememberedList('/field-visits', LAST_LIST_KEY);

/**
 * `reviewer`: the list opens on the reviewer's 待审核 (`queue`), where the status is fixed to
 * pending_review (the flagged ones, soonest first); `view=all` shows everything.
 */
export function useVisitListQuery(reviewer: boolean) {
  const { params, page, pageSize, setFilters, setPage, clearFilters } =
    useUrlList<VisitFilters>(LAST_LIST_KEY);
  const filters = useMemo(() => readFilters(params), [params]);
  const queue = reviewer && filters.view !== 'all';
  const query: VisitQuery = {
    month: filters.month,
    countyCode: filters.county,
    unitId: filters.unit,
    status: queue ? 'pending_review' : filters.status,
    from: filters.from,
    to: filters.to,
    page,
    pageSize,
  };
  const clear = useCallback(() => clearFilters(FILTER_KEYS), [clearFilters]);
  const active = [
    filters.month,
    filters.county,
    filters.unit,
    queue ? undefined : filters.status,
    filters.from ?? filters.to,
  ].filter((value) => value !== undefined).length;
  return { filters, query, queue, page, pageSize, active, setFilters, setPage, clearFilters: clear };
}
