// Shapes of the platform API as documented in docs/api.md. Kept by hand until the client can be
// generated from the server's TypeBox schemas.

export interface User {
  id: number | string;
  username: string;
  displayName: string;
  role: string;
  scope: string;
  scopeName: string;
  mustChangePassword: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  permissions: string[];
}

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
