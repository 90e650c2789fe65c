// 调研报备, the oversight side: county load, calendar, figures, overdue results, the rules'
// thresholds, filing units and their reporters. Types derive from the server's TypeBox schemas.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignReporterBody,
  CreateUnitBody,
  ReporterView,
  ThresholdsBody,
} from '../../../src/modules/fieldvisits/fieldvisits.schemas';
import type {
  CalendarQuery,
  CalendarView,
  Figures,
  FiguresQuery,
  FiguresView,
} from '../../../src/modules/fieldvisits/figures.schemas';
import { api, download } from './client';
import { fetchLoad, fetchOverdueResults, fieldVisitKeys, type Thresholds, type Unit } from './fieldvisits';
import { fetchChildRegions, regionKeys } from './regions';
import type { ItemList } from './types';

export type Calendar = CalendarView;
export type CalendarFilters = Omit<CalendarQuery, 'month'>;
export type FigureSet = Figures;
export type FiguresAnswer = FiguresView;
export type FiguresFilters = FiguresQuery;
export type ThresholdsInput = ThresholdsBody;
export type NewFvUnit = CreateUnitBody;
export type Reporter = ReporterView;
export type ReporterAssignment = AssignReporterBody;

/** Yunnan: the province whose prefectures group the counties (the module's one province). */
export const PROVINCE_CODE = '53';

export const fvOversightKeys = {
  calendar: (month: string, filters: CalendarFilters) =>
    ['field-visits', 'calendar', month, filters] as const,
  figures: (query: FiguresQuery) => ['field-visits', 'figures', query] as const,
  overdue: (page: number, pageSize: number) => ['field-visits', 'overdue', page, pageSize] as const,
  reporters: ['field-visits', 'reporters'] as const,
};

export function fetchCalendar(month: string, filters: CalendarFilters): Promise<Calendar> {
  return api<Calendar>('/api/field-visits/calendar', { query: { month, ...filters } });
}

export function fetchFigures(query: FiguresQuery): Promise<FiguresView> {
  return api<FiguresView>('/api/field-visits/figures', { query: { ...query } });
}

export function downloadFigures(query: FiguresQuery): Promise<void> {
  return download(
    '/api/field-visits/figures/export.xlsx',
    { ...query },
    `调研报备统计_${query.from}_${query.to}.xlsx`,
  );
}

export function saveThresholds(input: ThresholdsBody): Promise<Thresholds> {
  return api<Thresholds>('/api/field-visits/thresholds', { method: 'PUT', body: input });
}

export function createUnit(unit: CreateUnitBody): Promise<Unit> {
  return api<Unit>('/api/field-visits/units', { method: 'POST', body: unit });
}

export async function fetchReporters(): Promise<Reporter[]> {
  return (await api<ItemList<Reporter>>('/api/field-visits/reporters')).items;
}

export function assignReporter(userId: number, body: AssignReporterBody): Promise<Reporter> {
  return api<Reporter>(`/api/field-visits/reporters/${userId}`, { method: 'PUT', body });
}

// ---- hooks

/** One request per month (the API answers a month at a time); the table fills as they arrive. */
export function useMonthLoads(months: string[]) {
  return useQueries({
    queries: months.map((month) => ({
      queryKey: fieldVisitKeys.load(month),
      queryFn: () => fetchLoad(month),
    })),
  });
}

/**
 * Yunnan's prefectures, to name the groups of counties. A county viewer's scope may not reach the
 * province: then the groups go by their codes (`retry: false`, a 404 will not get better).
 */
export function usePrefectures() {
  return useQuery({
    queryKey: regionKeys.children(PROVINCE_CODE),
    queryFn: () => fetchChildRegions(PROVINCE_CODE),
    staleTime: 600_000,
    retry: false,
  });
}

export function useCalendar(month: string, filters: CalendarFilters) {
  return useQuery({
    queryKey: fvOversightKeys.calendar(month, filters),
    queryFn: () => fetchCalendar(month, filters),
    placeholderData: keepPreviousData,
  });
}

export function useFigures(query: FiguresQuery) {
  return useQuery({
    queryKey: fvOversightKeys.figures(query),
    queryFn: () => fetchFigures(query),
    placeholderData: keepPreviousData,
  });
}

export function useOverdueResults(page: number, pageSize: number) {
  return useQuery({
    queryKey: fvOversightKeys.overdue(page, pageSize),
    queryFn: () => fetchOverdueResults(page, pageSize),
    placeholderData: keepPreviousData,
  });
}

export function useSaveThresholds() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveThresholds,
    onSuccess: (saved) => {
      queryClient.setQueryData(fieldVisitKeys.thresholds(), saved);
      // The load line (`max`) and the figures' counties above it follow the new version.
      void queryClient.invalidateQueries({ queryKey: ['field-visits', 'load'] });
      void queryClient.invalidateQueries({ queryKey: ['field-visits', 'figures'] });
    },
  });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUnit,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: fieldVisitKeys.units() }),
  });
}

export function useReporters() {
  return useQuery({ queryKey: fvOversightKeys.reporters, queryFn: fetchReporters });
}

export function useAssignReporter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: AssignReporterBody & { userId: number }) =>
      assignReporter(userId, body),
    onSuccess: (saved) => {
      queryClient.setQueryData<Reporter[]>(fvOversightKeys.reporters, (previous) =>
        previous?.map((reporter) => (reporter.userId === saved.userId ? saved : reporter)),
      );
      void queryClient.invalidateQueries({ queryKey: fvOversightKeys.reporters });
    },
  });
}
