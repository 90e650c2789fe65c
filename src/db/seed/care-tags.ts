import type { Kysely } from 'kysely';
import { DEFAULT_TAGS } from '../../modules/registry/tags.catalog.js';
import type { DB } from '../types.js';

/**
 * The care tag catalog every installation starts with (DEFAULT_TAGS), demo or not. Idempotent:
 * a code already in the table is left alone, so that an admin's edits (a renamed tag, a
 * changed interval, a deactivated tag) survive every restart. Returns how many tags it added.
 */
export async function seedCareTags(db: Kysely<DB>, now: string): Promise<number> {
  const existing = new Set(
    (await db.selectFrom('care_tags').select('code').execute()).map((row) => row.code),
  );
  const missing = DEFAULT_TAGS.map((tag, index) => ({ tag, index })).filter(
    ({ tag }) => !existing.has(tag.code),
  );
  if (missing.length === 0) return 0;
  await db
    .insertInto('care_tags')
    .values(
      missing.map(({ tag, index }) => ({
        code: tag.code,
        name: tag.name,
        category: tag.category,
        risk_level: tag.riskLevel,
        visit_interval_days: tag.visitIntervalDays,
        sensitive: tag.sensitive ? 1 : 0,
        granted_roles: JSON.stringify(tag.grantedRoles),
        active: 1,
        sort_order: index,
        created_at: now,
        updated_at: now,
      })),
    )
    // Two servers starting at once on one PostgreSQL: the loser's insert changes nothing.
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  return missing.length;
}
