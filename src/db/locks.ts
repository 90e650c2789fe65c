import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { DB } from './types.js';

/**
 * Serialises writers of one key (a building's rooms, a credit code, a county's month) until the
 * transaction ends, so that two clerks cannot both pass a uniqueness or quota check. SQLite runs
 * one transaction at a time on its single connection already; PostgreSQL takes a
 * transaction-scoped advisory lock.
 */
export async function lockKey(db: Kysely<DB>, key: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(db);
}
