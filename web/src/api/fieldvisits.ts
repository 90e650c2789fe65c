// 调研报备: research visits filed before they happen, their review, the counties' load and the
// coordination between units. Types derive from the server's TypeBox schemas (type-only imports).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  ClashBody,
  ClashView,
  JoinDecisionBody,
  JoinRequestBody,
  JoinRequestList,
  JoinRequestView,
  ResultBody,
  ResultView,
} from '../../../src/modules/fieldvisits/coordination.schemas';
import type {
  FiledVisit,
  FileVisitBody,
  LoadTable,
  NearbyVisits,
  ReviewBody,
  ReviseVisitBody,
  ThresholdsView,
  UnitView,
  VisitListQuery,
  VisitMember,
  VisitView,
  VisitWarning,
} from '../../../src/modules/fieldvisits/fieldvisits.schemas';
import { useI18n } from '../i18n';
import { api, download } from './client';
import { isApiError } from './errors';
import type { Page } from './types';

/** A filing as the server shows it. */
export type FieldVisit = VisitView;
export type VisitStatus = VisitView['status'];
export type Warning = VisitWarning;
export type WarningCode = Warning['code'];
export type Unit = UnitView;
export type NewFieldVisit = FileVisitBody;
export type FieldVisitChange = ReviseVisitBody;
export type Filed = FiledVisit;
export type MonthLoad = LoadTable;
export type CountyLoad = LoadTable['items'][number];
export type NearbyVisit = NearbyVisits['items'][number];
export type Review = ReviewBody;
export type ReviewDecision = ReviewBody['decision'];
export type JoinRequest = JoinRequestView;
export type JoinRequests = Static<typeof JoinRequestList>;
export type JoinDecision = JoinDecisionBody;
export type Clash = ClashView;
export type VisitResult = Static<typeof ResultView>;
export type Member = Static<typeof VisitMember>;
export type VisitQuery = VisitListQuery;
export type Thresholds = ThresholdsView;

/** The unit (and department) the logged-in reporter files for. */
export interface ReporterUnit {
  unitId: number;
  departmentId: number | null;
}

export const fieldVisitKeys = {
  all: ['field-visits'] as const,
  lists: () => ['field-visits', 'list'] as const,
  list: (query: VisitQuery) => ['field-visits', 'list', query] as const,
  detail: (id: number) => ['field-visits', 'detail', id] as const,
  units: () => ['field-visits', 'units'] as const,
  me: () => ['field-visits', 'me'] as const,
  load: (month: string) => ['field-visits', 'load', month] as const,
  nearby: (countyCode: string, startDate: string, topic: string) =>
    ['field-visits', 'nearby', countyCode, startDate, topic] as const,
  joinRequests: () => ['field-visits', 'join-requests'] as const,
  thresholds: () => ['field-visits', 'thresholds'] as const,
};

// ---- requests

export function fetchVisits(query: VisitQuery): Promise<Page<FieldVisit>> {
  return api<Page<FieldVisit>>('/api/field-visits', { query: { ...query } });
}

export function fetchVisit(id: number): Promise<FieldVisit> {
  return api<FieldVisit>(`/api/field-visits/${id}`);
}

export async function fetchUnits(): Promise<Unit[]> {
  return (await api<{ items: Unit[] }>('/api/field-visits/units')).items;
}

/** The reporter's own unit (`GET /api/field-visits/me`); null for an account linked to none. */
export async function fetchReporterUnit(): Promise<ReporterUnit | null> {
  const { unit } = await api<{ unit: (Unit & { departmentId: number | null }) | null }>(
    '/api/field-visits/me',
  );
  return unit ? { unitId: unit.id, departmentId: unit.departmentId } : null;
}

export function fetchThresholds(): Promise<Thresholds> {
  return api<Thresholds>('/api/field-visits/thresholds');
}

export function fetchLoad(month: string): Promise<MonthLoad> {
  return api<MonthLoad>('/api/field-visits/load', { query: { month } });
}

export async function fetchNearby(
  countyCode: string,
  startDate: string,
  topic: string,
): Promise<NearbyVisit[]> {
  const query = { countyCode, startDate, topic: topic.slice(0, 100) };
  return (await api<NearbyVisits>('/api/field-visits/nearby', { query })).items;
}

export function fileVisit(body: NewFieldVisit): Promise<Filed> {
  return api<Filed>('/api/field-visits', { method: 'POST', body });
}

export function reviseVisit(id: number, body: FieldVisitChange): Promise<Filed> {
  return api<Filed>(`/api/field-visits/${id}`, { method: 'PATCH', body });
}

export function cancelVisit(id: number): Promise<FieldVisit> {
  return api<FieldVisit>(`/api/field-visits/${id}/cancel`, { method: 'POST' });
}

export function reviewVisit(id: number, body: Review): Promise<FieldVisit> {
  return api<FieldVisit>(`/api/field-visits/${id}/review`, { method: 'POST', body });
}

export function requestJoin(visitId: number, body: Static<typeof JoinRequestBody>): Promise<JoinRequest> {
  return api<JoinRequest>(`/api/field-visits/${visitId}/join-requests`, { method: 'POST', body });
}

export function fetchJoinRequests(): Promise<JoinRequests> {
  return api<JoinRequests>('/api/field-visits/join-requests');
}

export function decideJoin(requestId: number, body: JoinDecision): Promise<JoinRequest> {
  return api<JoinRequest>(`/api/field-visits/join-requests/${requestId}/decide`, { method: 'POST', body });
}

export function flagClash(visitId: number, body: Static<typeof ClashBody>): Promise<Clash> {
  return api<Clash>(`/api/field-visits/${visitId}/clashes`, { method: 'POST', body });
}

export function fileResult(visitId: number, body: Static<typeof ResultBody>): Promise<FieldVisit> {
  return api<FieldVisit>(`/api/field-visits/${visitId}/result`, { method: 'POST', body });
}

/** Visits whose result is past its due date (the caller's unit's, or all in scope). */
export function fetchOverdueResults(page: number, pageSize: number): Promise<Page<FieldVisit>> {
  return api<Page<FieldVisit>>('/api/field-visits/results/overdue', { query: { page, pageSize } });
}

/** The list as .xlsx with the filters on screen. */
export function exportVisits(query: Omit<VisitQuery, 'page' | 'pageSize'>): Promise<void> {
  return download('/api/field-visits/export.xlsx', { ...query }, 'field-visits.xlsx');
}

// ---- hooks

// Warnings and statuses come worded in the request's language: the language is part of the keys
// of what carries server text (a switch also refetches everything, I18nProvider).
export function useVisits(query: VisitQuery, enabled = true) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: [...fieldVisitKeys.list(query), lang],
    queryFn: () => fetchVisits(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useVisit(id: number) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: [...fieldVisitKeys.detail(id), lang],
    queryFn: () => fetchVisit(id),
    enabled: id > 0,
    retry: (count, error) => !(isApiError(error) && error.status === 404) && count < 2,
  });
}

export function useUnits() {
  return useQuery({ queryKey: fieldVisitKeys.units(), queryFn: fetchUnits, staleTime: 600_000 });
}

export function useReporterUnit(enabled: boolean) {
  return useQuery({
    queryKey: fieldVisitKeys.me(),
    queryFn: fetchReporterUnit,
    staleTime: 600_000,
    enabled,
  });
}

/** The rules' current figures (headcount line, county month line …), for hints on the form. */
export function useThresholds() {
  return useQuery({ queryKey: fieldVisitKeys.thresholds(), queryFn: fetchThresholds, staleTime: 300_000 });
}

export function useMonthLoad(month: string | undefined) {
  return useQuery({
    queryKey: fieldVisitKeys.load(month ?? ''),
    queryFn: () => fetchLoad(month as string),
    enabled: Boolean(month),
    staleTime: 30_000,
  });
}

export function useNearby(countyCode: string, startDate: string | undefined, topic: string) {
  return useQuery({
    queryKey: fieldVisitKeys.nearby(countyCode, startDate ?? '', topic),
    queryFn: () => fetchNearby(countyCode, startDate as string, topic),
    enabled: Boolean(startDate),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** How many results are overdue (one row fetched: the total is what counts). */
export function useOverdueCount(enabled: boolean) {
  return useQuery({
    queryKey: [...fieldVisitKeys.all, 'overdue-count'],
    queryFn: async () => (await fetchOverdueResults(1, 1)).total,
    enabled,
  });
}

export function useJoinRequests(enabled: boolean) {
  return useQuery({
    queryKey: fieldVisitKeys.joinRequests(),
    queryFn: fetchJoinRequests,
    enabled,
    // Absent on a server without the endpoint: the page simply leaves the panel out.
    retry: false,
  });
}

/** Everything a filing's change can move: lists, the filing, loads, nearby visits, requests. */
export function useRefreshVisits() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: fieldVisitKeys.all });
}

/** A mutation on field visits that refreshes every field-visit query when it succeeds. */
export function useVisitMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const refresh = useRefreshVisits();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void refresh();
    },
  });
}
