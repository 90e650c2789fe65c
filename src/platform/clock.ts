/** Time as the platform sees it; tests move it instead of waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const isoNow = (clock: Clock) => clock.now().toISOString();

export const minutesAgo = (clock: Clock, minutes: number) =>
  new Date(clock.now().getTime() - minutes * 60_000).toISOString();

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) in Asia/Shanghai of an instant. */
export const dateInShanghai = (instant: Date) => shanghaiDate.format(instant);

/** The first instant (UTC ISO) of a Shanghai calendar date. */
export const startOfShanghaiDay = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

/** The first instant after a Shanghai calendar date ends. */
export const endOfShanghaiDay = (date: string) =>
  new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();

/** A calendar date `days` later (or earlier, when negative). */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The first day of the Shanghai month of a calendar date. */
export const startOfMonth = (date: string) => `${date.slice(0, 8)}01`;
