// The map's API (民情地图). Types derive from the server's TypeBox schemas (type-only imports:
// nothing of the server reaches the bundle).
import type { Static } from 'typebox';
import type {
  BuildingFeatureCollection,
  GridFeatureCollection,
  LocationResponse,
  MapConfigResponse,
  OutlineGeometry,
  OutlineResponse,
} from '../../../src/modules/map/map.schemas';
import type { BuildingView, HouseDetail, HouseView } from '../../../src/modules/registry/places.schemas';
import { api } from './client';
import type { Page } from './types';

export type MapSettings = Static<typeof MapConfigResponse>;
export type GridCollection = Static<typeof GridFeatureCollection>;
export type GridFeature = GridCollection['features'][number];
export type BuildingCollection = Static<typeof BuildingFeatureCollection>;
export type BuildingFeature = BuildingCollection['features'][number];
export type BuildingProperties = BuildingFeature['properties'];
export type Outline = OutlineGeometry;
export type SavedOutline = Static<typeof OutlineResponse>;
export type Building = Static<typeof BuildingView>;
export type House = Static<typeof HouseView>;
export type HouseWithHouseholds = Static<typeof HouseDetail>;

export const mapKeys = {
  all: ['map'] as const,
  config: (regionCode: string | undefined) => ['map', 'config', regionCode ?? ''] as const,
  grids: (regionCode: string | undefined) => ['map', 'grids', regionCode ?? ''] as const,
  buildings: (regionCode: string | undefined) => ['map', 'buildings', regionCode ?? ''] as const,
  unlocated: (regionCode: string) => ['map', 'unlocated', regionCode] as const,
  houses: (buildingId: number) => ['map', 'houses', buildingId] as const,
  house: (houseId: number) => ['map', 'house', houseId] as const,
};

export function fetchMapSettings(regionCode?: string): Promise<MapSettings> {
  return api<MapSettings>('/api/map/config', { query: { regionCode } });
}

export function fetchGrids(regionCode?: string): Promise<GridCollection> {
  return api<GridCollection>('/api/map/grids.geojson', { query: { regionCode } });
}

export function fetchBuildings(regionCode?: string): Promise<BuildingCollection> {
  return api<BuildingCollection>('/api/map/buildings.geojson', { query: { regionCode } });
}

export function saveOutline(regionCode: string, geometry: Outline): Promise<SavedOutline> {
  return api<SavedOutline>(`/api/map/outlines/${encodeURIComponent(regionCode)}`, {
    method: 'PUT',
    body: { geometry },
  });
}

export function deleteOutline(regionCode: string): Promise<void> {
  return api<void>(`/api/map/outlines/${encodeURIComponent(regionCode)}`, { method: 'DELETE' });
}

export function saveBuildingLocation(
  id: number,
  location: { lat: number; lng: number },
): Promise<Static<typeof LocationResponse>> {
  return api(`/api/map/buildings/${id}/location`, { method: 'PUT', body: location });
}

/**
 * Every item of a paged list, up to a bound: a grid rarely holds more than a few hundred
 * buildings, and a building a few hundred houses.
 */
async function readAll<T>(path: string, query: Record<string, string | number>): Promise<T[]> {
  const found: T[] = [];
  for (let page = 1; page <= 10; page += 1) {
    const result = await api<Page<T>>(path, { query: { ...query, page, pageSize: 200 } });
    found.push(...result.items);
    if (result.items.length === 0 || page * result.pageSize >= result.total) break;
  }
  return found;
}

/** The buildings of a region that have no coordinates yet, to be placed on the map. */
export async function fetchUnlocatedBuildings(regionCode: string): Promise<Building[]> {
  const all = await readAll<Building>('/api/buildings', { regionCode });
  return all.filter((b) => b.lat === null || b.lng === null);
}

export function fetchBuildingHouses(buildingId: number): Promise<House[]> {
  return readAll<House>(`/api/buildings/${buildingId}/houses`, {});
}

export function fetchHouse(houseId: number): Promise<HouseWithHouseholds> {
  return api<HouseWithHouseholds>(`/api/houses/${houseId}`);
}
