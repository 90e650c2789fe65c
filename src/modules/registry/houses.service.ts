import { lockKey } from '../../db/locks.js';
import { dateInShanghai, isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { conflict, invalidField } from '../../platform/errors.js';
import { mapPage, type PageRequest } from '../../platform/pagination.js';
import { type MemberView, presentHouse, presentHousehold, presentMember } from './places.present.js';
import * as repo from './places.repository.js';
import type {
  CreateHouseBody,
  CreateHouseholdBody,
  UpdateHouseBody,
  UpdateHouseholdBody,
} from './places.schemas.js';
import { found, merged, record, requireBuilding, requireRegion, trimmed } from './places.service.js';

/** Houses (房屋) in buildings, and the households (户) that live in them. */

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
  await lockKey(ctx.db, `building-rooms:${room.buildingId}`);
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

// Households (户) live in houses.

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
