import { api } from './client';
import type { ItemList, Region, RegionWithPath } from './types';

export const regionKeys = {
  all: ['regions'] as const,
  roots: () => ['regions', 'roots'] as const,
  children: (parent: string) => ['regions', 'children', parent] as const,
  search: (q: string) => ['regions', 'search', q] as const,
  detail: (code: string) => ['regions', 'detail', code] as const,
};

/** The caller's scope node (several nodes when the scope is the whole country). */
export async function fetchRootRegions(): Promise<Region[]> {
  return (await api<ItemList<Region>>('/api/regions')).items;
}

export async function fetchChildRegions(parent: string): Promise<Region[]> {
  return (await api<ItemList<Region>>('/api/regions', { query: { parent } })).items;
}

export async function searchRegions(q: string): Promise<Region[]> {
  return (await api<ItemList<Region>>('/api/regions/search', { query: { q } })).items;
}

export function fetchRegion(code: string): Promise<RegionWithPath> {
  return api<RegionWithPath>(`/api/regions/${encodeURIComponent(code)}`);
}

export function createGrid(parentCode: string, name: string): Promise<Region> {
  return api<Region>('/api/regions', { method: 'POST', body: { parentCode, name } });
}

export function renameGrid(code: string, name: string): Promise<Region> {
  return api<Region>(`/api/regions/${encodeURIComponent(code)}`, { method: 'PATCH', body: { name } });
}
