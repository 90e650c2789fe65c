import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/types.js';
import type { Clock } from './clock.js';
import type { Pii } from './pii.js';

/** What every service needs: the database (or the open transaction), settings and time. */
export interface AppContext {
  db: Kysely<DB>;
  database: Database;
  config: Config;
  clock: Clock;
  pii: Pii;
}

/** Who is acting: a logged-in account, or the system itself (CLI, jobs, demo loader). */
export interface Actor {
  id: number | null;
  username: string;
  /** The person's name as records show it (a visit's visitor, a tag's author). */
  displayName: string;
  role: string;
  scope: string;
  ip: string;
}

/** The platform acting on its own (CLI, lockouts, jobs): recorded in the audit log as `system`. */
export const systemActor = (ip = 'local'): Actor => ({
  id: null,
  username: 'system',
  displayName: '系统',
  role: 'system',
  scope: '',
  ip,
});

/**
 * Runs `work` in one transaction; `tx.db` is the transaction, so every query and the audit
 * record inside commit or roll back together.
 */
export function inTransaction<T>(ctx: AppContext, work: (tx: AppContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }));
}
