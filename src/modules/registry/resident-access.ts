import type { ResidentRow } from '../../db/registry-types.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { findResident } from './residents.repository.js';

/**
 * A resident in the caller's scope, or 404 — the same answer as for an id that does not exist,
 * so nothing outside one's scope can be probed. Deleted records are found (to be restored).
 */
export async function findResidentOrFail(ctx: AppContext, actor: Actor, id: number): Promise<ResidentRow> {
  const row = await findResident(ctx.db, actor.scope, id);
  if (!row) throw notFound();
  return row;
}

/** A resident in scope who is not deleted: what every change but a restore acts on. */
export async function liveResidentOrFail(ctx: AppContext, actor: Actor, id: number): Promise<ResidentRow> {
  const row = await findResidentOrFail(ctx, actor, id);
  if (row.deleted_at !== null) throw notFound();
  return row;
}
