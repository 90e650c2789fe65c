import type { Kysely, Updateable } from 'kysely';
import type { FieldVisitTable, NewFieldVisit } from '../../db/fieldvisit-types.js';
import type { DB } from '../../db/types.js';
import { type PageRequest, paginate } from '../../platform/pagination.js';

export const findUnit = (db: Kysely<DB>, id: number) =>
  db.selectFrom('fv_units').selectAll().where('id', '=', id).where('active', '=', 1).executeTakeFirst();

export const findDepartment = (db: Kysely<DB>, unitId: number, id: number) =>
  db
    .selectFrom('fv_departments')
    .selectAll()
    .where('id', '=', id)
    .where('unit_id', '=', unitId)
    .where('active', '=', 1)
    .executeTakeFirst();

export const reporterUnit = (db: Kysely<DB>, userId: number) =>
  db.selectFrom('fv_reporters').selectAll().where('user_id', '=', userId).executeTakeFirst();

/** Every reporter account with its unit and department, assigned or not. */
export const reporters = (db: Kysely<DB>) =>
  db
    .selectFrom('users')
    .leftJoin('fv_reporters', 'fv_reporters.user_id', 'users.id')
    .leftJoin('fv_units', 'fv_units.id', 'fv_reporters.unit_id')
    .leftJoin('fv_departments', 'fv_departments.id', 'fv_reporters.department_id')
    .select([
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'fv_reporters.unit_id',
      'fv_units.name as unit_name',
      'fv_reporters.department_id',
      'fv_departments.name as department_name',
    ])
    .where('users.role', '=', 'unit_reporter')
    .orderBy('users.id')
    .execute();

export async function listUnits(db: Kysely<DB>) {
  const [units, departments] = await Promise.all([
    db
      .selectFrom('fv_units')
      .selectAll()
      .where('active', '=', 1)
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
    db.selectFrom('fv_departments').selectAll().where('active', '=', 1).orderBy('id').execute(),
  ]);
  return { units, departments };
}

/** The current thresholds: the newest version. */
export const latestThresholds = (db: Kysely<DB>) =>
  db.selectFrom('fv_thresholds').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();

/** The county-level regions among `codes`, with their names. */
export const counties = (db: Kysely<DB>, codes: string[]) =>
  db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', 'in', codes)
    .where('level', '=', 'county')
    .execute();

/** Which live filings to count: to a county, by a unit or all, starting between two dates. */
export interface CountyRange {
  county: string;
  /** Omitted: every unit's. */
  unitId?: number;
  from: string;
  to: string;
  /** The filing being edited, which does not count against itself. */
  exceptId?: number;
}

function liveIn(db: Kysely<DB>, r: CountyRange) {
  let q = db
    .selectFrom('field_visit_counties')
    .where('live', '=', 1)
    .where('county_code', '=', r.county)
    .where('start_date', '>=', r.from)
    .where('start_date', '<=', r.to);
  if (r.unitId !== undefined) q = q.where('unit_id', '=', r.unitId);
  if (r.exceptId !== undefined) q = q.where('visit_id', '!=', r.exceptId);
  return q;
}

export async function startDatesIn(db: Kysely<DB>, r: CountyRange) {
  const rows = await liveIn(db, r).select('start_date').execute();
  return rows.map((row) => row.start_date);
}

export async function countIn(db: Kysely<DB>, r: CountyRange) {
  const row = await liveIn(db, r)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertVisit(db: Kysely<DB>, visit: NewFieldVisit, countyCodes: string[]) {
  const { id } = await db.insertInto('field_visits').values(visit).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('field_visit_counties')
    .values(
      countyCodes.map((county_code) => ({
        visit_id: id,
        county_code,
        unit_id: visit.unit_id,
        start_date: visit.start_date,
        live: 1,
      })),
    )
    .execute();
  return Number(id);
}

/** Which visits a reader may see: a unit's own, or those coming to counties under a prefix. */
export interface VisitFilter {
  unitId?: number;
  /** Only visits with a stop in a county under this prefix. */
  countyPrefix?: string;
  /** With `countyPrefix`: leave out cancelled visits (a county sees only what is coming). */
  liveOnly?: boolean;
  countyCode?: string;
  from?: string;
  to?: string;
  status?: string;
}

/** The filings a filter selects, with nothing selected yet (lists select rows, figures counts). */
export function visitsWhere(db: Kysely<DB>, f: VisitFilter) {
  let q = db.selectFrom('field_visits');
  if (f.unitId !== undefined) q = q.where('field_visits.unit_id', '=', f.unitId);
  if (f.from) q = q.where('field_visits.start_date', '>=', f.from);
  if (f.to) q = q.where('field_visits.start_date', '<=', f.to);
  if (f.status) q = q.where('field_visits.status', '=', f.status);
  if (f.countyPrefix || f.countyCode) {
    const { countyPrefix, countyCode, liveOnly } = f;
    q = q.where('field_visits.id', 'in', (eb) => {
      let c = eb.selectFrom('field_visit_counties').select('visit_id');
      if (countyPrefix) c = c.where('county_code', 'like', `${countyPrefix}%`);
      if (countyCode) c = c.where('county_code', '=', countyCode);
      if (liveOnly) c = c.where('live', '=', 1);
      return c;
    });
  }
  return q;
}

export const filteredVisits = (db: Kysely<DB>, f: VisitFilter) =>
  visitsWhere(db, f).selectAll('field_visits');

export const listVisits = (db: Kysely<DB>, f: VisitFilter, page: PageRequest) =>
  paginate(filteredVisits(db, f), page, (q) =>
    q.orderBy('field_visits.start_date').orderBy('field_visits.id'),
  );

export const findVisit = (db: Kysely<DB>, id: number) =>
  db.selectFrom('field_visits').selectAll().where('id', '=', id).executeTakeFirst();

export const visitCounties = (db: Kysely<DB>, id: number) =>
  db.selectFrom('field_visit_counties').select(['county_code', 'live']).where('visit_id', '=', id).execute();

export async function updateVisit(db: Kysely<DB>, id: number, changes: Updateable<FieldVisitTable>) {
  await db.updateTable('field_visits').set(changes).where('id', '=', id).execute();
}

/** An edited filing counts where and when it now goes. */
export async function recount(
  db: Kysely<DB>,
  id: number,
  unitId: number,
  startDate: string,
  countyCodes: string[],
) {
  await db.deleteFrom('field_visit_counties').where('visit_id', '=', id).execute();
  await db
    .insertInto('field_visit_counties')
    .values(
      countyCodes.map((county_code) => ({
        visit_id: id,
        county_code,
        unit_id: unitId,
        start_date: startDate,
        live: 1,
      })),
    )
    .execute();
}

/** A cancelled filing counts for nothing. */
export async function uncount(db: Kysely<DB>, id: number) {
  await db.updateTable('field_visit_counties').set({ live: 0 }).where('visit_id', '=', id).execute();
}

/** Names of units and departments, and of regions, by id or code, for presenting visits. */
export async function namesFor(db: Kysely<DB>, unitIds: number[], departmentIds: number[], codes: string[]) {
  const [units, departments, regions] = await Promise.all([
    unitIds.length
      ? db.selectFrom('fv_units').select(['id', 'name']).where('id', 'in', unitIds).execute()
      : [],
    departmentIds.length
      ? db.selectFrom('fv_departments').select(['id', 'name']).where('id', 'in', departmentIds).execute()
      : [],
    codes.length
      ? db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute()
      : [],
  ]);
  return {
    units: new Map(units.map((u) => [Number(u.id), u.name])),
    departments: new Map(departments.map((d) => [Number(d.id), d.name])),
    regions: new Map(regions.map((r) => [r.code, r.name])),
  };
}

/** Live filings per county starting between two dates, for the counties under a prefix. */
export async function loadByCounty(db: Kysely<DB>, prefix: string, from: string, to: string) {
  const [all, counts] = await Promise.all([
    db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('level', '=', 'county')
      .where('code', 'like', `${prefix}%`)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('field_visit_counties')
      .select(['county_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('start_date', '>=', from)
      .where('start_date', '<=', to)
      .where('county_code', 'like', `${prefix}%`)
      .where('live', '=', 1)
      .groupBy('county_code')
      .execute(),
  ]);
  const byCounty = new Map(counts.map((c) => [c.county_code, Number(c.n)]));
  return all.map((c) => ({ code: c.code, name: c.name, count: byCounty.get(c.code) ?? 0 }));
}

/** Visits in brief (unit, topic, dates, headcount), as another unit may know them. */
export async function visitSummaries(db: Kysely<DB>, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('field_visits')
    .innerJoin('fv_units', 'fv_units.id', 'field_visits.unit_id')
    .select([
      'field_visits.id',
      'fv_units.name',
      'field_visits.topic',
      'field_visits.start_date',
      'field_visits.end_date',
      'field_visits.headcount',
    ])
    .where('field_visits.id', 'in', ids)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    unitName: r.name,
    topic: r.topic,
    startDate: r.start_date,
    endDate: r.end_date,
    headcount: r.headcount,
  }));
}
