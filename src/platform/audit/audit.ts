import { insertInSlices } from '../../db/bulk.js';
import { isoNow } from '../clock.js';
import type { Actor, AppContext } from '../context.js';

export interface AuditEntry {
  /** `entity.verb`, e.g. `user.create`, `region.update`, `resident.reveal`. */
  action: string;
  entity: string;
  entityId: string | number;
  regionCode: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one audit record. Call it inside the transaction of the change it records, with
 * presented (already masked) values: the log must never hold a password hash or a full ID number.
 */
export async function audit(ctx: AppContext, actor: Actor, entry: AuditEntry): Promise<void> {
  await auditMany(ctx, actor, [entry]);
}

/** Appends several records (a bulk import audits each row it writes), in as few statements as the database allows. */
export async function auditMany(ctx: AppContext, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const at = isoNow(ctx.clock);
  const rows = entries.map((entry) => ({
    at,
    actor_id: actor.id,
    actor_name: actor.username,
    role: actor.role,
    action: entry.action,
    entity: entry.entity,
    entity_id: String(entry.entityId),
    region_code: entry.regionCode,
    ip: actor.ip,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  }));
  await insertInSlices(rows, (slice) => ctx.db.insertInto('audit_log').values(slice).execute());
}
