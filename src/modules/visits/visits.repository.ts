import type { Insertable, Kysely } from 'kysely';
import type { VisitTable } from '../../db/registry-types.js';
import type { DB } from '../../db/types.js';
import { paginate } from '../../platform/pagination.js';
import { whereInScope } from '../../platform/scope.js';

export const insertVisit = (db: Kysely<DB>, row: Insertable<VisitTable>) =>
  db.insertInto('visits').values(row).returningAll().executeTakeFirstOrThrow();

export const latestVisit = (db: Kysely<DB>, residentId: number) =>
  db
    .selectFrom('visits')
    .select(['visited_at', 'major_change'])
    .where('resident_id', '=', residentId)
    .orderBy('visited_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

/** The resident's active tags with what the due rule needs from the catalog. */
export const activeCare = (db: Kysely<DB>, residentId: number) =>
  db
    .selectFrom('resident_tags')
    .innerJoin('care_tags', 'care_tags.id', 'resident_tags.tag_id')
    .select(['care_tags.code', 'care_tags.visit_interval_days', 'resident_tags.started_on'])
    .where('resident_tags.resident_id', '=', residentId)
    .where('resident_tags.ended_on', 'is', null)
    .execute();

export interface VisitFilter {
  scope: string;
  from?: string;
  to?: string;
  residentId?: number;
  visitorId?: number;
}

function filteredVisits(db: Kysely<DB>, f: VisitFilter) {
  let q = whereInScope(
    db
      .selectFrom('visits')
      .innerJoin('residents', 'residents.id', 'visits.resident_id')
      .selectAll('visits')
      .select('residents.name as resident_name'),
    'visits.region_code',
    f.scope,
  );
  if (f.from) q = q.where('visits.visited_at', '>=', f.from);
  if (f.to) q = q.where('visits.visited_at', '<', f.to);
  if (f.residentId !== undefined) q = q.where('visits.resident_id', '=', f.residentId);
  if (f.visitorId !== undefined) q = q.where('visits.visitor_id', '=', f.visitorId);
  return q;
}

export function listVisits(db: Kysely<DB>, f: VisitFilter, page: { page?: number; pageSize?: number }) {
  return paginate(filteredVisits(db, f), page, (query) =>
    query.orderBy('visits.visited_at', 'desc').orderBy('visits.id', 'desc'),
  );
}

/**
 * Every visit the filter selects, newest first as listed, in batches (for exports): each batch
 * continues after the last row of the one before, so memory holds one batch.
 */
export async function* streamVisits(db: Kysely<DB>, f: VisitFilter, batchSize = 1000) {
  let after: { visitedAt: string; id: number } | undefined;
  for (;;) {
    let q = filteredVisits(db, f);
    if (after) {
      const { visitedAt, id } = after;
      q = q.where((eb) =>
        eb.or([
          eb('visits.visited_at', '<', visitedAt),
          eb.and([eb('visits.visited_at', '=', visitedAt), eb('visits.id', '<', id)]),
        ]),
      );
    }
    const rows = await q
      .orderBy('visits.visited_at', 'desc')
      .orderBy('visits.id', 'desc')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1];
    if (!last || rows.length < batchSize) return;
    after = { visitedAt: last.visited_at, id: last.id };
  }
}

/** The counts of the visit summary, for residents and visits under a region prefix. */
export async function visitCounts(
  db: Kysely<DB>,
  scope: string,
  at: { now: string; endOfToday: string; endOfWeek: string; monthStart: string },
) {
  const cared = whereInScope(db.selectFrom('residents'), 'region_code', scope)
    .where('deleted_at', 'is', null)
    .where('visit_due_at', 'is not', null);
  const [residents, visits] = await Promise.all([
    cared
      .select((eb) => [
        eb.fn.countAll<number>().as('caredFor'),
        eb.fn.sum<number>(eb.case().when('visit_due_at', '<', at.now).then(1).else(0).end()).as('overdue'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('visit_due_at', '>=', at.now), eb('visit_due_at', '<=', at.endOfToday)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('dueToday'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('visit_due_at', '>=', at.now), eb('visit_due_at', '<=', at.endOfWeek)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('dueThisWeek'),
      ])
      .executeTakeFirstOrThrow(),
    whereInScope(db.selectFrom('visits'), 'region_code', scope)
      .where('visited_at', '>=', at.monthStart)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    caredFor: Number(residents.caredFor),
    overdue: Number(residents.overdue ?? 0),
    dueToday: Number(residents.dueToday ?? 0),
    dueThisWeek: Number(residents.dueThisWeek ?? 0),
    visitsThisMonth: Number(visits.count),
  };
}
