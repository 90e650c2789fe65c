// The registry's residents (居民信息). Types derive from the server's TypeBox schemas (type-only
// imports: nothing of the server reaches the bundle), so the two cannot drift apart.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { HouseholdView } from '../../../src/modules/registry/places.schemas';
import type {
  CreateResidentBody,
  HistoryEntry,
  MoveInBody,
  MoveOutBody,
  ResidentView,
  UpdateResidentBody,
} from '../../../src/modules/registry/residents.schemas';
import type {
  EndTagBody,
  ResidentTagBody,
  ResidentTagSchema,
  TagSchema,
} from '../../../src/modules/registry/tags.schemas';
import { api } from './client';
import type { ItemList, Page } from './types';

export type Resident = ResidentView;
export type ResidentTag = Resident['tags'][number];
export type RiskLevel = ResidentTag['riskLevel'];
export type Gender = Resident['gender'];
export type Hukou = Resident['hukou'];
export type ResidentStatus = Resident['status'];
export type Relation = NonNullable<Resident['relation']>;
export type Political = NonNullable<Resident['political']>;
export type NewResident = CreateResidentBody;
export type ResidentChanges = UpdateResidentBody;
export type MoveOut = MoveOutBody;
export type MoveIn = MoveInBody;
export type HistoryItem = Static<typeof HistoryEntry>;
export type TagAssignment = Static<typeof ResidentTagSchema>;
export type NewTagAssignment = ResidentTagBody;
export type EndTag = EndTagBody;
export type CatalogTag = Static<typeof TagSchema>;
export type Household = Static<typeof HouseholdView>;
export type HouseholdMember = Household['members'][number];

/** The filters of GET /api/residents, as the list page keeps them in its URL. */
export interface ResidentQuery {
  q?: string;
  regionCode?: string;
  tag?: string;
  hukou?: Hukou;
  status?: ResidentStatus;
  gender?: Gender;
  ageMin?: number;
  ageMax?: number;
  householdId?: number;
  overdue?: boolean;
  deleted?: boolean;
  page: number;
  pageSize: number;
}

export const residentKeys = {
  all: ['residents'] as const,
  lists: () => ['residents', 'list'] as const,
  list: (query: ResidentQuery) => ['residents', 'list', query] as const,
  detail: (id: number) => ['residents', 'detail', id] as const,
  history: (id: number) => ['residents', 'detail', id, 'history'] as const,
  tags: (id: number) => ['residents', 'detail', id, 'tags'] as const,
  household: (id: number) => ['households', id] as const,
  catalog: ['tags', 'catalog'] as const,
};

export function fetchResidents(query: ResidentQuery): Promise<Page<Resident>> {
  return api<Page<Resident>>('/api/residents', { query: { ...query } });
}

export function fetchResident(id: number): Promise<Resident> {
  return api<Resident>(`/api/residents/${id}`);
}

export function createResident(resident: NewResident): Promise<Resident> {
  return api<Resident>('/api/residents', { method: 'POST', body: resident });
}

export function updateResident(id: number, changes: ResidentChanges): Promise<Resident> {
  return api<Resident>(`/api/residents/${id}`, { method: 'PATCH', body: changes });
}

/** Soft delete: the record leaves the lists and can be restored. */
export function deleteResident(id: number): Promise<Resident> {
  return api<Resident>(`/api/residents/${id}`, { method: 'DELETE' });
}

export function restoreResident(id: number): Promise<Resident> {
  return api<Resident>(`/api/residents/${id}/restore`, { method: 'POST', body: {} });
}

/** The full number (audited on the server; only for roles granted it). */
export async function revealNumber(id: number, field: 'idNumber' | 'phone'): Promise<string | null> {
  const answer = await api<{ field: string; value: string | null }>(`/api/residents/${id}/reveal`, {
    method: 'POST',
    body: { field },
  });
  return answer.value;
}

export function moveOutResident(id: number, move: MoveOut): Promise<Resident> {
  return api<Resident>(`/api/residents/${id}/move-out`, { method: 'POST', body: move });
}

export function moveInResident(move: MoveIn): Promise<Resident> {
  return api<Resident>('/api/residents/move-in', { method: 'POST', body: move });
}

export async function fetchResidentHistory(id: number): Promise<HistoryItem[]> {
  return (await api<ItemList<HistoryItem>>(`/api/residents/${id}/history`)).items;
}

export async function fetchResidentTags(id: number): Promise<TagAssignment[]> {
  return (await api<ItemList<TagAssignment>>(`/api/residents/${id}/tags`)).items;
}

export function addResidentTag(id: number, assignment: NewTagAssignment): Promise<TagAssignment> {
  return api<TagAssignment>(`/api/residents/${id}/tags`, { method: 'POST', body: assignment });
}

export function endResidentTag(id: number, assignmentId: number, end: EndTag): Promise<TagAssignment> {
  return api<TagAssignment>(`/api/residents/${id}/tags/${assignmentId}/end`, { method: 'POST', body: end });
}

export async function fetchTagCatalog(): Promise<CatalogTag[]> {
  return (await api<ItemList<CatalogTag>>('/api/tags')).items;
}

export function fetchHousehold(id: number): Promise<Household> {
  return api<Household>(`/api/households/${id}`);
}

// ---- hooks

export function useResidents(query: ResidentQuery) {
  return useQuery({
    queryKey: residentKeys.list(query),
    queryFn: () => fetchResidents(query),
    placeholderData: keepPreviousData,
  });
}

export function useResident(id: number) {
  return useQuery({
    queryKey: residentKeys.detail(id),
    queryFn: () => fetchResident(id),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useResidentHistory(id: number, enabled = true) {
  return useQuery({
    queryKey: residentKeys.history(id),
    queryFn: () => fetchResidentHistory(id),
    enabled,
  });
}

export function useResidentTags(id: number, enabled = true) {
  return useQuery({ queryKey: residentKeys.tags(id), queryFn: () => fetchResidentTags(id), enabled });
}

/** The care tag catalog; it changes rarely (an admin edits it). */
export function useTagCatalog() {
  return useQuery({ queryKey: residentKeys.catalog, queryFn: fetchTagCatalog, staleTime: 600_000 });
}

export function useHousehold(id: number | null) {
  return useQuery({
    queryKey: residentKeys.household(id ?? 0),
    queryFn: () => fetchHousehold(id ?? 0),
    enabled: id !== null,
  });
}
