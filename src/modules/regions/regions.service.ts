import { audit } from '../../platform/audit/audit.js';
import { isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { conflict, notFound, refused } from '../../platform/errors.js';
import { addMessages } from '../../platform/i18n.js';
import { inScope, isOnPathTo } from '../../platform/scope.js';
import { levelOf, pathCodes } from './regions.levels.js';
import * as repo from './regions.repository.js';

addMessages({
  INVALID_PARENT: {
    zh: '网格只能建在社区（村）之下',
    en: 'Grids can only be created under a community or village',
  },
  REGION_NAME_TAKEN: { zh: '同一社区内已有同名网格', en: 'This community already has a grid of that name' },
  GRIDS_FULL: { zh: '该社区的网格编号已用完', en: 'This community has no grid numbers left' },
  NOT_A_GRID: { zh: '只能修改网格的名称', en: 'Only grids can be renamed' },
});

/** May this account see the region at all: under its scope, or on the path to it. */
const visible = (actor: Actor, code: string) => inScope(actor.scope, code) || isOnPathTo(actor.scope, code);

export async function listRegions(ctx: AppContext, actor: Actor, parent?: string) {
  if (parent === undefined) {
    if (actor.scope === '') return repo.childrenInScope(ctx.db, null, '');
    const own = await repo.findRegion(ctx.db, actor.scope, actor.scope);
    return own ? [own] : [];
  }
  if (!visible(actor, parent)) throw notFound();
  const children = await repo.childrenInScope(ctx.db, parent, actor.scope);
  // Only an empty answer needs telling apart: a leaf, or no such region.
  if (children.length === 0 && !(await repo.regionExists(ctx.db, parent))) throw notFound();
  return children;
}

export async function getRegion(ctx: AppContext, actor: Actor, code: string) {
  if (!visible(actor, code)) throw notFound();
  const region = await repo.findRegion(ctx.db, code, actor.scope);
  if (!region) throw notFound();
  return { ...region, path: await repo.findRegions(ctx.db, pathCodes(code)) };
}

/**
 * Regions in scope by name or code, each with the names of its ancestors: "第一网格" exists in
 * every community, and only the path tells them apart.
 */
export async function searchRegions(ctx: AppContext, actor: Actor, text: string) {
  const found = await repo.searchInScope(ctx.db, actor.scope, text, 20);
  const ancestors = [...new Set(found.flatMap((r) => pathCodes(r.code).slice(0, -1)))];
  const names = new Map((await repo.findRegions(ctx.db, ancestors)).map((r) => [r.code, r.name]));
  return found.map((r) => ({
    ...r,
    pathName: pathCodes(r.code)
      .slice(0, -1)
      .map((code) => names.get(code))
      .filter((name) => name !== undefined)
      .join(' / '),
  }));
}

/** A new grid under a community, numbered with the next free 3 digits. */
export async function createGrid(ctx: AppContext, actor: Actor, input: { parentCode: string; name: string }) {
  const name = input.name.trim();
  if (!inScope(actor.scope, input.parentCode)) throw notFound();
  return inTransaction(ctx, async (tx) => {
    const parent = await repo.findRegion(tx.db, input.parentCode, actor.scope);
    if (!parent) throw notFound();
    if (parent.level !== 'community') throw refused('INVALID_PARENT');
    if (await repo.siblingNamed(tx.db, parent.code, name)) throw conflict('REGION_NAME_TAKEN');
    const last = await repo.lastChildCode(tx.db, parent.code);
    const next = last ? Number(last.slice(-3)) + 1 : 1;
    if (next > 999) throw refused('GRIDS_FULL');
    const now = isoNow(tx.clock);
    const code = `${parent.code}${String(next).padStart(3, '0')}`;
    const row = {
      code,
      name,
      level: levelOf(code),
      parent_code: parent.code,
      created_at: now,
      updated_at: now,
    };
    await repo.insertRegion(tx.db, row);
    await audit(tx, actor, {
      action: 'region.create',
      entity: 'region',
      entityId: code,
      regionCode: code,
      after: { name },
    });
    return { ...row, child_count: 0 };
  });
}

export async function renameGrid(ctx: AppContext, actor: Actor, code: string, input: { name: string }) {
  const name = input.name.trim();
  if (!inScope(actor.scope, code)) throw notFound();
  return inTransaction(ctx, async (tx) => {
    const region = await repo.findRegion(tx.db, code, actor.scope);
    if (!region) throw notFound();
    if (region.level !== 'grid' || !region.parent_code) throw refused('NOT_A_GRID');
    if (await repo.siblingNamed(tx.db, region.parent_code, name, code)) throw conflict('REGION_NAME_TAKEN');
    await repo.renameRegion(tx.db, code, name, isoNow(tx.clock));
    await audit(tx, actor, {
      action: 'region.update',
      entity: 'region',
      entityId: code,
      regionCode: code,
      before: { name: region.name },
      after: { name },
    });
    return { ...region, name };
  });
}
