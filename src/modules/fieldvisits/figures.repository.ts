import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import { type PageRequest, paginate } from '../../platform/pagination.js';
import { filteredVisits, type VisitFilter, visitsWhere } from './fieldvisits.repository.js';
import { WARNING_CODES } from './fieldvisits.schemas.js';

/** Live filings (cancelled ones count for nothing) a reader may see, starting between two dates. */
const live = (db: Kysely<DB>, f: VisitFilter) =>
  visitsWhere(db, f).where('field_visits.status', '!=', 'cancelled');

const monthOfStart = sql<string>`substr(field_visits.start_date, 1, 7)`;

/**
 * The filing-level figures in one pass: the total, how many went to review and were decided,
 * and each warning's count (warnings are stored as JSON; a code appears once per filing as
 * `"code":"…"`, so a LIKE per code counts filings carrying it).
 */
export async function totals(db: Kysely<DB>, f: VisitFilter) {
  const row = await live(db, f)
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      sql<number>`sum(case when field_visits.warnings <> '[]' or field_visits.status = 'pending_review'
        or field_visits.reviewed_at is not null then 1 else 0 end)`.as('flagged'),
      sql<number>`sum(case when field_visits.reviewed_at is not null then 1 else 0 end)`.as('reviewed'),
      ...WARNING_CODES.map((code) =>
        sql<number>`sum(case when field_visits.warnings like ${`%"code":"${code}"%`} then 1 else 0 end)`.as(
          code,
        ),
      ),
    ])
    .executeTakeFirstOrThrow();
  const n = (v: unknown) => Number(v ?? 0);
  return {
    total: n(row.total),
    flagged: n(row.flagged),
    reviewed: n(row.reviewed),
    warnings: WARNING_CODES.map((code) => ({ code, count: n((row as Record<string, unknown>)[code]) })),
  };
}

export const byUnit = (db: Kysely<DB>, f: VisitFilter) =>
  live(db, f)
    .innerJoin('fv_units', 'fv_units.id', 'field_visits.unit_id')
    .select(['field_visits.unit_id', 'fv_units.name', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['field_visits.unit_id', 'fv_units.name'])
    .orderBy('n', 'desc')
    .orderBy('field_visits.unit_id')
    .execute();

export const byMonth = (db: Kysely<DB>, f: VisitFilter) =>
  live(db, f)
    .select([monthOfStart.as('month'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(monthOfStart)
    .orderBy(monthOfStart)
    .execute();

/** Filings per day of their start, for the calendar. */
export const byDay = (db: Kysely<DB>, f: VisitFilter) =>
  live(db, f)
    .select(['field_visits.start_date', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('field_visits.start_date')
    .orderBy('field_visits.start_date')
    .execute();

/** What the county rows count: a stop per county, live, in range, under a prefix, of a unit. */
function countyRows(db: Kysely<DB>, f: { prefix: string; unitId?: number; from: string; to: string }) {
  let q = db
    .selectFrom('field_visit_counties as c')
    .where('c.live', '=', 1)
    .where('c.start_date', '>=', f.from)
    .where('c.start_date', '<=', f.to);
  if (f.prefix) q = q.where('c.county_code', 'like', `${f.prefix}%`);
  if (f.unitId !== undefined) q = q.where('c.unit_id', '=', f.unitId);
  return q;
}
type CountyFilter = Parameters<typeof countyRows>[1];

export const byCounty = (db: Kysely<DB>, f: CountyFilter) =>
  countyRows(db, f)
    .innerJoin('regions as r', 'r.code', 'c.county_code')
    .select(['c.county_code', 'r.name', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['c.county_code', 'r.name'])
    .orderBy('n', 'desc')
    .orderBy('c.county_code')
    .execute();

/** Counties' months with more filings than the line. */
export function aboveLine(db: Kysely<DB>, f: CountyFilter, max: number) {
  const month = sql<string>`substr(c.start_date, 1, 7)`;
  return countyRows(db, f)
    .innerJoin('regions as r', 'r.code', 'c.county_code')
    .select(['c.county_code', 'r.name', month.as('month'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['c.county_code', 'r.name', month])
    .having((eb) => eb.fn.countAll(), '>', max)
    .orderBy(month)
    .orderBy('c.county_code')
    .execute();
}

/** Visits whose result is overdue on `today`: owed, not filed, due before today; most overdue first. */
export const overdue = (db: Kysely<DB>, f: VisitFilter, owed: string[], today: string, page: PageRequest) =>
  paginate(
    filteredVisits(db, f)
      .where('field_visits.result_at', 'is', null)
      .where('field_visits.result_due_date', '<', today)
      .where('field_visits.status', 'in', owed),
    page,
    (q) => q.orderBy('field_visits.result_due_date').orderBy('field_visits.id'),
  );
