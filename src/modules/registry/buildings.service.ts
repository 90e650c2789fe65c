import { lockKey } from '../../db/locks.js';
import { isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { conflict, invalidField } from '../../platform/errors.js';
import { mapPage } from '../../platform/pagination.js';
import { inScope } from '../../platform/scope.js';
import { presentBuilding } from './places.present.js';
import * as repo from './places.repository.js';
import type { BuildingListQuery, CreateBuildingBody, UpdateBuildingBody } from './places.schemas.js';
import { checkCoordinates, found, merged, record, requireRegion, trimmed } from './places.service.js';

/** Buildings (楼栋), each in one grid, optionally in an estate. */

const buildingView = async (ctx: AppContext, actor: Actor, id: number) =>
  presentBuilding(found(await repo.findBuilding(ctx.db, actor.scope, id)));

export async function listBuildings(ctx: AppContext, actor: Actor, query: BuildingListQuery) {
  const page = await repo.listBuildings(ctx.db, actor.scope, query);
  return mapPage(page, page.items.map(presentBuilding));
}

export const getBuilding = buildingView;

/** The estate must be visible to the caller and hold the building's grid. */
async function checkEstate(ctx: AppContext, actor: Actor, estateId: number, regionCode: string) {
  const estate = await repo.findEstate(ctx.db, actor.scope, estateId);
  if (!estate) throw invalidField('/estateId', 'ESTATE_UNKNOWN');
  if (!inScope(estate.region_code, regionCode)) throw invalidField('/estateId', 'ESTATE_REGION_MISMATCH');
}

/**
 * A number names one building of an estate, or of a grid outside any estate: imports of houses
 * and people find the building by it.
 */
async function checkNumberFree(ctx: AppContext, place: repo.BuildingPlace, exceptId?: number) {
  await lockKey(ctx.db, repo.buildingPlaceLock(place));
  if (await repo.findBuildingNumbered(ctx.db, place, exceptId)) throw conflict('BUILDING_EXISTS');
}

export function createBuilding(ctx: AppContext, actor: Actor, input: CreateBuildingBody) {
  return inTransaction(ctx, async (tx) => {
    await requireRegion(tx, actor, '/regionCode', input.regionCode);
    const number = input.number.trim();
    const estateId = input.estateId ?? null;
    if (estateId !== null) await checkEstate(tx, actor, estateId, input.regionCode);
    await checkNumberFree(tx, { estateId, regionCode: input.regionCode, number });
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
    if (placed) {
      if (estateId !== null) await checkEstate(tx, actor, estateId, next.regionCode);
      await checkNumberFree(tx, next, id);
    }
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
