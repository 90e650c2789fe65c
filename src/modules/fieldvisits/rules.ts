import { addDays } from '../../platform/clock.js';

/**
 * The rules a research-visit filing is judged by (DOMAIN.md, 调研报备; Yunnan 2024). Pure: the
 * service gathers what the database knows about the filing's counties and hands it here.
 *
 * Each stop counts once for its county; a filing's date is its start date; cancelled filings
 * count for nothing; every count includes the filing being judged.
 */
export interface Thresholds {
  /** Days in the window of UNIT_COUNTY_2W ("two consecutive weeks"). */
  unitCountyWindowDays: number;
  /** UNIT_COUNTY_2W warns from this many filings of a unit to a county within one window. */
  unitCountyWindowCount: number;
  /** UNIT_COUNTY_YEAR warns from this many filings of a unit to a county in a calendar year. */
  unitCountyYearCount: number;
  /** HEADCOUNT warns above this many people. */
  headcountMax: number;
  /** COUNTY_MONTH_LOAD turns yellow above this many filings to a county in a calendar month. */
  countyMonthMax: number;
}

/** The seed's figures. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  unitCountyWindowDays: 14,
  unitCountyWindowCount: 3,
  unitCountyYearCount: 10,
  headcountMax: 10,
  countyMonthMax: 30,
};

export type WarningCode = 'UNIT_COUNTY_2W' | 'UNIT_COUNTY_YEAR' | 'HEADCOUNT' | 'COUNTY_MONTH_LOAD';
export type WarningLevel = 'warning' | 'yellow';

export interface RuleWarning {
  code: WarningCode;
  level: WarningLevel;
  /** The county it is about (none for HEADCOUNT). */
  countyCode: string | null;
  /** The count that crossed the line, this filing included. */
  count: number;
}

/** What the database holds about one county of the filing, other live filings only. */
export interface CountyHistory {
  countyCode: string;
  /**
   * Start dates of the unit's filings to the county less than a window away from this start
   * date (either side: a later visit may have been filed first).
   */
  unitStartsNear: readonly string[];
  /** The unit's filings to the county that start in this start date's calendar year. */
  unitYear: number;
  /** All units' filings to the county that start in this start date's calendar month. */
  countyMonth: number;
}

/** `YYYY-MM` of a date. */
export const monthOf = (date: string) => date.slice(0, 7);

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * The most filings, this one included, in any window of `days` consecutive days that contains
 * `date`: the windows starting from `days - 1` days before it up to the day itself.
 */
export function busiestWindow(others: readonly string[], date: string, days: number): number {
  const day = dayNumber(date);
  const near = others.map(dayNumber).filter((d) => Math.abs(d - day) < days);
  let most = 1;
  for (let first = day - days + 1; first <= day; first++) {
    const inside = near.filter((d) => d >= first && d < first + days).length;
    most = Math.max(most, inside + 1);
  }
  return most;
}

/** The dates between which a filing's UNIT_COUNTY_2W neighbours can start, inclusive. */
export function windowAround(date: string, t: Thresholds): { from: string; to: string } {
  return {
    from: addDays(date, -(t.unitCountyWindowDays - 1)),
    to: addDays(date, t.unitCountyWindowDays - 1),
  };
}

/** The warnings a filing raises, in a stable order: per county as given, then headcount. */
export function judgeFiling(
  filing: { startDate: string; headcount: number },
  counties: readonly CountyHistory[],
  t: Thresholds,
): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  for (const c of counties) {
    const inWindow = busiestWindow(c.unitStartsNear, filing.startDate, t.unitCountyWindowDays);
    if (inWindow >= t.unitCountyWindowCount)
      warnings.push({ code: 'UNIT_COUNTY_2W', level: 'warning', countyCode: c.countyCode, count: inWindow });
    if (c.unitYear + 1 >= t.unitCountyYearCount)
      warnings.push({
        code: 'UNIT_COUNTY_YEAR',
        level: 'warning',
        countyCode: c.countyCode,
        count: c.unitYear + 1,
      });
    if (c.countyMonth + 1 > t.countyMonthMax)
      warnings.push({
        code: 'COUNTY_MONTH_LOAD',
        level: 'yellow',
        countyCode: c.countyCode,
        count: c.countyMonth + 1,
      });
  }
  if (filing.headcount > t.headcountMax)
    warnings.push({ code: 'HEADCOUNT', level: 'warning', countyCode: null, count: filing.headcount });
  return warnings;
}

/** A county's month, as the load table colours it: yellow above the line. */
export const loadLevel = (count: number, t: Thresholds): 'green' | 'yellow' =>
  count > t.countyMonthMax ? 'yellow' : 'green';
