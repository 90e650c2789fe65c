import dayjs from 'dayjs';
import { inShanghai, todayString } from '../residents/dates';

/** `2026-12-03` → `2026-12`. */
export const monthOf = (date: string) => date.slice(0, 7);

/** This month in Shanghai, `YYYY-MM`. */
export const thisMonth = () => monthOf(todayString());

/** `12-03 ~ 12-05`, with the year when it is not this year's; one day stands alone. */
export function formatRange(start: string, end: string): string {
  const year = todayString().slice(0, 4);
  const short = (date: string) => (date.startsWith(year) ? date.slice(5) : date);
  return start === end ? short(start) : `${short(start)} ~ ${short(end)}`;
}

/** The visit has begun (Shanghai calendar): no more edits or cancelling; the result may be filed. */
export const hasStarted = (startDate: string) => startDate <= todayString();

/** An instant as a Shanghai date and minute. */
export const formatWhen = (iso: string) => inShanghai(iso).format('YYYY-MM-DD HH:mm');

export { todayString };

/** A calendar date moved by whole days (`2026-12-03`, -7 → `2026-11-26`). */
export function addDays(date: string, days: number): string {
  const moved = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return moved.toISOString().slice(0, 10);
}

/** `2026-12` as 2026年12月 / December 2026. */
export function formatMonth(month: string, lang: 'zh' | 'en'): string {
  return dayjs(`${month}-01`)
    .locale(lang === 'en' ? 'en' : 'zh-cn')
    .format(lang === 'en' ? 'MMMM YYYY' : 'YYYY年M月');
}
