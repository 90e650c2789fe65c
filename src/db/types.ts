import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { FieldVisitTables } from './fieldvisit-types.js';
import type { RegistryTables } from './registry-types.js';

/**
 * The database as Kysely sees it. Instants and dates are ISO strings and booleans are 0/1
 * integers in both dialects, so that rows read the same from SQLite and PostgreSQL.
 */
export interface DB extends RegistryTables, FieldVisitTables {
  regions: RegionTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
}

export type RegionLevel = 'province' | 'city' | 'county' | 'street' | 'community' | 'grid';

export interface RegionTable {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  scope: string;
  must_change_password: number;
  disabled: number;
  locked_until: string | null;
  /** Failed logins before this instant no longer count towards a lockout. */
  failures_reset_at: string | null;
  last_login_at: string | null;
  password_changed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string;
  user_agent: string;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  at: string;
  username: string;
  ip: string;
  success: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string;
  role: string;
  action: string;
  entity: string;
  entity_id: string;
  region_code: string;
  ip: string;
  before: string | null;
  after: string | null;
}

export type RegionRow = Selectable<RegionTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type AuditRow = Selectable<AuditLogTable>;
