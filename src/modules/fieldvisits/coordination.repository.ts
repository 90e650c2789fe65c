import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/** Join requests on some visits, or made by or to a unit, oldest first, with the names to show. */
export function joinRequests(db: Kysely<DB>, by: { visitIds?: number[]; unitId?: number }) {
  let q = db
    .selectFrom('fv_join_requests as j')
    .innerJoin('field_visits as v', 'v.id', 'j.visit_id')
    .innerJoin('fv_units as host', 'host.id', 'v.unit_id')
    .innerJoin('fv_units as u', 'u.id', 'j.unit_id')
    .leftJoin('fv_departments as d', 'd.id', 'j.department_id')
    .selectAll('j')
    .select([
      'v.topic as visit_topic',
      'v.start_date as visit_start_date',
      'v.unit_id as visit_unit_id',
      'host.name as visit_unit_name',
      'u.name as unit_name',
      'd.name as department_name',
    ]);
  if (by.visitIds) q = q.where('j.visit_id', 'in', by.visitIds.length ? by.visitIds : [0]);
  if (by.unitId !== undefined) {
    const unitId = by.unitId;
    q = q.where((eb) => eb.or([eb('j.unit_id', '=', unitId), eb('v.unit_id', '=', unitId)]));
  }
  return q.orderBy('j.id').execute();
}
export type JoinRequestRow = Awaited<ReturnType<typeof joinRequests>>[number];

export const clashes = (db: Kysely<DB>, visitIds: number[]) =>
  visitIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('fv_clashes as c')
        .innerJoin('regions as r', 'r.code', 'c.county_code')
        .selectAll('c')
        .select('r.name as county_name')
        .where('c.visit_id', 'in', visitIds)
        .orderBy('c.id')
        .execute();
