import { addDays, dateInShanghai, endOfShanghaiDay } from '../../platform/clock.js';

/** A major change (a fall, a hospital stay, a spouse's death) calls for a visit within 24 hours. */
export const MAJOR_CHANGE_HOURS = 24;

export interface DueInput {
  /** The strictest (shortest) visit interval of the resident's active tags; null: none. */
  intervalDays: number | null;
  /** The latest visit, if any. */
  lastVisit: { visitedAt: string; majorChange: boolean } | null;
  /** When the strictest-interval care began (the earliest start of the active tags), YYYY-MM-DD. */
  caredSince: string | null;
}

/**
 * When the next visit is due, as an instant, or null when the resident needs no scheduled
 * visits. "Weekly" means by the end of the 7th day after the last visit (Shanghai calendar), so
 * a visit on Monday is next due by the end of the following Monday. Someone never visited is
 * counted from the day their care began. A major change recorded on the last visit makes the
 * next one due 24 hours after it, whatever the interval (DOMAIN.md, 高风险).
 */
export function nextVisitDue(input: DueInput): string | null {
  const { intervalDays, lastVisit, caredSince } = input;
  if (intervalDays === null) return null;
  const from = lastVisit ? dateInShanghai(new Date(lastVisit.visitedAt)) : caredSince;
  if (from === null) return null;
  const byInterval = endOfShanghaiDay(addDays(from, intervalDays));
  if (!lastVisit?.majorChange) return byInterval;
  const byChange = new Date(Date.parse(lastVisit.visitedAt) + MAJOR_CHANGE_HOURS * 3_600_000).toISOString();
  // ISO instants of one format order as strings.
  return [byChange, byInterval].sort()[0] ?? byInterval;
}

/** The strictest interval among tags, or null when there are none. */
export const strictestInterval = (intervals: number[]) => (intervals.length ? Math.min(...intervals) : null);
