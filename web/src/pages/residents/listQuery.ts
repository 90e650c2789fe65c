import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Hukou, ResidentQuery, ResidentStatus } from '../../api/residents';
import { HUKOU_KEYS, STATUS_KEYS } from './vocabulary';

/**
 * The list's filters as they stand in the URL (`/residents?q=wxm&tag=living_alone&overdue=1`),
 * so a list can be reloaded, bookmarked and sent to a colleague. Anything unreadable is dropped.
 */
export interface ListFilters {
  q?: string;
  grid?: string;
  tag?: string;
  hukou?: Hukou;
  status?: ResidentStatus;
  ageMin?: number;
  ageMax?: number;
  overdue?: boolean;
  deleted?: boolean;
}

export const PAGE_SIZES = [20, 50, 100];

const age = (raw: string | null) => {
  if (raw === null || !/^\d{1,3}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= 150 ? n : undefined;
};
const oneOf = <T extends string>(keys: Record<T, unknown>, raw: string | null): T | undefined =>
  raw !== null && Object.hasOwn(keys, raw) ? (raw as T) : undefined;

export function readFilters(params: URLSearchParams): ListFilters {
  return {
    q: params.get('q')?.trim() || undefined,
    grid: /^\d{6,15}$/.test(params.get('grid') ?? '') ? (params.get('grid') ?? undefined) : undefined,
    tag: params.get('tag') || undefined,
    hukou: oneOf(HUKOU_KEYS, params.get('hukou')),
    status: oneOf(STATUS_KEYS, params.get('status')),
    ageMin: age(params.get('ageMin')),
    ageMax: age(params.get('ageMax')),
    overdue: params.get('overdue') === '1' || undefined,
    deleted: params.get('deleted') === '1' || undefined,
  };
}

/** How many filters (besides the search and the deleted switch) narrow the list. */
export function activeFilterCount(filters: ListFilters): number {
  const { grid, tag, hukou, status, ageMin, ageMax, overdue } = filters;
  return [grid, tag, hukou, status, ageMin ?? ageMax, overdue].filter((v) => v !== undefined).length;
}

const LAST_LIST_KEY = 'jiceng.residents.lastList';

/** The list as last seen (its filters), so that 返回列表 on a record goes back to it. */
export function lastListPath(): string {
  try {
    return `/residents${sessionStorage.getItem(LAST_LIST_KEY) ?? ''}`;
  } catch {
    return '/residents';
  }
}

export function useListQuery(workingRegionCode: string | undefined) {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  useEffect(() => {
    try {
      sessionStorage.setItem(LAST_LIST_KEY, search ? `?${search}` : '');
    } catch {
      // Storage unavailable: 返回列表 shows the list unfiltered.
    }
  }, [search]);
  const filters = useMemo(() => readFilters(params), [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const sizeParam = Number(params.get('size'));
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : 20;

  const { grid, ...rest } = filters;
  // A grid from a shared link counts only inside the working region (its choice may have changed).
  const inRegion = grid !== undefined && (!workingRegionCode || grid.startsWith(workingRegionCode));
  const query: ResidentQuery = {
    ...rest,
    regionCode: inRegion ? grid : workingRegionCode,
    page,
    pageSize,
  };

  /** Changes some filters and goes back to the first page; `replace` keeps Back useful. */
  const setFilters = useCallback(
    (patch: Partial<ListFilters>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '' || value === false) next.delete(key);
            else next.set(key, value === true ? '1' : String(value));
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize: number) => {
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        if (nextSize !== pageSize) {
          next.delete('page');
          if (nextSize === 20) next.delete('size');
          else next.set('size', String(nextSize));
        } else if (nextPage <= 1) next.delete('page');
        else next.set('page', String(nextPage));
        return next;
      });
    },
    [setParams, pageSize],
  );

  const clearFilters = useCallback(() => {
    setParams(
      (previous) => {
        const next = new URLSearchParams();
        const size = previous.get('size');
        if (size) next.set('size', size);
        return next;
      },
      { replace: true },
    );
  }, [setParams]);

  return { filters, query, page, pageSize, setFilters, setPage, clearFilters };
}
