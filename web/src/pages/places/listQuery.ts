import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { BuildingQuery, OrganisationKind, OrganisationQuery } from '../../api/places';

/**
 * The lists' filters as they stand in the URL (`/places?grid=…&estate=3&q=1号`,
 * `/places/organisations?kind=shop&q=面包`), so a list can be reloaded, bookmarked and sent on.
 * Anything unreadable is dropped.
 */
export const PAGE_SIZES = [20, 50, 100];

export interface BuildingFilters {
  q?: string;
  grid?: string;
  estate?: number;
}

export interface OrganisationFilters {
  q?: string;
  grid?: string;
  kind: OrganisationKind;
}

type Patch = Record<string, string | number | undefined>;

const gridOf = (raw: string | null) => (raw && /^\d{6,15}$/.test(raw) ? raw : undefined);
const idOf = (raw: string | null) => (raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined);

/** A grid from a shared link counts only inside the working region (its choice may have changed). */
function regionOf(grid: string | undefined, working: string | undefined): string | undefined {
  return grid !== undefined && (!working || grid.startsWith(working)) ? grid : working;
}

const LAST_LIST_KEY = 'jiceng.places.lastList';

/** The building list as last seen (its filters), so that 返回列表 on a building goes back to it. */
export function lastBuildingListPath(): string {
  try {
    return `/places${sessionStorage.getItem(LAST_LIST_KEY) ?? ''}`;
  } catch {
    return '/places';
  }
}

function useUrlList(rememberAs?: string) {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  useEffect(() => {
    if (!rememberAs) return;
    try {
      sessionStorage.setItem(rememberAs, search ? `?${search}` : '');
    } catch {
      // Storage unavailable: 返回列表 shows the list unfiltered.
    }
  }, [search, rememberAs]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const sizeParam = Number(params.get('size'));
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : 20;

  /** Changes some filters and goes back to the first page; `replace` keeps Back useful. */
  const setFilters = useCallback(
    (patch: Patch) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
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

  /** Clears the filters named, keeping the others (the kind tab) and the page size. */
  const clearFilters = useCallback(
    (keys: string[]) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const key of [...keys, 'page']) next.delete(key);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { params, page, pageSize, setFilters, setPage, clearFilters };
}

export function useBuildingListQuery(workingRegionCode: string | undefined) {
  const { params, page, pageSize, setFilters, setPage, clearFilters } = useUrlList(LAST_LIST_KEY);
  const filters = useMemo<BuildingFilters>(
    () => ({
      q: params.get('q')?.trim() || undefined,
      grid: gridOf(params.get('grid')),
      estate: idOf(params.get('estate')),
    }),
    [params],
  );
  const query: BuildingQuery = {
    regionCode: regionOf(filters.grid, workingRegionCode),
    estateId: filters.estate,
    q: filters.q,
    page,
    pageSize,
  };
  const clear = useCallback(() => clearFilters(['q', 'grid', 'estate']), [clearFilters]);
  return { filters, query, page, pageSize, setFilters, setPage, clearFilters: clear };
}

export function useOrganisationListQuery(workingRegionCode: string | undefined) {
  const { params, page, pageSize, setFilters, setPage, clearFilters } = useUrlList();
  const filters = useMemo<OrganisationFilters>(
    () => ({
      q: params.get('q')?.trim() || undefined,
      grid: gridOf(params.get('grid')),
      kind: params.get('kind') === 'shop' ? 'shop' : 'organisation',
    }),
    [params],
  );
  const query: OrganisationQuery = {
    regionCode: regionOf(filters.grid, workingRegionCode),
    kind: filters.kind,
    q: filters.q,
    page,
    pageSize,
  };
  const clear = useCallback(() => clearFilters(['q', 'grid']), [clearFilters]);
  return { filters, query, page, pageSize, setFilters, setPage, clearFilters: clear };
}
