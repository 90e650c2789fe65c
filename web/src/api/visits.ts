// Visits (走访) to the people cared for. Types derive from the server's TypeBox schemas.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  RecordVisitBody,
  VisitSummary as VisitSummarySchema,
  VisitView,
} from '../../../src/modules/visits/visits.schemas';
import { api } from './client';
import { type Resident, residentKeys } from './residents';
import type { Page } from './types';

export type Visit = VisitView;
export type VisitMode = Visit['mode'];
export type NewVisit = RecordVisitBody;
export type VisitSummary = Static<typeof VisitSummarySchema>;
export type DueWindow = 'today' | 'week';

export const visitKeys = {
  all: ['visits'] as const,
  summary: (regionCode: string | undefined) => ['visits', 'summary', regionCode ?? ''] as const,
  due: (due: DueWindow, regionCode: string | undefined, pageSize: number) =>
    ['visits', 'due', due, regionCode ?? '', pageSize] as const,
  ofResident: (id: number, page: number) => ['visits', 'resident', id, page] as const,
  last: (id: number) => ['visits', 'resident', id, 'last'] as const,
};

export function recordVisit(
  residentId: number,
  visit: NewVisit,
): Promise<{ visit: Visit; resident: Resident }> {
  return api(`/api/residents/${residentId}/visits`, { method: 'POST', body: visit });
}

export function fetchResidentVisits(residentId: number, page: number, pageSize = 10): Promise<Page<Visit>> {
  return api<Page<Visit>>(`/api/residents/${residentId}/visits`, { query: { page, pageSize } });
}

/** Residents whose visit is due by the end of today / of the week, the most overdue first. */
export function fetchDueResidents(
  due: DueWindow,
  regionCode: string | undefined,
  pageSize: number,
): Promise<Page<Resident>> {
  return api<Page<Resident>>('/api/visits', { query: { due, regionCode, page: 1, pageSize } });
}

export function fetchVisitSummary(regionCode: string | undefined): Promise<VisitSummary> {
  return api<VisitSummary>('/api/visits/summary', { query: { regionCode } });
}

// ---- hooks

export function useVisitSummary(regionCode: string | undefined) {
  return useQuery({ queryKey: visitKeys.summary(regionCode), queryFn: () => fetchVisitSummary(regionCode) });
}

export function useDueResidents(due: DueWindow, regionCode: string | undefined, pageSize: number) {
  return useQuery({
    queryKey: visitKeys.due(due, regionCode, pageSize),
    queryFn: () => fetchDueResidents(due, regionCode, pageSize),
    placeholderData: keepPreviousData,
  });
}

export function useResidentVisits(residentId: number, page: number, enabled = true) {
  return useQuery({
    queryKey: visitKeys.ofResident(residentId, page),
    queryFn: () => fetchResidentVisits(residentId, page),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The latest visit to a resident, for the top of the visit form; null when never visited. */
export function useLastVisit(residentId: number) {
  return useQuery({
    queryKey: visitKeys.last(residentId),
    queryFn: async () => (await fetchResidentVisits(residentId, 1, 1)).items[0] ?? null,
  });
}

/**
 * Records a visit. A failed request is not retried on its own: on a bad connection the form
 * keeps what was typed and the person taps 重试 (a silent retry could record a visit twice).
 */
export function useRecordVisit(residentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (visit: NewVisit) => recordVisit(residentId, visit),
    onSuccess: ({ resident }) => {
      queryClient.setQueryData(residentKeys.detail(residentId), resident);
      void queryClient.invalidateQueries({ queryKey: visitKeys.all });
      void queryClient.invalidateQueries({ queryKey: residentKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: residentKeys.history(residentId) });
    },
  });
}
