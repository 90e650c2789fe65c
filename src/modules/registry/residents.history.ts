import type { Actor, AppContext } from '../../platform/context.js';
import { findResidentOrFail } from './resident-access.js';
import { canSeeTag, loadCatalog } from './tags.service.js';

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

const parse = (json: string | null): Record<string, unknown> =>
  json === null ? {} : (JSON.parse(json) as Record<string, unknown>);

/** The fields whose value differs between two audited states, in a stable order. */
export function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.flatMap((field) => {
    const [a, b] = [before[field] ?? null, after[field] ?? null];
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ field, before: a, after: b }];
  });
}

/**
 * A resident's history, newest first, read from the audit log (one record per change, written
 * in the change's transaction, so it cannot drift from the data). Entries about a sensitive tag
 * the caller may not see are left out, like the tag itself.
 */
export async function residentHistory(ctx: AppContext, actor: Actor, id: number) {
  await findResidentOrFail(ctx, actor, id);
  const [rows, catalog] = await Promise.all([
    ctx.db
      .selectFrom('audit_log')
      .select(['at', 'actor_id', 'actor_name', 'action', 'before', 'after'])
      .where('entity', '=', 'resident')
      .where('entity_id', '=', String(id))
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(500)
      .execute(),
    loadCatalog(ctx),
  ]);
  // The log keeps the account name (unique, for accountability); history shows the person.
  const actorIds = [...new Set(rows.flatMap((r) => (r.actor_id === null ? [] : [r.actor_id])))];
  const people = actorIds.length
    ? await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', actorIds).execute()
    : [];
  const names = new Map(people.map((p) => [p.id, p.display_name]));
  const hidden = new Set(catalog.filter((t) => !canSeeTag(actor.role, t)).map((t) => t.code));
  return {
    items: rows.flatMap((r) => {
      const [before, after] = [parse(r.before), parse(r.after)];
      if (hidden.has(String(after.tag ?? before.tag))) return [];
      const changes = r.action === 'resident.reveal' ? [] : changesBetween(before, after);
      return [
        {
          at: r.at,
          actorName: (r.actor_id && names.get(r.actor_id)) || r.actor_name,
          action: r.action,
          changes,
        },
      ];
    }),
  };
}
