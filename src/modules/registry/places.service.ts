import type { RegionLevel } from '../../db/types.js';
import { audit } from '../../platform/audit/audit.js';
import { dateInShanghai, isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { conflict, invalidField, notFound } from '../../platform/errors.js';
import { addMessages, hasMessage } from '../../platform/i18n.js';
import { mapPage, type PageRequest } from '../../platform/pagination.js';
import { inScope } from '../../platform/scope.js';
import { findRegions } from '../regions/regions.repository.js';
import {
  audited,
  type MemberView,
  presentBuilding,
  presentEstate,
  presentHouse,
  presentHousehold,
  presentMember,
} from './places.present.js';
import * as repo from './places.repository.js';
import type {
  BuildingListQuery,
  CreateBuildingBody,
  CreateEstateBody,
  CreateHouseBody,
  CreateHouseholdBody,
  EstateListQuery,
  UpdateBuildingBody,
  UpdateEstateBody,
  UpdateHouseBody,
  UpdateHouseholdBody,
} from './places.schemas.js';


/**
 * Codes the resident service checks too (a grid, a house). Whichever module loads first
 * defines them; the wording is the same.
 */
export const SHARED_MESSAGES = {
  REGION_UNKNOWN: { zh: '没有这个区域，或它不在您的管辖范围内', en: 'No such region within your scope' },
  REGION_NOT_GRID: { zh: '请选择一个网格', en: 'Choose a grid' },
  HOUSE_UNKNOWN: { zh: '没有这个房屋，或它不在您的管辖范围内', en: 'No such house within your scope' },
};
addMessages(Object.fromEntries(Object.entries(SHARED_MESSAGES).filter(([code]) => !hasMessage(code))));
addMessages({
  REGION_NOT_COMMUNITY_OR_GRID: { zh: '请选择一个社区或网格', en: 'Choose a community or a grid' },
  REGION_REQUIRED: { zh: '请选择网格或房屋', en: 'Give a grid or a house' },
  COORDINATES_INCOMPLETE: {
    zh: '经度和纬度须同时填写或同时留空',
    en: 'Give both latitude and longitude, or neither',
  },
  ESTATE_UNKNOWN: { zh: '没有这个小区，或它不在您的管辖范围内', en: 'No such estate within your scope' },
  ESTATE_REGION_MISMATCH: {
    zh: '楼栋所在网格不在该小区所属区域内',
    en: 'The building’s grid is outside the estate’s region',
  },
  ESTATE_BUILDINGS_OUTSIDE: {
    zh: '该小区有楼栋不在新的区域内，请先调整这些楼栋',
    en: 'Some buildings of the estate lie outside that region; move them first',
  },
  ESTATE_NOT_EMPTY: {
    zh: '该小区下还有楼栋，不能删除',
    en: 'The estate still has buildings; it cannot be deleted',
  },
  BUILDING_UNKNOWN: { zh: '没有这栋楼，或它不在您的管辖范围内', en: 'No such building within your scope' },
  BUILDING_EXISTS: { zh: '该小区已有同一楼号的楼栋', en: 'The estate already has a building of that number' },
  BUILDING_NOT_EMPTY: {
    zh: '该楼栋下还有房屋或单位，不能删除或改变所属网格',
    en: 'The building still has houses or organisations; it cannot be deleted or moved to another grid',
  },
  HOUSE_EXISTS: { zh: '该楼栋已有这个单元和房号的房屋', en: 'The building already has this unit and room' },
  HOUSE_NOT_EMPTY: {
    zh: '该房屋还有住户或居民，不能删除',
    en: 'People still live in this house; it cannot be deleted',
  },
  HOUSE_REGION_MISMATCH: {
    zh: '所填网格与房屋所在网格不一致',
    en: 'The grid differs from the house’s grid',
  },
  HOUSEHOLD_NOT_EMPTY: {
    zh: '该户还有在册成员，请先迁出或调整成员',
    en: 'The household still has members; move them out first',
  },
});

const trimmed = <T extends string | null | undefined>(value: T) =>
  (typeof value === 'string' ? value.trim() : value) as T;
/** The new value when the request names the field (null clears it), else the current one. */
const merged = <T>(given: T | undefined, current: T): T => (given === undefined ? current : given);

/** A region of one of the levels under the caller's scope; anything else names the field. */
export async function requireRegion(
  ctx: AppContext,
  actor: Actor,
  path: string,
  code: string,
  levels: readonly RegionLevel[] = ['grid'],
) {
  const [region] = inScope(actor.scope, code) ? await findRegions(ctx.db, [code]) : [];
  if (!region) throw invalidField(path, 'REGION_UNKNOWN');
  if (!levels.includes(region.level))
    throw invalidField(path, levels.length === 1 ? 'REGION_NOT_GRID' : 'REGION_NOT_COMMUNITY_OR_GRID');
  return region;
}

/** WGS-84 coordinates come in pairs. */
export function checkCoordinates(lat: number | null, lng: number | null): void {
  if (lat === null && lng !== null) throw invalidField('/lat', 'COORDINATES_INCOMPLETE');
  if (lat !== null && lng === null) throw invalidField('/lng', 'COORDINATES_INCOMPLETE');
}

/** A live building under the caller's scope, for a field that refers to one. */
export async function requireBuilding(ctx: AppContext, actor: Actor, id: number, path = '/buildingId') {
  const building = await repo.findBuilding(ctx.db, actor.scope, id);
  if (!building) throw invalidField(path, 'BUILDING_UNKNOWN');
  return building;
}

const found = <T>(row: T | undefined): T => {
  if (!row) throw notFound();
  return row;
};

/** Writes the audit record of a change to a place, from presented views. */
function record(
  ctx: AppContext,
  actor: Actor,
  entity: string,
  verb: string,
  before?: object,
  after?: object,
) {
  const view = (after ?? before) as { id: number; regionCode: string };
  return audit(ctx, actor, {
    action: `${entity}.${verb}`,
    entity,
    entityId: view.id,
    regionCode: view.regionCode,
    ...(before ? { before: audited(before) } : {}),
    ...(after ? { after: audited(after) } : {}),
  });
}

// ---- estates

const estateView = async (ctx: AppContext, actor: Actor, id: number) =>
  presentEstate(found(await repo.findEstate(ctx.db, actor.scope, id)));

export async function listEstates(ctx: AppContext, actor: Actor, query: EstateListQuery) {
  const page = await repo.listEstates(ctx.db, actor.scope, query);
  return mapPage(page, page.items.map(presentEstate));
}

export const getEstate = estateView;

export function createEstate(ctx: AppContext, actor: Actor, input: CreateEstateBody) {
  return inTransaction(ctx, async (tx) => {
    await requireRegion(tx, actor, '/regionCode', input.regionCode, ['community', 'grid']);
    const now = isoNow(tx.clock);
    const { id } = await repo.insertEstate(tx.db, {
      region_code: input.regionCode,
      name: input.name.trim(),
      address: trimmed(input.address) ?? null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    const view = await estateView(tx, actor, id);
    await record(tx, actor, 'estate', 'create', undefined, view);
    return view;
  });
}

export function updateEstate(ctx: AppContext, actor: Actor, id: number, input: UpdateEstateBody) {
  return inTransaction(ctx, async (tx) => {
    const before = await estateView(tx, actor, id);
    const regionCode = merged(input.regionCode, before.regionCode);
    if (regionCode !== before.regionCode) {
      await requireRegion(tx, actor, '/regionCode', regionCode, ['community', 'grid']);
      if ((await repo.countEstateBuildings(tx.db, id, regionCode)) > 0)
        throw invalidField('/regionCode', 'ESTATE_BUILDINGS_OUTSIDE');
    }
    await repo.updateEstate(tx.db, id, {
      region_code: regionCode,
      name: merged(trimmed(input.name), before.name),
      address: merged(trimmed(input.address), before.address),
      updated_at: isoNow(tx.clock),
    });
    const after = await estateView(tx, actor, id);
    await record(tx, actor, 'estate', 'update', before, after);
    return after;
  });
}

export function deleteEstate(ctx: AppContext, actor: Actor, id: number) {
  return inTransaction(ctx, async (tx) => {
    const before = await estateView(tx, actor, id);
    if ((await repo.countEstateBuildings(tx.db, id)) > 0) throw conflict('ESTATE_NOT_EMPTY');
    await repo.updateEstate(tx.db, id, { deleted_at: isoNow(tx.clock) });
    await record(tx, actor, 'estate', 'delete', before);
  });
}

// ---- buildings

const buildingView = async (ctx: AppContext, actor: Actor, id: number) =>
  presentBuilding(found(await repo.findBuilding(ctx.db, actor.scope, id)));

export async function listBuildings(ctx: AppContext, actor: Actor, query: BuildingListQuery) {
  const page = await repo.listBuildings(ctx.db, actor.scope, query);
  return mapPage(page, page.items.map(presentBuilding));
}

export const getBuilding = buildingView;

/** The estate must be visible to the caller and hold the building's grid; its numbers are unique. */
async function checkEstate(
  ctx: AppContext,
  actor: Actor,
  building: { estateId: number; regionCode: string; number: string },
  exceptId?: number,
) {
  const estate = await repo.findEstate(ctx.db, actor.scope, building.estateId);
  if (!estate) throw invalidField('/estateId', 'ESTATE_UNKNOWN');
  if (!inScope(estate.region_code, building.regionCode))
    throw invalidField('/estateId', 'ESTATE_REGION_MISMATCH');
  await repo.lockKey(ctx.db, `estate-buildings:${building.estateId}`);
  if (await repo.findBuildingNumbered(ctx.db, building.estateId, building.number, exceptId))
    throw conflict('BUILDING_EXISTS');
}

export function createBuilding(ctx: AppContext, actor: Actor, input: CreateBuildingBody) {
  return inTransaction(ctx, async (tx) => {
    await requireRegion(tx, actor, '/regionCode', input.regionCode);
    const number = input.number.trim();
    const estateId = input.estateId ?? null;
    if (estateId !== null) await checkEstate(tx, actor, { estateId, regionCode: input.regionCode, number });
    checkCoordinates(input.lat ?? null, input.lng ?? null);
    const now = isoNow(tx.clock);
    const { id } = await repo.insertBuilding(tx.db, {
      region_code: input.regionCode,
      estate_id: estateId,
      number,
      kind: input.kind,
      floors: input.floors ?? null,
      units: input.units ?? null,
      elevators: input.elevators ?? null,
      address: trimmed(input.address) ?? null,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    const view = await buildingView(tx, actor, id);
    await record(tx, actor, 'building', 'create', undefined, view);
    return view;
  });
}

export function updateBuilding(ctx: AppContext, actor: Actor, id: number, input: UpdateBuildingBody) {
  return inTransaction(ctx, async (tx) => {
    const before = await buildingView(tx, actor, id);
    const next = {
      regionCode: merged(input.regionCode, before.regionCode),
      estateId: merged(input.estateId, before.estateId),
      number: merged(trimmed(input.number), before.number),
      lat: merged(input.lat, before.lat),
      lng: merged(input.lng, before.lng),
    };
    if (next.regionCode !== before.regionCode) {
      await requireRegion(tx, actor, '/regionCode', next.regionCode);
      // Its houses, households and people carry the grid too; they move through their own records.
      if ((await repo.countBuildingContents(tx.db, id)) > 0) throw conflict('BUILDING_NOT_EMPTY');
    }
    const estateId = next.estateId;
    const placed =
      estateId !== before.estateId || next.regionCode !== before.regionCode || next.number !== before.number;
    if (estateId !== null && placed) await checkEstate(tx, actor, { ...next, estateId }, id);
    checkCoordinates(next.lat, next.lng);
    await repo.updateBuilding(tx.db, id, {
      region_code: next.regionCode,
      estate_id: estateId,
      number: next.number,
      kind: merged(input.kind, before.kind),
      floors: merged(input.floors, before.floors),
      units: merged(input.units, before.units),
      elevators: merged(input.elevators, before.elevators),
      address: merged(trimmed(input.address), before.address),
      lat: next.lat,
      lng: next.lng,
      updated_at: isoNow(tx.clock),
    });
    const after = await buildingView(tx, actor, id);
    await record(tx, actor, 'building', 'update', before, after);
    return after;
  });
}

export function deleteBuilding(ctx: AppContext, actor: Actor, id: number) {
  return inTransaction(ctx, async (tx) => {
    const before = await buildingView(tx, actor, id);
    if ((await repo.countBuildingContents(tx.db, id)) > 0) throw conflict('BUILDING_NOT_EMPTY');
    await repo.updateBuilding(tx.db, id, { deleted_at: isoNow(tx.clock) });
    await record(tx, actor, 'building', 'delete', before);
  });
}

// ---- houses

const houseView = async (ctx: AppContext, actor: Actor, id: number) =>
  presentHouse(found(await repo.findHouse(ctx.db, actor.scope, id)));

const today = (ctx: AppContext) => dateInShanghai(ctx.clock.now());

export async function listHousesOfBuilding(
  ctx: AppContext,
  actor: Actor,
  buildingId: number,
  page: PageRequest,
) {
  found(await repo.findBuilding(ctx.db, actor.scope, buildingId));
  const houses = await repo.listHousesOfBuilding(ctx.db, actor.scope, buildingId, page);
  return mapPage(houses, houses.items.map(presentHouse));
}

/** The house with its households and their members (names, ages, no numbers). */
export async function getHouse(ctx: AppContext, actor: Actor, id: number) {
  const house = await houseView(ctx, actor, id);
  const households = await repo.householdsOfHouse(ctx.db, actor.scope, id);
  const members = await repo.membersOf(
    ctx.db,
    households.map((h) => h.id),
  );
  const on = today(ctx);
  const byHousehold = new Map<number, MemberView[]>();
  for (const m of members) {
    const list = byHousehold.get(Number(m.household_id)) ?? [];
    list.push(presentMember(m, on));
    byHousehold.set(Number(m.household_id), list);
  }
  return {
    ...house,
    households: households.map((h) => presentHousehold(h, byHousehold.get(h.id) ?? [])),
    otherResidents: (await repo.loneResidentsOf(ctx.db, id)).map((m) => presentMember(m, on)),
  };
}

/** A room is one per unit of a building among live houses. */
async function checkRoom(ctx: AppContext, room: repo.Room, exceptId?: number) {
  await repo.lockKey(ctx.db, `building-rooms:${room.buildingId}`);
  if (await repo.findRoom(ctx.db, room, exceptId)) throw conflict('HOUSE_EXISTS');
}

export function createHouse(ctx: AppContext, actor: Actor, input: CreateHouseBody) {
  return inTransaction(ctx, async (tx) => {
    const building = await requireBuilding(tx, actor, input.buildingId);
    const room = { buildingId: building.id, unit: trimmed(input.unit) ?? null, room: input.room.trim() };
    await checkRoom(tx, room);
    const now = isoNow(tx.clock);
    const { id } = await repo.insertHouse(tx.db, {
      region_code: building.region_code,
      building_id: building.id,
      unit: room.unit,
      floor: input.floor ?? null,
      room: room.room,
      area: input.area ?? null,
      use: input.use,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    const view = await houseView(tx, actor, id);
    await record(tx, actor, 'house', 'create', undefined, view);
    return view;
  });
}

export function updateHouse(ctx: AppContext, actor: Actor, id: number, input: UpdateHouseBody) {
  return inTransaction(ctx, async (tx) => {
    const before = await houseView(tx, actor, id);
    const room = {
      buildingId: before.buildingId,
      unit: merged(trimmed(input.unit), before.unit),
      room: merged(trimmed(input.room), before.room),
    };
    if (room.unit !== before.unit || room.room !== before.room) await checkRoom(tx, room, id);
    await repo.updateHouse(tx.db, id, {
      unit: room.unit,
      room: room.room,
      floor: merged(input.floor, before.floor),
      area: merged(input.area, before.area),
      use: merged(input.use, before.use),
      updated_at: isoNow(tx.clock),
    });
    const after = await houseView(tx, actor, id);
    await record(tx, actor, 'house', 'update', before, after);
    return after;
  });
}

export function deleteHouse(ctx: AppContext, actor: Actor, id: number) {
  return inTransaction(ctx, async (tx) => {
    const before = await houseView(tx, actor, id);
    if ((await repo.countHouseOccupants(tx.db, id)) > 0) throw conflict('HOUSE_NOT_EMPTY');
    await repo.updateHouse(tx.db, id, { deleted_at: isoNow(tx.clock) });
    await record(tx, actor, 'house', 'delete', before);
  });
}

// ---- households

async function householdView(ctx: AppContext, actor: Actor, id: number) {
  const row = found(await repo.findHousehold(ctx.db, actor.scope, id));
  const on = today(ctx);
  const members = await repo.membersOf(ctx.db, [id]);
  return presentHousehold(
    row,
    members.map((m) => presentMember(m, on)),
  );
}

export const getHousehold = householdView;

/**
 * Where a household is registered: the house's grid when it has a house (a grid given as well
 * must agree), else the grid given.
 */
async function householdRegion(ctx: AppContext, actor: Actor, houseId: number | null, regionCode?: string) {
  if (houseId !== null) {
    const house = await repo.findHouse(ctx.db, actor.scope, houseId);
    if (!house) throw invalidField('/houseId', 'HOUSE_UNKNOWN');
    if (regionCode !== undefined && regionCode !== house.region_code)
      throw invalidField('/regionCode', 'HOUSE_REGION_MISMATCH');
    return house.region_code;
  }
  if (regionCode === undefined) throw invalidField('/regionCode', 'REGION_REQUIRED');
  return (await requireRegion(ctx, actor, '/regionCode', regionCode)).code;
}

export function createHousehold(ctx: AppContext, actor: Actor, input: CreateHouseholdBody) {
  return inTransaction(ctx, async (tx) => {
    const houseId = input.houseId ?? null;
    const regionCode = await householdRegion(tx, actor, houseId, input.regionCode);
    const now = isoNow(tx.clock);
    const { id } = await repo.insertHousehold(tx.db, {
      region_code: regionCode,
      house_id: houseId,
      number: trimmed(input.number) ?? null,
      note: trimmed(input.note) ?? null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    const view = await householdView(tx, actor, id);
    await record(tx, actor, 'household', 'create', undefined, view);
    return view;
  });
}

export function updateHousehold(ctx: AppContext, actor: Actor, id: number, input: UpdateHouseholdBody) {
  return inTransaction(ctx, async (tx) => {
    const before = await householdView(tx, actor, id);
    const houseId = merged(input.houseId, before.houseId);
    let regionCode = before.regionCode;
    if (input.houseId !== undefined || input.regionCode !== undefined) {
      // Moving to a new house takes its grid; leaving a house keeps the grid unless one is given.
      const given =
        input.regionCode ?? (houseId !== null && houseId !== before.houseId ? undefined : regionCode);
      regionCode = await householdRegion(tx, actor, houseId, given);
    }
    // Members carry the house and grid too: people move through the resident records first.
    if ((houseId !== before.houseId || regionCode !== before.regionCode) && before.members.length > 0) {
      if ((await repo.countCurrentMembers(tx.db, id)) > 0) throw conflict('HOUSEHOLD_NOT_EMPTY');
    }
    await repo.updateHousehold(tx.db, id, {
      house_id: houseId,
      region_code: regionCode,
      number: merged(trimmed(input.number), before.number),
      note: merged(trimmed(input.note), before.note),
      updated_at: isoNow(tx.clock),
    });
    const after = await householdView(tx, actor, id);
    await record(tx, actor, 'household', 'update', before, after);
    return after;
  });
}

export function deleteHousehold(ctx: AppContext, actor: Actor, id: number) {
  return inTransaction(ctx, async (tx) => {
    const before = await householdView(tx, actor, id);
    if ((await repo.countCurrentMembers(tx.db, id)) > 0) throw conflict('HOUSEHOLD_NOT_EMPTY');
    await repo.updateHousehold(tx.db, id, { deleted_at: isoNow(tx.clock) });
    await record(tx, actor, 'household', 'delete', before);
  });
}
