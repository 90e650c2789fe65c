import { addDays } from '../../platform/clock.js';
import type { Actor, AppContext } from '../../platform/context.js';
import type { NearbyQuery, NearbyVisits } from './fieldvisits.schemas.js';

/** Days either side of a start date within which other visits to the county are shown. */
export const NEARBY_DAYS = 7;

/** The two-character words of a Chinese topic (教育, 育督, 督导 …), for a rough likeness. */
const bigrams = (text: string) => {
  const chars = [...text.replace(/[\s\p{P}]/gu, '')];
  return new Set(chars.slice(1).map((c, i) => `${chars[i]}${c}`));
};

/** Whether two topics share a word: enough to suggest a joint visit (联合调研), not to decide it. */
export function relatedTopics(a: string, b: string): boolean {
  const words = bigrams(a);
  return [...bigrams(b)].some((w) => words.has(w));
}

/**
 * 协调: while a unit fills in a filing, the other units' live visits to the same county within a
 * week either side, related topics first, so that it can join one instead of adding another.
 */
export async function nearbyVisits(ctx: AppContext, actor: Actor, query: NearbyQuery): Promise<NearbyVisits> {
  const reporter =
    actor.id === null
      ? undefined
      : await ctx.db
          .selectFrom('fv_reporters')
          .select('unit_id')
          .where('user_id', '=', actor.id)
          .executeTakeFirst();
  let q = ctx.db
    .selectFrom('field_visit_counties as c')
    .innerJoin('field_visits as v', 'v.id', 'c.visit_id')
    .innerJoin('fv_units as u', 'u.id', 'v.unit_id')
    .select(['v.id', 'u.name as unitName', 'v.topic', 'v.start_date', 'v.end_date', 'v.headcount'])
    .where('c.county_code', '=', query.countyCode)
    .where('c.live', '=', 1)
    .where('c.start_date', '>=', addDays(query.startDate, -NEARBY_DAYS))
    .where('c.start_date', '<=', addDays(query.startDate, NEARBY_DAYS))
    .orderBy('c.start_date')
    .orderBy('v.id')
    .limit(200);
  if (reporter) q = q.where('c.unit_id', '!=', reporter.unit_id);
  const rows = await q.execute();
  const items = rows.map((r) => ({
    id: Number(r.id),
    unitName: r.unitName,
    topic: r.topic,
    startDate: r.start_date,
    endDate: r.end_date,
    headcount: r.headcount,
    related: query.topic ? relatedTopics(query.topic, r.topic) : false,
  }));
  // Related first; otherwise by date, as the query gave them.
  return { items: [...items.filter((i) => i.related), ...items.filter((i) => !i.related)] };
}
