import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { NewResident, ResidentRow, ResidentUpdate } from '../../db/registry-types.js';
import type { DB } from '../../db/types.js';
import { type Page, paginate } from '../../platform/pagination.js';
import { whereInScope } from '../../platform/scope.js';

/** What a resident search asks for, already resolved by the service (keys hashed, dates computed). */
export interface ResidentFilter {
  /** The region prefix to search under: the caller's scope narrowed by any region asked for. */
  scope: string;
  search?:
    | { by: 'idNumber'; index: string }
    | { by: 'phone'; index: string }
    | { by: 'phoneTail'; tail: string }
    | { by: 'pinyin'; prefix: string }
    | { by: 'name'; prefix: string };
  tagId?: number;
  hukou?: string;
  status?: string;
  gender?: string;
  /** Born on or before: "at least N years old". */
  bornOnOrBefore?: string;
  /** Born after: "at most N years old". */
  bornAfter?: string;
  estateId?: number;
  buildingId?: number;
  houseId?: number;
  householdId?: number;
  /**
   * Only residents whose next visit is due by this instant. A visit due "by the end of a day"
   * is stored as the first instant of the next, so the bound is inclusive.
   */
  dueBy?: string;
  deleted: boolean;
}

type ResidentQuery = SelectQueryBuilder<DB, 'residents', ResidentRow>;

function filtered(db: Kysely<DB>, f: ResidentFilter): ResidentQuery {
  let q = whereInScope(db.selectFrom('residents').selectAll('residents'), 'residents.region_code', f.scope);
  q = f.deleted
    ? q.where('residents.deleted_at', 'is not', null)
    : q.where('residents.deleted_at', 'is', null);
  const s = f.search;
  if (s?.by === 'idNumber') q = q.where('residents.id_number_index', '=', s.index);
  if (s?.by === 'phone') q = q.where('residents.phone_index', '=', s.index);
  if (s?.by === 'phoneTail') q = q.where('residents.phone_tail', '=', s.tail);
  if (s?.by === 'name') q = q.where('residents.name', 'like', `${s.prefix}%`);
  if (s?.by === 'pinyin')
    q = q.where((eb) =>
      eb.or([
        eb('residents.name_initials', 'like', `${s.prefix}%`),
        eb('residents.name_pinyin', 'like', `${s.prefix}%`),
      ]),
    );
  if (f.tagId !== undefined) {
    const tagId = f.tagId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('resident_tags')
          .select('resident_tags.id')
          .whereRef('resident_tags.resident_id', '=', 'residents.id')
          .where('resident_tags.tag_id', '=', tagId)
          .where('resident_tags.ended_on', 'is', null),
      ),
    );
  }
  if (f.hukou) q = q.where('residents.hukou', '=', f.hukou);
  if (f.status) q = q.where('residents.status', '=', f.status);
  if (f.gender) q = q.where('residents.gender', '=', f.gender);
  if (f.bornOnOrBefore) q = q.where('residents.birth_date', '<=', f.bornOnOrBefore);
  if (f.bornAfter) q = q.where('residents.birth_date', '>', f.bornAfter);
  if (f.householdId !== undefined) q = q.where('residents.household_id', '=', f.householdId);
  if (f.houseId !== undefined) q = q.where('residents.house_id', '=', f.houseId);
  if (f.buildingId !== undefined || f.estateId !== undefined) {
    const { buildingId, estateId } = f;
    q = q.where('residents.house_id', 'in', (eb) => {
      let houses = eb
        .selectFrom('houses')
        .innerJoin('buildings', 'buildings.id', 'houses.building_id')
        .select('houses.id');
      if (buildingId !== undefined) houses = houses.where('houses.building_id', '=', buildingId);
      if (estateId !== undefined) houses = houses.where('buildings.estate_id', '=', estateId);
      return houses;
    });
  }
  if (f.dueBy) q = q.where('residents.visit_due_at', '<=', f.dueBy);
  return q;
}

export function listResidents(
  db: Kysely<DB>,
  f: ResidentFilter,
  page: { page?: number; pageSize?: number },
): Promise<Page<ResidentRow>> {
  return paginate(filtered(db, f), page, (q) => {
    if (f.dueBy) return q.orderBy('residents.visit_due_at').orderBy('residents.id');
    if (f.search?.by === 'name') return q.orderBy('residents.name').orderBy('residents.id');
    return q.orderBy('residents.region_code').orderBy('residents.id');
  });
}

/** Every resident matching the filter, in batches of ids (for exports): memory for one batch. */
export async function* streamResidents(db: Kysely<DB>, f: ResidentFilter, batchSize = 1000) {
  let after = 0;
  for (;;) {
    const rows = await filtered(db, f)
      .where('residents.id', '>', after)
      .orderBy('residents.id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

export const findResident = (db: Kysely<DB>, scope: string, id: number) =>
  whereInScope(db.selectFrom('residents').selectAll(), 'region_code', scope)
    .where('id', '=', id)
    .executeTakeFirst();

export const findByIdNumberIndex = (db: Kysely<DB>, index: string) =>
  db.selectFrom('residents').selectAll().where('id_number_index', '=', index).executeTakeFirst();

export const insertResident = (db: Kysely<DB>, row: NewResident) =>
  db.insertInto('residents').values(row).returningAll().executeTakeFirstOrThrow();

export const updateResident = (db: Kysely<DB>, id: number, changes: ResidentUpdate) =>
  db.updateTable('residents').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** Names of the grids (or any regions) by code. */
export async function regionNames(db: Kysely<DB>, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface AddressParts {
  estateName: string | null;
  buildingNumber: string;
  unit: string | null;
  room: string;
}

export async function addressesOf(db: Kysely<DB>, houseIds: number[]): Promise<Map<number, AddressParts>> {
  if (houseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('houses')
    .innerJoin('buildings', 'buildings.id', 'houses.building_id')
    .leftJoin('estates', 'estates.id', 'buildings.estate_id')
    .select([
      'houses.id',
      'houses.unit',
      'houses.room',
      'buildings.number as buildingNumber',
      'estates.name as estateName',
    ])
    .where('houses.id', 'in', houseIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The active tag ids of each resident. */
export async function activeTagIds(db: Kysely<DB>, residentIds: number[]): Promise<Map<number, number[]>> {
  const byResident = new Map<number, number[]>();
  if (residentIds.length === 0) return byResident;
  const rows = await db
    .selectFrom('resident_tags')
    .select(['resident_id', 'tag_id'])
    .where('resident_id', 'in', residentIds)
    .where('ended_on', 'is', null)
    .execute();
  for (const r of rows) byResident.set(r.resident_id, [...(byResident.get(r.resident_id) ?? []), r.tag_id]);
  return byResident;
}

export async function insertMove(
  db: Kysely<DB>,
  move: {
    resident_id: number;
    kind: 'out' | 'in';
    from_region: string;
    to_region: string | null;
    date: string;
    note: string | null;
    actor_id: number | null;
    actor_name: string;
    at: string;
  },
) {
  await db.insertInto('resident_moves').values(move).execute();
}

export const houseInScope = (db: Kysely<DB>, scope: string, id: number) =>
  whereInScope(db.selectFrom('houses').select(['id', 'region_code']), 'region_code', scope)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

export const householdInScope = (db: Kysely<DB>, scope: string, id: number) =>
  whereInScope(db.selectFrom('households').select(['id', 'region_code', 'house_id']), 'region_code', scope)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
