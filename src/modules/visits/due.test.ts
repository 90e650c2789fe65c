import { describe, expect, it } from 'vitest';
import { nextVisitDue } from './due.js';
import { careInterval } from './refresh-due.js';

// 2026-11-02 10:00 in Shanghai.
const MONDAY_MORNING = '2026-11-02T02:00:00.000Z';

describe('nextVisitDue', () => {
  it('is due by the end of the interval-th day after the last visit, on the Shanghai calendar', () => {
    expect(
      nextVisitDue({
        intervalDays: 7,
        lastVisit: { visitedAt: MONDAY_MORNING, majorChange: false },
        caredSince: null,
      }),
    ).toBe('2026-11-09T16:00:00.000Z'); // the end of Monday 9 November, Shanghai
    // 23:30 on 1 November UTC is already 2 November in Shanghai.
    expect(
      nextVisitDue({
        intervalDays: 30,
        lastVisit: { visitedAt: '2026-11-01T23:30:00.000Z', majorChange: false },
        caredSince: null,
      }),
    ).toBe('2026-12-02T16:00:00.000Z');
  });

  it('counts from the day care began when nobody has visited yet', () => {
    expect(nextVisitDue({ intervalDays: 30, lastVisit: null, caredSince: '2026-10-01' })).toBe(
      '2026-10-31T16:00:00.000Z',
    );
  });

  it('makes a visit due within 24 hours of one that recorded a major change', () => {
    expect(
      nextVisitDue({
        intervalDays: 30,
        lastVisit: { visitedAt: MONDAY_MORNING, majorChange: true },
        caredSince: null,
      }),
    ).toBe('2026-11-03T02:00:00.000Z');
  });

  it('asks for no visits without care', () => {
    expect(
      nextVisitDue({
        intervalDays: null,
        lastVisit: { visitedAt: MONDAY_MORNING, majorChange: true },
        caredSince: null,
      }),
    ).toBeNull();
  });
});

describe('careInterval', () => {
  const alone = { code: 'living_alone', visit_interval_days: 30 };
  const dibao = { code: 'dibao', visit_interval_days: 90 };

  it('takes the strictest interval of the active tags', () => {
    expect(careInterval([dibao, alone], 70)).toBe(30);
    expect(careInterval([], 90)).toBeNull();
  });

  it('makes living alone at 80 or older a weekly visit (高风险), not at 79', () => {
    expect(careInterval([alone], 79)).toBe(30);
    expect(careInterval([alone], 80)).toBe(7);
    expect(careInterval([{ code: 'empty_nest', visit_interval_days: 30 }], 85)).toBe(7);
    expect(careInterval([dibao], 85)).toBe(90);
  });
});
