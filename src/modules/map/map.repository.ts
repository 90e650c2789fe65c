import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import { whereInScope } from '../../platform/scope.js';

/** Residents who no longer live at the address are not on the map. */
const GONE = ['left', 'deceased'];

export interface Counts {
  residents: number;
  caredFor: number;
  overdue: number;
}

export interface BBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** The three counts of the map over the residents `r` joined in, as SQL aggregates. */
function countColumns(now: string) {
  return [
    sql<number>`count(r.id)`.as('residents'),
    sql<number>`coalesce(sum(case when r.visit_interval_days is not null then 1 else 0 end), 0)`.as(
      'cared_for',
    ),
    sql<number>`coalesce(sum(case when r.visit_interval_days is not null and r.visit_due_at < ${now} then 1 else 0 end), 0)`.as(
      'overdue',
    ),
  ] as const;
}

const counts = (row: { residents: unknown; cared_for: unknown; overdue: unknown }): Counts => ({
  residents: Number(row.residents),
  caredFor: Number(row.cared_for),
  overdue: Number(row.overdue),
});

/** Communities and grids under `scope`, each with its drawn outline (GeoJSON text) if any. */
export async function mapRegions(db: Kysely<DB>, scope: string) {
  const query = db
    .selectFrom('regions as g')
    .leftJoin('region_shapes as s', 's.region_code', 'g.code')
    .select(['g.code', 'g.name', 'g.level', 's.geometry'])
    .where('g.level', 'in', ['community', 'grid'])
    .orderBy('g.code');
  return whereInScope(query, 'g.code', scope).execute();
}

/**
 * The map's counts per region code (a grid, or a community for residents kept there) in one
 * aggregate over the residents under `scope`: its index `residents_region` holds the prefix.
 */
export async function countsByRegion(db: Kysely<DB>, scope: string, now: string) {
  const query = db
    .selectFrom('residents as r')
    .select(['r.region_code', ...countColumns(now)])
    .where('r.deleted_at', 'is', null)
    .where('r.status', 'not in', GONE)
    .groupBy('r.region_code');
  const rows = await whereInScope(query, 'r.region_code', scope).execute();
  return new Map(rows.map((row) => [row.region_code, counts(row)]));
}

/**
 * Located buildings under `scope` with their counts, in one GROUP BY: each building reaches its
 * residents through `houses_building` and `residents_house`, so the cost follows the buildings
 * asked for, not the size of the database. Residents outside the scope are never counted, even
 * when recorded in a house of a building inside it.
 */
export async function locatedBuildings(db: Kysely<DB>, scope: string, now: string, bbox?: BBox) {
  let query = db
    .selectFrom('buildings as b')
    .leftJoin('estates as e', 'e.id', 'b.estate_id')
    .leftJoin('houses as h', (join) =>
      join.onRef('h.building_id', '=', 'b.id').on('h.deleted_at', 'is', null),
    )
    .leftJoin('residents as r', (join) =>
      join
        .onRef('r.house_id', '=', 'h.id')
        .on('r.deleted_at', 'is', null)
        .on('r.status', 'not in', GONE)
        .on('r.region_code', 'like', `${scope}%`),
    )
    .select([
      'b.id',
      'b.number',
      'b.kind',
      'b.region_code',
      'b.lat',
      'b.lng',
      'e.name as estate_name',
      ...countColumns(now),
    ])
    .where('b.deleted_at', 'is', null)
    .where('b.lat', 'is not', null)
    .where('b.lng', 'is not', null)
    .groupBy(['b.id', 'b.number', 'b.kind', 'b.region_code', 'b.lat', 'b.lng', 'e.name'])
    .orderBy('b.id');
  if (bbox) {
    query = query
      .where('b.lng', '>=', bbox.minLng)
      .where('b.lng', '<=', bbox.maxLng)
      .where('b.lat', '>=', bbox.minLat)
      .where('b.lat', '<=', bbox.maxLat);
  }
  const rows = await whereInScope(query, 'b.region_code', scope).execute();
  return rows.map((row) => ({
    id: Number(row.id),
    number: row.number,
    kind: row.kind,
    regionCode: row.region_code,
    lat: Number(row.lat),
    lng: Number(row.lng),
    estateName: row.estate_name,
    ...counts(row),
  }));
}

/** The centroid of the located buildings under `scope`, or null when none is located. */
export async function buildingsCentroid(db: Kysely<DB>, scope: string): Promise<[number, number] | null> {
  const query = db
    .selectFrom('buildings as b')
    .select([sql<number | null>`avg(b.lat)`.as('lat'), sql<number | null>`avg(b.lng)`.as('lng')])
    .where('b.deleted_at', 'is', null)
    .where('b.lat', 'is not', null)
    .where('b.lng', 'is not', null);
  const row = await whereInScope(query, 'b.region_code', scope).executeTakeFirst();
  if (row?.lat === null || row?.lat === undefined || row.lng === null) return null;
  return [Number(row.lat), Number(row.lng)];
}

export async function findRegion(db: Kysely<DB>, code: string, scope: string) {
  const query = db.selectFrom('regions').select(['code', 'name', 'level']).where('code', '=', code);
  return whereInScope(query, 'code', scope).executeTakeFirst();
}

export async function findShape(db: Kysely<DB>, regionCode: string) {
  return db.selectFrom('region_shapes').selectAll().where('region_code', '=', regionCode).executeTakeFirst();
}

export async function upsertShape(
  db: Kysely<DB>,
  shape: { region_code: string; geometry: string; updated_at: string; updated_by: string },
) {
  await db
    .insertInto('region_shapes')
    .values(shape)
    .onConflict((oc) =>
      oc.column('region_code').doUpdateSet({
        geometry: shape.geometry,
        updated_at: shape.updated_at,
        updated_by: shape.updated_by,
      }),
    )
    .execute();
}

export async function deleteShape(db: Kysely<DB>, regionCode: string) {
  await db.deleteFrom('region_shapes').where('region_code', '=', regionCode).execute();
}

export async function findBuilding(db: Kysely<DB>, id: number, scope: string) {
  const query = db
    .selectFrom('buildings')
    .select(['id', 'region_code', 'number', 'lat', 'lng'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null);
  return whereInScope(query, 'region_code', scope).executeTakeFirst();
}

export async function setBuildingLocation(
  db: Kysely<DB>,
  id: number,
  location: { lat: number; lng: number },
  at: string,
) {
  await db
    .updateTable('buildings')
    .set({ lat: location.lat, lng: location.lng, updated_at: at })
    .where('id', '=', id)
    .execute();
}
