import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import { whereInScope } from '../../platform/scope.js';

/** Under a region prefix, the figures of each child region (child codes are `childLength` long). */
export async function figuresByChild(db: Kysely<DB>, prefix: string, childLength: number, now: string) {
  const child = sql<string>`substr(region_code, 1, ${sql.lit(childLength)})`;
  const [residents, households] = await Promise.all([
    whereInScope(db.selectFrom('residents'), 'region_code', prefix)
      .where('deleted_at', 'is', null)
      .select((eb) => [
        child.as('code'),
        eb.fn.countAll<number>().as('residents'),
        eb.fn.count<number>('visit_due_at').as('caredFor'),
        eb.fn.sum<number>(eb.case().when('visit_due_at', '<', now).then(1).else(0).end()).as('overdue'),
      ])
      .groupBy(child)
      .execute(),
    whereInScope(db.selectFrom('households'), 'region_code', prefix)
      .where('deleted_at', 'is', null)
      .select((eb) => [child.as('code'), eb.fn.countAll<number>().as('households')])
      .groupBy(child)
      .execute(),
  ]);
  return { residents, households };
}

/** Cared-for residents per active tag under a region prefix. */
export const residentsByTag = (db: Kysely<DB>, prefix: string) =>
  whereInScope(
    db
      .selectFrom('resident_tags')
      .innerJoin('residents', 'residents.id', 'resident_tags.resident_id')
      .select([
        'resident_tags.tag_id',
        (eb) => eb.fn.count<number>('resident_tags.resident_id').distinct().as('count'),
      ]),
    'resident_tags.region_code',
    prefix,
  )
    .where('resident_tags.ended_on', 'is', null)
    .where('residents.deleted_at', 'is', null)
    .groupBy('resident_tags.tag_id')
    .execute();

export async function countBuildings(db: Kysely<DB>, prefix: string): Promise<number> {
  const row = await whereInScope(db.selectFrom('buildings'), 'region_code', prefix)
    .where('deleted_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Visits since an instant under a region prefix. Asked region by region (`region_code IN (the
 * regions under the prefix)`), each region is one range of the (region_code, visited_at) index;
 * `region_code LIKE prefix%` would read every visit of the prefix, years of them, to keep this
 * month's. The same rows: a visit's region is always a region (foreign key).
 */
export async function countVisitsSince(db: Kysely<DB>, prefix: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('visits')
    .where('region_code', 'in', whereInScope(db.selectFrom('regions').select('code'), 'code', prefix))
    .where('visited_at', '>=', since)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
