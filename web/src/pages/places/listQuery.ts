import { useCallback, useMemo } from 'react';
import type { BuildingQuery, OrganisationKind, OrganisationQuery } from '../../api/places';
import { regionOf, rememberedList, useUrlList } from '../../components/useUrlList';

/**
 * The places lists' filters as they stand in the URL (`/places?grid=…&estate=3&q=1号`,
 * `/places/organisations?kind=shop&q=面包`). Anything unreadable is dropped.
 */
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

const gridOf = (raw: string | null) => (raw && /^\d{6,15}$/.test(raw) ? raw : undefined);
const idOf = (raw: string | null) => (raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined);

const LAST_LIST_KEY = 'jiceng.places.lastList';

/** The building list as last seen (its filters), so that 返回列表 on a building goes back to it. */
export const lastBuildingListPath = () => rememberedList('/places', LAST_LIST_KEY);

export function useBuildingListQuery(workingRegionCode: string | undefined) {
  const { params, page, pageSize, setFilters, setPage, clearFilters } =
    useUrlList<BuildingFilters>(LAST_LIST_KEY);
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
  const { params, page, pageSize, setFilters, setPage, clearFilters } = useUrlList<OrganisationFilters>();
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
