import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { BuildingRow, EstateRow, HouseholdRow, HouseRow, ResidentRow } from '../../db/registry-types.js';
import type { DB } from '../../db/types.js';
import { type PageRequest, paginate } from '../../platform/pagination.js';
import { narrowScope, whereInScope } from '../../platform/scope.js';

type NewRow<T> = Omit<T, 'id'>;
type Changes<T> = Partial<Omit<T, 'id' | 'created_at'>>;

export type EstateListRow = EstateRow & { region_name: string; building_count: number | null };
export type BuildingListRow = BuildingRow & {
  region_name: string;
  estate_name: string | null;
  house_count: number | null;
  household_count: number | null;
  resident_count: number | null;
};
export type HouseListRow = HouseRow & {
  region_name: string;
  building_number: string;
  estate_id: number | null;
  estate_name: string | null;
};
export type HouseholdListRow = HouseholdRow & {
  region_name: string;
  estate_name: string | null;
  building_number: string | null;
  unit: string | null;
  room: string | null;
};
export type MemberRow = Pick<
  ResidentRow,
  'id' | 'name' | 'relation' | 'gender' | 'birth_date' | 'status' | 'household_id'
>;

/** Residents who still belong where they are registered: not deleted, not moved out, alive. */
const GONE = ['left', 'deceased'];

/** LIKE 'text%' with the caller's wildcards taken literally (removed). */
const prefix = (text: string) => `${text.replace(/[%_\\]/g, '')}%`;

/** Keeps rows under the caller's scope and, when asked, under a region within it. */
function narrowed<D, TB extends keyof D, O>(
  query: SelectQueryBuilder<D, TB, O>,
  column: string,
  callerScope: string,
  regionCode: string | undefined,
) {
  const scope = narrowScope(callerScope, regionCode);
  const scoped = whereInScope(query, column, scope ?? callerScope);
  return scope === null ? scoped.where(sql<boolean>`1 = 0`) : scoped;
}

// ---- estates

function estates(db: Kysely<DB>, scope: string) {
  return whereInScope(
    db
      .selectFrom('estates as e')
      .innerJoin('regions as r', 'r.code', 'e.region_code')
      .selectAll('e')
      .select('r.name as region_name')
      .select((eb) =>
        // Counted within the caller's scope: a count reveals nothing beyond it.
        whereInScope(
          eb
            .selectFrom('buildings as b')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('b.estate_id', '=', 'e.id')
            .where('b.deleted_at', 'is', null),
          'b.region_code',
          scope,
        ).as('building_count'),
      )
      .where('e.deleted_at', 'is', null),
    'e.region_code',
    scope,
  );
}

export interface EstateFilter extends PageRequest {
  regionCode?: string | undefined;
  q?: string | undefined;
}

export function listEstates(db: Kysely<DB>, scope: string, filter: EstateFilter) {
  let query = narrowed(estates(db, scope), 'e.region_code', scope, filter.regionCode);
  const q = filter.q?.trim();
  if (q) query = query.where('e.name', 'like', prefix(q));
  return paginate(query, filter, (q) => q.orderBy('e.name').orderBy('e.id'));
}

export const findEstate = (db: Kysely<DB>, scope: string, id: number): Promise<EstateListRow | undefined> =>
  estates(db, scope).where('e.id', '=', id).executeTakeFirst();

export const insertEstate = (db: Kysely<DB>, row: NewRow<EstateRow>) =>
  db.insertInto('estates').values(row).returning('id').executeTakeFirstOrThrow();

export const updateEstate = (db: Kysely<DB>, id: number, changes: Changes<EstateRow>) =>
  db.updateTable('estates').set(changes).where('id', '=', id).execute();

/** Live buildings of the estate, optionally only those outside a region. */
export async function countEstateBuildings(db: Kysely<DB>, estateId: number, outside?: string) {
  let query = db
    .selectFrom('buildings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estateId)
    .where('deleted_at', 'is', null);
  if (outside !== undefined) query = query.where('region_code', 'not like', `${outside}%`);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

// ---- buildings

function buildings(db: Kysely<DB>, scope: string) {
  return whereInScope(
    db
      .selectFrom('buildings as b')
      .innerJoin('regions as r', 'r.code', 'b.region_code')
      .leftJoin('estates as e', 'e.id', 'b.estate_id')
      .selectAll('b')
      .select(['r.name as region_name', 'e.name as estate_name'])
      .select((eb) => {
        const liveHouses = eb
          .selectFrom('houses as h')
          .whereRef('h.building_id', '=', 'b.id')
          .where('h.deleted_at', 'is', null);
        return [
          liveHouses.select(eb.fn.countAll<number>().as('n')).as('house_count'),
          eb
            .selectFrom('households as hh')
            .select(eb.fn.countAll<number>().as('n'))
            .where('hh.house_id', 'in', liveHouses.select('h.id'))
            .where('hh.deleted_at', 'is', null)
            .as('household_count'),
          eb
            .selectFrom('residents as p')
            .select(eb.fn.countAll<number>().as('n'))
            .where('p.house_id', 'in', liveHouses.select('h.id'))
            .where('p.deleted_at', 'is', null)
            .as('resident_count'),
        ];
      })
      .where('b.deleted_at', 'is', null),
    'b.region_code',
    scope,
  );
}

export interface BuildingFilter extends PageRequest {
  regionCode?: string | undefined;
  estateId?: number | undefined;
  q?: string | undefined;
}

export function listBuildings(db: Kysely<DB>, scope: string, filter: BuildingFilter) {
  let query = narrowed(buildings(db, scope), 'b.region_code', scope, filter.regionCode);
  if (filter.estateId !== undefined) query = query.where('b.estate_id', '=', filter.estateId);
  const q = filter.q?.trim();
  if (q) query = query.where('b.number', 'like', prefix(q));
  // length first: 2号楼 before 10号楼.
  return paginate(query, filter, (q) =>
    q.orderBy('b.region_code').orderBy(sql`length(b.number)`).orderBy('b.number').orderBy('b.id'),
  );
}

export const findBuilding = (
  db: Kysely<DB>,
  scope: string,
  id: number,
): Promise<BuildingListRow | undefined> => buildings(db, scope).where('b.id', '=', id).executeTakeFirst();

export const insertBuilding = (db: Kysely<DB>, row: NewRow<BuildingRow>) =>
  db.insertInto('buildings').values(row).returning('id').executeTakeFirstOrThrow();

export const updateBuilding = (db: Kysely<DB>, id: number, changes: Changes<BuildingRow>) =>
  db.updateTable('buildings').set(changes).where('id', '=', id).execute();

/** Where a building's number must be unique: its estate, or, outside any estate, its grid. */
export interface BuildingPlace {
  estateId: number | null;
  regionCode: string;
  number: string;
}

/** The lock a writer of that place's numbers takes, so that two clerks cannot both take one. */
export const buildingPlaceLock = (place: BuildingPlace) =>
  place.estateId === null ? `grid-buildings:${place.regionCode}` : `estate-buildings:${place.estateId}`;

export async function findBuildingNumbered(db: Kysely<DB>, place: BuildingPlace, exceptId?: number) {
  let query = db
    .selectFrom('buildings')
    .select('id')
    .where('number', '=', place.number)
    .where('deleted_at', 'is', null);
  query =
    place.estateId === null
      ? query.where('estate_id', 'is', null).where('region_code', '=', place.regionCode)
      : query.where('estate_id', '=', place.estateId);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** What still hangs on a building: live houses and live organisations located in it. */
export async function countBuildingContents(db: Kysely<DB>, buildingId: number) {
  const [houses, organisations] = await Promise.all([
    db
      .selectFrom('houses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('building_id', '=', buildingId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('building_id', '=', buildingId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return Number(houses.n) + Number(organisations.n);
}

// ---- houses

function houses(db: Kysely<DB>, scope: string) {
  return whereInScope(
    db
      .selectFrom('houses as h')
      .innerJoin('buildings as b', 'b.id', 'h.building_id')
      .innerJoin('regions as r', 'r.code', 'h.region_code')
      .leftJoin('estates as e', 'e.id', 'b.estate_id')
      .selectAll('h')
      .select([
        'r.name as region_name',
        'b.number as building_number',
        'e.id as estate_id',
        'e.name as estate_name',
      ])
      .where('h.deleted_at', 'is', null),
    'h.region_code',
    scope,
  );
}

export function listHousesOfBuilding(db: Kysely<DB>, scope: string, buildingId: number, page: PageRequest) {
  const query = houses(db, scope).where('h.building_id', '=', buildingId);
  // Unit, floor, room, the same on both databases: no unit and no floor first, and numbers in
  // number order (length first: 2单元 before 10单元).
  return paginate(query, page, (q) =>
    q
      .orderBy(sql`coalesce(length(h.unit), 0)`)
      .orderBy(sql`coalesce(h.unit, '')`)
      .orderBy(sql`case when h.floor is null then 0 else 1 end`)
      .orderBy('h.floor')
      .orderBy(sql`length(h.room)`)
      .orderBy('h.room')
      .orderBy('h.id'),
  );
}

export const findHouse = (db: Kysely<DB>, scope: string, id: number): Promise<HouseListRow | undefined> =>
  houses(db, scope).where('h.id', '=', id).executeTakeFirst();

export const insertHouse = (db: Kysely<DB>, row: NewRow<HouseRow>) =>
  db.insertInto('houses').values(row).returning('id').executeTakeFirstOrThrow();

export const updateHouse = (db: Kysely<DB>, id: number, changes: Changes<HouseRow>) =>
  db.updateTable('houses').set(changes).where('id', '=', id).execute();

export interface Room {
  buildingId: number;
  unit: string | null;
  room: string;
}

/** A live house of the building with the same unit (or both without one) and room. */
export function findRoom(db: Kysely<DB>, room: Room, exceptId?: number) {
  let query = db
    .selectFrom('houses')
    .select('id')
    .where('building_id', '=', room.buildingId)
    .where('room', '=', room.room)
    .where('deleted_at', 'is', null)
    .where((eb) => (room.unit === null ? eb('unit', 'is', null) : eb('unit', '=', room.unit)));
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** Live households of a house, and current residents registered to it directly. */
export async function countHouseOccupants(db: Kysely<DB>, houseId: number) {
  const [households, residents] = await Promise.all([
    db
      .selectFrom('households')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('house_id', '=', houseId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('residents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('house_id', '=', houseId)
      .where('deleted_at', 'is', null)
      .where('status', 'not in', GONE)
      .executeTakeFirstOrThrow(),
  ]);
  return Number(households.n) + Number(residents.n);
}

// ---- households

function households(db: Kysely<DB>, scope: string) {
  return whereInScope(
    db
      .selectFrom('households as hh')
      .innerJoin('regions as r', 'r.code', 'hh.region_code')
      .leftJoin('houses as h', 'h.id', 'hh.house_id')
      .leftJoin('buildings as b', 'b.id', 'h.building_id')
      .leftJoin('estates as e', 'e.id', 'b.estate_id')
      .selectAll('hh')
      .select([
        'r.name as region_name',
        'e.name as estate_name',
        'b.number as building_number',
        'h.unit as unit',
        'h.room as room',
      ])
      .where('hh.deleted_at', 'is', null),
    'hh.region_code',
    scope,
  );
}

export const findHousehold = (
  db: Kysely<DB>,
  scope: string,
  id: number,
): Promise<HouseholdListRow | undefined> => households(db, scope).where('hh.id', '=', id).executeTakeFirst();

export const householdsOfHouse = (
  db: Kysely<DB>,
  scope: string,
  houseId: number,
): Promise<HouseholdListRow[]> =>
  households(db, scope).where('hh.house_id', '=', houseId).orderBy('hh.id').execute();

export const insertHousehold = (db: Kysely<DB>, row: NewRow<HouseholdRow>) =>
  db.insertInto('households').values(row).returning('id').executeTakeFirstOrThrow();

export const updateHousehold = (db: Kysely<DB>, id: number, changes: Changes<HouseholdRow>) =>
  db.updateTable('households').set(changes).where('id', '=', id).execute();

export async function countCurrentMembers(db: Kysely<DB>, householdId: number) {
  const row = await db
    .selectFrom('residents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('household_id', '=', householdId)
    .where('deleted_at', 'is', null)
    .where('status', 'not in', GONE)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const members = (db: Kysely<DB>) =>
  db
    .selectFrom('residents')
    .select(['id', 'name', 'relation', 'gender', 'birth_date', 'status', 'household_id'])
    .where('deleted_at', 'is', null)
    // The head of the household first, then by age.
    .orderBy(sql`case when relation = 'self' then 0 else 1 end`)
    .orderBy('birth_date')
    .orderBy('id');

/** Members (not deleted) of the households, the head first. */
export const membersOf = (db: Kysely<DB>, householdIds: number[]): Promise<MemberRow[]> =>
  householdIds.length === 0
    ? Promise.resolve([])
    : members(db).where('household_id', 'in', householdIds).execute();

/** People registered to the house without belonging to one of its households. */
export const loneResidentsOf = (db: Kysely<DB>, houseId: number): Promise<MemberRow[]> =>
  members(db).where('house_id', '=', houseId).where('household_id', 'is', null).execute();
