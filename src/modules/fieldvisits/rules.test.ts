import { describe, expect, it } from 'vitest';
import { addDays } from '../../platform/clock.js';
import {
  busiestWindow,
  type CountyHistory,
  judgeFiling,
  loadLevel,
  DEFAULT_THRESHOLDS as T,
} from './rules.js';

const DAY0 = '2026-03-02';
const day = (n: number) => addDays(DAY0, n);
const county = (fields: Partial<CountyHistory> = {}): CountyHistory => ({
  countyCode: '532301',
  unitStartsNear: [],
  unitYear: 0,
  countyMonth: 0,
  ...fields,
});
const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);

describe('UNIT_COUNTY_2W: three filings of a unit to a county within 14 consecutive days', () => {
  it('warns for the third 13 days after the first, not 14 days after', () => {
    const thirteen = judgeFiling(
      { startDate: day(13), headcount: 5 },
      [county({ unitStartsNear: [day(0), day(6)] })],
      T,
    );
    expect(thirteen).toEqual([{ code: 'UNIT_COUNTY_2W', level: 'warning', countyCode: '532301', count: 3 }]);
    const fourteen = judgeFiling(
      { startDate: day(14), headcount: 5 },
      [county({ unitStartsNear: [day(0), day(6)] })],
      T,
    );
    expect(fourteen).toEqual([]);
  });

  it('counts a later visit filed first: the window may lie after the start date', () => {
    expect(busiestWindow([day(10), day(13)], day(0), 14)).toBe(3);
    expect(busiestWindow([day(10), day(14)], day(0), 14)).toBe(2);
    // Either side within one window: 0 and 13 are 13 apart; 13 and 26 too; never all three.
    expect(busiestWindow([day(-13), day(13)], day(0), 14)).toBe(2);
  });

  it('counts each county of a multi-county filing apart', () => {
    const warnings = judgeFiling(
      { startDate: day(5), headcount: 5 },
      [county({ countyCode: '532301', unitStartsNear: [day(0), day(1)] }), county({ countyCode: '532322' })],
      T,
    );
    expect(warnings.map((w) => [w.code, w.countyCode])).toEqual([['UNIT_COUNTY_2W', '532301']]);
  });
});

describe('UNIT_COUNTY_YEAR: ten filings of a unit to a county in a calendar year', () => {
  it('warns for the 10th, not the 9th', () => {
    expect(codes(judgeFiling({ startDate: DAY0, headcount: 1 }, [county({ unitYear: 9 })], T))).toEqual([
      'UNIT_COUNTY_YEAR',
    ]);
    expect(judgeFiling({ startDate: DAY0, headcount: 1 }, [county({ unitYear: 8 })], T)).toEqual([]);
  });
});

describe('HEADCOUNT: more than 10 people', () => {
  it('warns for 11, not 10', () => {
    expect(judgeFiling({ startDate: DAY0, headcount: 10 }, [county()], T)).toEqual([]);
    expect(judgeFiling({ startDate: DAY0, headcount: 11 }, [county()], T)).toEqual([
      { code: 'HEADCOUNT', level: 'warning', countyCode: null, count: 11 },
    ]);
  });
});

describe('COUNTY_MONTH_LOAD: more than 30 filings to a county in a month', () => {
  it('is yellow for the 31st, not the 30th', () => {
    expect(judgeFiling({ startDate: DAY0, headcount: 1 }, [county({ countyMonth: 29 })], T)).toEqual([]);
    expect(judgeFiling({ startDate: DAY0, headcount: 1 }, [county({ countyMonth: 30 })], T)).toEqual([
      { code: 'COUNTY_MONTH_LOAD', level: 'yellow', countyCode: '532301', count: 31 },
    ]);
    expect([loadLevel(30, T), loadLevel(31, T)]).toEqual(['green', 'yellow']);
  });
});

describe('thresholds', () => {
  it('judge by the figures given: a reviewer’s stricter line warns sooner', () => {
    const strict = { ...T, headcountMax: 5, unitCountyWindowCount: 2 };
    const filing = { startDate: day(3), headcount: 6 };
    expect(codes(judgeFiling(filing, [county({ unitStartsNear: [day(0)] })], strict))).toEqual([
      'UNIT_COUNTY_2W',
      'HEADCOUNT',
    ]);
    expect(judgeFiling(filing, [county({ unitStartsNear: [day(0)] })], T)).toEqual([]);
  });
});
