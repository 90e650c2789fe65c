// The registry's places (楼栋房屋) and organisations (单位商铺). Types derive from the server's
// TypeBox schemas (type-only imports: nothing of the server reaches the bundle).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  CreateOrganisationBody,
  OrganisationView,
  UpdateOrganisationBody,
} from '../../../src/modules/registry/organisations.schemas';
import type {
  BuildingView,
  CreateBuildingBody,
  CreateEstateBody,
  CreateHouseBody,
  CreateHouseholdBody,
  EstateView,
  HouseDetail,
  HouseholdView,
  HouseView,
  UpdateBuildingBody,
  UpdateEstateBody,
  UpdateHouseBody,
} from '../../../src/modules/registry/places.schemas';
import { api, download } from './client';
import type { Resident } from './residents';
import type { Page } from './types';

export type Estate = Static<typeof EstateView>;
export type Building = Static<typeof BuildingView>;
export type BuildingKind = Building['kind'];
export type House = Static<typeof HouseView>;
export type HouseUse = House['use'];
export type HouseWithHouseholds = Static<typeof HouseDetail>;
export type Household = Static<typeof HouseholdView>;
export type Member = Household['members'][number];
export type NewEstate = CreateEstateBody;
export type EstateChanges = UpdateEstateBody;
export type NewBuilding = CreateBuildingBody;
export type BuildingChanges = UpdateBuildingBody;
export type NewHouse = CreateHouseBody;
export type HouseChanges = UpdateHouseBody;
export type NewHousehold = CreateHouseholdBody;
export type Organisation = OrganisationView;
export type OrganisationKind = Organisation['kind'];
export type NewOrganisation = CreateOrganisationBody;
export type OrganisationChanges = UpdateOrganisationBody;

/** The filters of GET /api/buildings (and of its export). */
export interface BuildingQuery {
  regionCode?: string;
  estateId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

/** The filters of GET /api/organisations (and of its export). */
export interface OrganisationQuery {
  regionCode?: string;
  kind?: OrganisationKind;
  q?: string;
  page: number;
  pageSize: number;
}

export const placeKeys = {
  all: ['places'] as const,
  estates: (regionCode: string | undefined) => ['places', 'estates', regionCode ?? ''] as const,
  buildings: () => ['places', 'buildings'] as const,
  buildingList: (query: BuildingQuery) => ['places', 'buildings', 'list', query] as const,
  building: (id: number) => ['places', 'buildings', 'detail', id] as const,
  houses: (buildingId: number) => ['places', 'buildings', 'detail', buildingId, 'houses'] as const,
  occupants: (buildingId: number) => ['places', 'buildings', 'detail', buildingId, 'occupants'] as const,
  house: (id: number) => ['places', 'houses', id] as const,
  organisations: () => ['places', 'organisations'] as const,
  organisationList: (query: OrganisationQuery) => ['places', 'organisations', 'list', query] as const,
};

/**
 * Every item of a paged list, up to a bound: a community has a few dozen estates, a building a
 * few hundred houses and people.
 */
async function readAll<T>(path: string, query: Record<string, string | number | undefined>): Promise<T[]> {
  const found: T[] = [];
  for (let page = 1; page <= 10; page += 1) {
    const result = await api<Page<T>>(path, { query: { ...query, page, pageSize: 200 } });
    found.push(...result.items);
    if (result.items.length === 0 || page * result.pageSize >= result.total) break;
  }
  return found;
}

// ---- estates

export function fetchEstates(regionCode?: string): Promise<Estate[]> {
  return readAll<Estate>('/api/estates', { regionCode });
}

export function createEstate(estate: NewEstate): Promise<Estate> {
  return api<Estate>('/api/estates', { method: 'POST', body: estate });
}

export function updateEstate(id: number, changes: EstateChanges): Promise<Estate> {
  return api<Estate>(`/api/estates/${id}`, { method: 'PATCH', body: changes });
}

// ---- buildings

export function fetchBuildings(query: BuildingQuery): Promise<Page<Building>> {
  return api<Page<Building>>('/api/buildings', { query: { ...query } });
}

export function fetchBuilding(id: number): Promise<Building> {
  return api<Building>(`/api/buildings/${id}`);
}

export function createBuilding(building: NewBuilding): Promise<Building> {
  return api<Building>('/api/buildings', { method: 'POST', body: building });
}

export function updateBuilding(id: number, changes: BuildingChanges): Promise<Building> {
  return api<Building>(`/api/buildings/${id}`, { method: 'PATCH', body: changes });
}

export function deleteBuilding(id: number): Promise<void> {
  return api<void>(`/api/buildings/${id}`, { method: 'DELETE' });
}

export function fetchBuildingHouses(buildingId: number): Promise<House[]> {
  return readAll<House>(`/api/buildings/${buildingId}/houses`, {});
}

/** The list as .xlsx, with the list's filters (page and size left out). */
export function exportBuildings({ page: _page, pageSize: _size, ...filters }: BuildingQuery): Promise<void> {
  return download('/api/exports/buildings.xlsx', { ...filters }, 'buildings.xlsx');
}

export function exportBuildingHouses(buildingId: number): Promise<void> {
  return download('/api/exports/houses.xlsx', { buildingId }, 'houses.xlsx');
}

/**
 * Who lives in a building, per house: the houses list carries no counts, so the building's
 * residents (GET /api/residents?buildingId=) are read once and counted by house.
 */
export interface HouseOccupancy {
  households: number;
  residents: number;
  /** Residents with a care tag. */
  caredFor: number;
  /** Residents whose visit is overdue. */
  overdue: number;
}

export async function fetchOccupancy(buildingId: number): Promise<Map<number, HouseOccupancy>> {
  const residents = await readAll<Resident>('/api/residents', { buildingId });
  const households = new Map<number, Set<number>>();
  const byHouse = new Map<number, HouseOccupancy>();
  for (const resident of residents) {
    if (resident.houseId === null) continue;
    const entry = byHouse.get(resident.houseId) ?? { households: 0, residents: 0, caredFor: 0, overdue: 0 };
    entry.residents += 1;
    if (resident.tags.length > 0) entry.caredFor += 1;
    if (resident.overdue) entry.overdue += 1;
    if (resident.householdId !== null) {
      const seen = households.get(resident.houseId) ?? new Set<number>();
      seen.add(resident.householdId);
      households.set(resident.houseId, seen);
      entry.households = seen.size;
    }
    byHouse.set(resident.houseId, entry);
  }
  return byHouse;
}

// ---- houses and households

export function fetchHouse(id: number): Promise<HouseWithHouseholds> {
  return api<HouseWithHouseholds>(`/api/houses/${id}`);
}

export function createHouse(house: NewHouse): Promise<House> {
  return api<House>('/api/houses', { method: 'POST', body: house });
}

export function updateHouse(id: number, changes: HouseChanges): Promise<House> {
  return api<House>(`/api/houses/${id}`, { method: 'PATCH', body: changes });
}

export function deleteHouse(id: number): Promise<void> {
  return api<void>(`/api/houses/${id}`, { method: 'DELETE' });
}

export function createHousehold(household: NewHousehold): Promise<Household> {
  return api<Household>('/api/households', { method: 'POST', body: household });
}

// ---- organisations

export function fetchOrganisations(query: OrganisationQuery): Promise<Page<Organisation>> {
  return api<Page<Organisation>>('/api/organisations', { query: { ...query } });
}

export function createOrganisation(organisation: NewOrganisation): Promise<Organisation> {
  return api<Organisation>('/api/organisations', { method: 'POST', body: organisation });
}

export function updateOrganisation(id: number, changes: OrganisationChanges): Promise<Organisation> {
  return api<Organisation>(`/api/organisations/${id}`, { method: 'PATCH', body: changes });
}

export function deleteOrganisation(id: number): Promise<void> {
  return api<void>(`/api/organisations/${id}`, { method: 'DELETE' });
}

export function exportOrganisations({
  page: _page,
  pageSize: _size,
  ...filters
}: OrganisationQuery): Promise<void> {
  return download('/api/exports/organisations.xlsx', { ...filters }, 'organisations.xlsx');
}

// ---- hooks

/** The estates of a region; they change rarely. */
export function useEstates(regionCode: string | undefined) {
  return useQuery({
    queryKey: placeKeys.estates(regionCode),
    queryFn: () => fetchEstates(regionCode),
    staleTime: 60_000,
  });
}

export function useBuildings(query: BuildingQuery) {
  return useQuery({
    queryKey: placeKeys.buildingList(query),
    queryFn: () => fetchBuildings(query),
    placeholderData: keepPreviousData,
  });
}

export function useBuilding(id: number) {
  return useQuery({
    queryKey: placeKeys.building(id),
    queryFn: () => fetchBuilding(id),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useBuildingHouses(buildingId: number, enabled = true) {
  return useQuery({
    queryKey: placeKeys.houses(buildingId),
    queryFn: () => fetchBuildingHouses(buildingId),
    enabled,
  });
}

export function useOccupancy(buildingId: number, enabled = true) {
  return useQuery({
    queryKey: placeKeys.occupants(buildingId),
    queryFn: () => fetchOccupancy(buildingId),
    enabled,
  });
}

export function useHouse(id: number | null) {
  return useQuery({
    queryKey: placeKeys.house(id ?? 0),
    queryFn: () => fetchHouse(id ?? 0),
    enabled: id !== null,
  });
}

export function useOrganisations(query: OrganisationQuery) {
  return useQuery({
    queryKey: placeKeys.organisationList(query),
    queryFn: () => fetchOrganisations(query),
    placeholderData: keepPreviousData,
  });
}
