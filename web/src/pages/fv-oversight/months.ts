import { todayString } from '../residents/dates';

/** Months and days as the API writes them (`YYYY-MM`, `YYYY-MM-DD`, Shanghai calendar). */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const isMonth = (value: string | null | undefined): value is string => !!value && MONTH.test(value);
export const isDay = (value: string | null | undefined): value is string => !!value && DAY.test(value);

/** This month in Shanghai. */
export function thisMonth(): string {
  return todayString().slice(0, 7);
}

/** The month `n` months after `month` (before it when negative). */
export function addMonths(month: string, n: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `count` consecutive months from `start`. */
export function monthRange(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(start, i));
}

/** The last day of a month, e.g. for a list filtered from its first to its last day. */
export function lastDay(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, mon, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (calendar dates, so no time zone or summer time can shift it). */
export function daysBetween(from: string, to: string): number {
  const utc = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Thousandths as a percentage with one decimal, in integers (no 33.300000000000004%). */
export function permilleText(permille: number | null): string {
  if (permille === null) return '—';
  return `${Math.floor(permille / 10)}.${permille % 10}%`;
}
