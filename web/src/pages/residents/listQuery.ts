import { useCallback, useMemo } from 'react';
import type { Hukou, ResidentQuery, ResidentStatus } from '../../api/residents';
import { regionOf, rememberedList, useUrlList } from '../../components/useUrlList';
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
const FILTER_KEYS = [
  'q',
  'grid',
  'tag',
  'hukou',
  'status',
  'ageMin',
  'ageMax',
  'overdue',
  'deleted',
] as const;

/** The list as last seen (its filters), so that 返回列表 on a record goes back to it. */
export const lastListPath = () => rememberedList('/residents', LAST_LIST_KEY);

export function useListQuery(workingRegionCode: string | undefined) {
  const { params, page, pageSize, setFilters, setPage, clearFilters } =
    useUrlList<ListFilters>(LAST_LIST_KEY);
  const filters = useMemo(() => readFilters(params), [params]);
  const { grid, ...rest } = filters;
  const query: ResidentQuery = { ...rest, regionCode: regionOf(grid, workingRegionCode), page, pageSize };
  const clear = useCallback(() => clearFilters(FILTER_KEYS), [clearFilters]);
  return { filters, query, page, pageSize, setFilters, setPage, clearFilters: clear };
}
