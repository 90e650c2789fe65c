import { type Kysely, sql } from 'kysely';
import type { DB, NewUser, UserRow, UserUpdate } from '../../db/types.js';
import { type PageRequest, paginate } from '../../platform/pagination.js';
import { narrowScope, whereInScope } from '../../platform/scope.js';

export interface UserFilter extends PageRequest {
  q?: string | undefined;
  role?: string | undefined;
  /** Narrows the list to accounts under this region (within the caller's scope). */
  scope?: string | undefined;
}

/** Accounts whose scope lies under the caller's scope. */
export function listUsers(db: Kysely<DB>, callerScope: string, filter: UserFilter) {
  const scope = narrowScope(callerScope, filter.scope);
  let query = whereInScope(db.selectFrom('users').selectAll(), 'scope', scope ?? callerScope);
  if (scope === null) query = query.where(sql<boolean>`1 = 0`);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) =>
      eb.or([eb('username', 'like', pattern), eb('display_name', 'like', pattern)]),
    );
  }
  return paginate(query, filter, (q) => q.orderBy('scope').orderBy('id'));
}

export function findUserInScope(
  db: Kysely<DB>,
  callerScope: string,
  id: number,
): Promise<UserRow | undefined> {
  return whereInScope(
    db.selectFrom('users').selectAll().where('id', '=', id),
    'scope',
    callerScope,
  ).executeTakeFirst();
}

export const findUserByUsername = (db: Kysely<DB>, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export async function insertUser(db: Kysely<DB>, user: NewUser): Promise<UserRow> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(db: Kysely<DB>, id: number, changes: UserUpdate): Promise<UserRow> {
  return db.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
