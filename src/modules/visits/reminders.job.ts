import { addDays, endOfShanghaiDay, isoNow } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { addMessages } from '../../platform/i18n.js';
import { latestBirthDateFor } from '../../platform/identifiers/age.js';
import type { DailyJob } from '../../platform/jobs.js';
import { whereInScope } from '../../platform/scope.js';
import { notify } from '../notifications/notifications.service.js';
import { HIGH_RISK_AGE, HIGH_RISK_AGE_TAGS } from '../registry/tags.catalog.js';
import { refreshVisitDue } from './refresh-due.js';

addMessages({
  VISITS_DUE: {
    zh: '今日待走访 {dueToday} 人，逾期未访 {overdue} 人',
    en: '{dueToday} visits due today, {overdue} overdue',
  },
});

/** Who is reminded: the people who make the visits. */
const REMINDED_ROLES = ['grid_worker', 'community_secretary'];

/**
 * Residents living alone who turned 80 since yesterday move to weekly visits today, not at
 * their next visit: their due date is recomputed.
 */
async function escalateNewOctogenarians(ctx: AppContext, day: string) {
  const rows = await ctx.db
    .selectFrom('residents')
    .innerJoin('resident_tags', 'resident_tags.resident_id', 'residents.id')
    .innerJoin('care_tags', 'care_tags.id', 'resident_tags.tag_id')
    .select('residents.id')
    .distinct()
    .where('residents.deleted_at', 'is', null)
    .where('residents.birth_date', '>', latestBirthDateFor(HIGH_RISK_AGE, addDays(day, -1)))
    .where('residents.birth_date', '<=', latestBirthDateFor(HIGH_RISK_AGE, day))
    .where('resident_tags.ended_on', 'is', null)
    .where('care_tags.code', 'in', HIGH_RISK_AGE_TAGS)
    .execute();
  for (const row of rows) await refreshVisitDue(ctx, row.id);
}

/** Counts, for one account's scope, the visits overdue and those due by the end of today. */
async function dueCounts(ctx: AppContext, scope: string, day: string) {
  const now = isoNow(ctx.clock);
  const row = await whereInScope(ctx.db.selectFrom('residents'), 'region_code', scope)
    .where('deleted_at', 'is', null)
    .where('visit_due_at', '<=', endOfShanghaiDay(day))
    .select((eb) => [
      eb.fn.countAll<number>().as('due'),
      eb.fn.sum<number>(eb.case().when('visit_due_at', '<', now).then(1).else(0).end()).as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  const overdue = Number(row.overdue ?? 0);
  return { overdue, dueToday: Number(row.due) - overdue };
}

/** Each morning, every grid worker and secretary with visits due is told how many, in the app. */
export const visitReminders: DailyJob = {
  name: 'visit-reminders',
  hour: 7,
  async run(ctx, day) {
    await escalateNewOctogenarians(ctx, day);
    const users = await ctx.db
      .selectFrom('users')
      .select(['id', 'scope'])
      .where('role', 'in', REMINDED_ROLES)
      .where('disabled', '=', 0)
      .execute();
    const reminders = [];
    for (const user of users) {
      const counts = await dueCounts(ctx, user.scope, day);
      if (counts.overdue + counts.dueToday > 0)
        reminders.push({ userId: user.id, kind: 'VISITS_DUE', params: counts, link: '/' });
    }
    await notify(ctx, reminders);
  },
};
