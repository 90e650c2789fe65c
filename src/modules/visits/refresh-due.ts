import { dateInShanghai } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { ageOn } from '../../platform/identifiers/age.js';
import { HIGH_RISK_AGE, HIGH_RISK_AGE_TAGS, HIGH_RISK_INTERVAL_DAYS } from '../registry/tags.catalog.js';
import { nextVisitDue, strictestInterval } from './due.js';
import { activeCare, latestVisit } from './visits.repository.js';

/**
 * The visit interval a resident's care calls for: the strictest of the active tags, and weekly
 * for someone 80 or older who lives alone or in an empty nest (高风险, DOMAIN.md).
 */
export function careInterval(tags: { code: string; visit_interval_days: number }[], age: number) {
  const intervals = tags.map((t) => t.visit_interval_days);
  if (age >= HIGH_RISK_AGE && tags.some((t) => HIGH_RISK_AGE_TAGS.includes(t.code)))
    intervals.push(HIGH_RISK_INTERVAL_DAYS);
  return strictestInterval(intervals);
}

/**
 * Recomputes and stores when a resident's next visit is due, from their tags, age and latest
 * visit. Runs inside the transaction of whatever changed one of those.
 */
export async function refreshVisitDue(ctx: AppContext, residentId: number): Promise<void> {
  const resident = await ctx.db
    .selectFrom('residents')
    .select(['birth_date'])
    .where('id', '=', residentId)
    .executeTakeFirstOrThrow();
  const [care, last] = await Promise.all([activeCare(ctx.db, residentId), latestVisit(ctx.db, residentId)]);
  const age = ageOn(resident.birth_date, dateInShanghai(ctx.clock.now()));
  const intervalDays = careInterval(care, age);
  const caredSince = care.length ? (care.map((t) => t.started_on).sort()[0] ?? null) : null;
  const lastVisit = last ? { visitedAt: last.visited_at, majorChange: last.major_change === 1 } : null;
  await ctx.db
    .updateTable('residents')
    .set({
      visit_interval_days: intervalDays,
      last_visit_at: last?.visited_at ?? null,
      visit_due_at: nextVisitDue({ intervalDays, lastVisit, caredSince }),
    })
    .where('id', '=', residentId)
    .execute();
}
