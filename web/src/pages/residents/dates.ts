import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Translate } from '../../i18n';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Registry dates are Shanghai calendar dates (DESIGN.md, Conventions), whatever time zone the
 * browser is set to: a grid worker's "today" and "due by the 27th" are China's.
 */
const ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;

/** An instant in Shanghai time. */
export function inShanghai(iso: string | number | Date = Date.now()): Dayjs {
  return dayjs(iso).tz(ZONE);
}

/** Today as YYYY-MM-DD in Shanghai. */
export function todayString(): string {
  return inShanghai().format('YYYY-MM-DD');
}

/**
 * The moment a visit is due, for reading. The server states "by the end of the day" as the
 * next midnight; shown as that midnight it would read as a day later than meant, so it is
 * shown as the day it ends (`11-27 前`); a due time of day (24 hours after a major change) is
 * shown with its hour.
 */
export function formatDue(t: Translate, iso: string): string {
  const due = inShanghai(iso);
  if (due.hour() === 0 && due.minute() === 0 && due.second() === 0) {
    return t('residents.dueByDay', { date: formatDay(due.subtract(1, 'millisecond')) });
  }
  return t('residents.dueByTime', { date: formatDay(due), time: due.format('HH:mm') });
}

function formatDay(day: Dayjs): string {
  return day.year() === inShanghai().year() ? day.format('MM-DD') : day.format('YYYY-MM-DD');
}

/** Whole days a visit is overdue, counting a part of a day as one; 0 when not overdue. */
export function overdueDays(iso: string | null, now = Date.now()): number {
  if (!iso) return 0;
  const late = now - Date.parse(iso);
  return late > 0 ? Math.ceil(late / DAY_MS) : 0;
}

/** When something happened, in words a grid worker reads at a glance: 今天, 昨天, 8天前, 2025-03-02. */
export function formatAgo(t: Translate, iso: string | null): string {
  if (!iso) return t('residents.neverVisited');
  const then = inShanghai(iso);
  const days = dayjs(todayString()).diff(dayjs(then.format('YYYY-MM-DD')), 'day');
  if (days <= 0) return t('residents.today', { time: then.format('HH:mm') });
  if (days === 1) return t('residents.yesterday');
  if (days < 60) return t('residents.daysAgo', { n: days });
  return then.format('YYYY-MM-DD');
}

/** An instant for lists and history: Shanghai date and minute. */
export function formatInstant(iso: string): string {
  return inShanghai(iso).format('YYYY-MM-DD HH:mm');
}

/** Today (Shanghai) as a plain date for date pickers, which work in calendar dates. */
export function todayDate(): Dayjs {
  return dayjs(todayString());
}

/** For date pickers: days after today (Shanghai) cannot be chosen. */
export function isAfterToday(day: Dayjs): boolean {
  return day.format('YYYY-MM-DD') > todayString();
}

/** `YYYY-MM-DDTHH:mm` (a datetime-local value), read as Shanghai wall-clock time. */
export function fromShanghaiLocal(value: string): Dayjs {
  return dayjs.tz(value, ZONE);
}
