// Shapes of the platform API (docs/api.md). Where the server declares a TypeBox schema, the type
// is derived from it (a type-only import: nothing of the server reaches the bundle), so the two
// cannot drift apart; the rest is kept by hand.
import type { Static } from 'typebox';
import type { UserSchema } from '../../../src/platform/auth/auth.schemas';

export type User = Static<typeof UserSchema>;

export interface Session {
  user: User;
  csrfToken: string;
}

export type RegionLevel = 'province' | 'city' | 'county' | 'street' | 'community' | 'grid';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  childCount: number;
  /** Search results only: the ancestors' names, so that same-named grids can be told apart. */
  pathName?: string;
}

export interface RegionWithPath extends Region {
  path: Region[];
}

export interface Role {
  code: string;
  name: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ItemList<T> {
  items: T[];
}

export interface AuditEntry {
  id: number | string;
  at: string;
  actorId: number | string | null;
  actorName: string | null;
  role: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  ip: string | null;
  before: unknown;
  after: unknown;
}

export interface ErrorDetail {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: ErrorDetail[];
    retryAfterSeconds?: number;
  };
}
