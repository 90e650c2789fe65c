// The care tag catalog (重点人群标签) as its admins keep it. Reading goes through the same
// GET /api/tags (and cache entry) as residents.ts, which for an admin answers every tag with the
// roles a sensitive one is granted to; this module adds the writes.
import { useQuery } from '@tanstack/react-query';
import type { CreateTagBody, UpdateTagBody } from '../../../src/modules/registry/tags.schemas';
import { api } from './client';
import { type CatalogTag, fetchTagCatalog, residentKeys } from './residents';

export type { CatalogTag };
export type TagCategory = CatalogTag['category'];
export type NewTag = CreateTagBody;
export type TagChanges = UpdateTagBody;

export const tagKeys = {
  /** Every cached view of the catalog (residentKeys.catalog lies under it). */
  all: ['tags'] as const,
  catalog: residentKeys.catalog,
};

export function createTag(tag: NewTag): Promise<CatalogTag> {
  return api<CatalogTag>('/api/tags', { method: 'POST', body: tag });
}

export function updateTag(id: CatalogTag['id'], changes: TagChanges): Promise<CatalogTag> {
  return api<CatalogTag>(`/api/tags/${id}`, { method: 'PATCH', body: changes });
}

/** The whole catalog, fetched afresh whenever the admin screen opens (no long staleTime). */
export function useTagAdminList() {
  return useQuery({ queryKey: tagKeys.catalog, queryFn: fetchTagCatalog });
}
