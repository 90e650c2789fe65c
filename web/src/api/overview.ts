// The registry overview of a region (社区概览). Types derive from the server's TypeBox schema
// (a type-only import: nothing of the server reaches the bundle).
import { useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { OverviewResponse } from '../../../src/modules/registry/residents.schemas';
import { api } from './client';

export type Overview = Static<typeof OverviewResponse>;
export type OverviewTag = Overview['byTag'][number];
export type OverviewChild = Overview['children'][number];

export const overviewKeys = {
  all: ['overview'] as const,
  region: (regionCode: string | undefined) => ['overview', regionCode ?? ''] as const,
};

/** The figures of a region; without `regionCode`, of the caller's whole scope. */
export function fetchOverview(regionCode: string | undefined): Promise<Overview> {
  return api<Overview>('/api/registry/overview', { query: { regionCode } });
}

export function useOverview(regionCode: string | undefined) {
  return useQuery({
    queryKey: overviewKeys.region(regionCode),
    queryFn: () => fetchOverview(regionCode),
    // Counting 11,000 residents is not free; a minute-old picture is fresh enough for an overview.
    staleTime: 60_000,
  });
}
