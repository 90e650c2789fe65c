import { isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { conflict, invalidField } from '../../platform/errors.js';
import { mapPage } from '../../platform/pagination.js';
import { presentEstate } from './places.present.js';
import * as repo from './places.repository.js';
import type { CreateEstateBody, EstateListQuery, UpdateEstateBody } from './places.schemas.js';
import { found, merged, record, requireRegion, trimmed } from './places.service.js';

/** Estates (小区): a grid's or a community's named housing estates. */

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
