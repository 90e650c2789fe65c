import { describe, expect, it } from 'vitest';
import { dateInShanghai, endOfShanghaiDay, isoNow, minutesAgo, startOfShanghaiDay } from './clock.js';

describe('Shanghai dates', () => {
  it('puts a UTC instant of 2026-01-01T16:30Z on 2026-01-02 in Shanghai', () => {
    expect(dateInShanghai(new Date('2026-01-01T16:30:00Z'))).toBe('2026-01-02');
  });

  it('changes the date at 16:00 UTC, Shanghai midnight', () => {
    expect(dateInShanghai(new Date('2026-01-01T15:59:59.999Z'))).toBe('2026-01-01');
    expect(dateInShanghai(new Date('2026-01-01T16:00:00.000Z'))).toBe('2026-01-02');
    expect(dateInShanghai(new Date('2025-12-31T16:00:00.000Z'))).toBe('2026-01-01');
    expect(dateInShanghai(new Date('2024-02-28T16:00:00.000Z'))).toBe('2024-02-29');
  });

  it('gives the first instant of a Shanghai day and of the day after', () => {
    expect(startOfShanghaiDay('2026-01-02')).toBe('2026-01-01T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-01-02')).toBe('2026-01-02T16:00:00.000Z');
    expect(startOfShanghaiDay('2026-03-01')).toBe('2026-02-28T16:00:00.000Z');
    expect(endOfShanghaiDay('2024-02-28')).toBe('2024-02-28T16:00:00.000Z');
    expect(endOfShanghaiDay('2024-02-29')).toBe('2024-02-29T16:00:00.000Z');
    expect(endOfShanghaiDay('2025-12-31')).toBe('2025-12-31T16:00:00.000Z');
  });

  it('round-trips: every instant of a day lies in [start, end) and maps back to the day', () => {
    const day = '2026-06-15';
    const start = Date.parse(startOfShanghaiDay(day));
    const end = Date.parse(endOfShanghaiDay(day));
    expect(end - start).toBe(86_400_000);
    for (const t of [start, start + 1, end - 1]) expect(dateInShanghai(new Date(t))).toBe(day);
    expect(dateInShanghai(new Date(end))).toBe('2026-06-16');
    expect(dateInShanghai(new Date(start - 1))).toBe('2026-06-14');
  });
});

describe('clock helpers', () => {
  const clock = { now: () => new Date('2026-05-01T08:00:00.000Z') };

  it('reads the given clock, not the system time', () => {
    expect(isoNow(clock)).toBe('2026-05-01T08:00:00.000Z');
    expect(minutesAgo(clock, 15)).toBe('2026-05-01T07:45:00.000Z');
    expect(minutesAgo(clock, 0)).toBe('2026-05-01T08:00:00.000Z');
  });
});
