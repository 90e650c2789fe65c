import { type Kysely, sql } from 'kysely';
import type { AuditRow, DB } from '../../db/types.js';
import { endOfShanghaiDay, startOfShanghaiDay } from '../clock.js';
import { type PageRequest, paginate } from '../pagination.js';
import { narrowScope, whereInScope } from '../scope.js';

export interface AuditFilter extends PageRequest {
  actor?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  regionCode?: string | undefined;
  /** Shanghai calendar dates, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Kysely<DB>, scope: string, filter: AuditFilter) {
  const narrowed = narrowScope(scope, filter.regionCode);
  let query = whereInScope(db.selectFrom('audit_log').selectAll(), 'region_code', narrowed ?? scope);
  if (narrowed === null) query = query.where(sql<boolean>`1 = 0`);
  if (filter.actor) query = query.where('actor_name', '=', filter.actor);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('at', '>=', startOfShanghaiDay(filter.from));
  if (filter.to) query = query.where('at', '<', endOfShanghaiDay(filter.to));
  return query;
}

const newestFirst = <Q extends { orderBy: (c: 'id', d: 'desc') => Q }>(q: Q) => q.orderBy('id', 'desc');

export const searchAudit = (db: Kysely<DB>, scope: string, filter: AuditFilter) =>
  paginate(filtered(db, scope, filter), filter, newestFirst);

/** Every matching record, newest first, in batches (keyset on id) so an export never holds them all. */
export async function* streamAudit(
  db: Kysely<DB>,
  scope: string,
  filter: AuditFilter,
): AsyncGenerator<AuditRow[]> {
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const batch = await newestFirst(filtered(db, scope, filter).where('id', '<', before))
      .limit(1000)
      .execute();
    if (batch.length === 0) return;
    yield batch;
    before = batch[batch.length - 1]?.id ?? 0;
  }
}
