import { addMessages, type Lang, message } from '../../platform/i18n.js';
import type { VisitWarning } from './fieldvisits.schemas.js';
import { monthOf, type RuleWarning, type Thresholds } from './rules.js';

addMessages({
  FV_WARN_UNIT_COUNTY_2W: {
    zh: '本单位 {days} 天内第 {count} 次到{county}调研',
    en: "Your unit's visit no. {count} to {county} within {days} days",
  },
  FV_WARN_UNIT_COUNTY_YEAR: {
    zh: '本单位{year}年第 {count} 次到{county}调研',
    en: "Your unit's visit no. {count} to {county} in {year}",
  },
  FV_WARN_HEADCOUNT: { zh: '调研人数 {count} 人，超过 {max} 人', en: '{count} people, more than {max}' },
  FV_WARN_COUNTY_MONTH_LOAD: {
    zh: '{county}{month}已有 {count} 批调研（含本次），超过 {max} 批',
    en: '{county} has {count} visiting groups in {month} with this one, more than {max}',
  },
  FV_WARN_URGENT: {
    zh: '开始日期前未报备，按紧急调研报备：{reason}',
    en: 'Filed on or after its start date as urgent: {reason}',
  },
});

/** A warning as stored with the filing: by code, rendered in the reader's language when shown. */
export type StoredWarning = Omit<RuleWarning, 'code'> & { code: VisitWarning['code'] };

export function presentWarning(
  w: StoredWarning,
  about: { counties: Map<string, string>; thresholds: Thresholds; startDate: string; reason: string },
  lang: Lang,
): VisitWarning {
  const t = about.thresholds;
  const params = {
    county: w.countyCode === null ? '' : (about.counties.get(w.countyCode) ?? w.countyCode),
    count: w.count,
    days: t.unitCountyWindowDays,
    year: about.startDate.slice(0, 4),
    month: monthOf(about.startDate),
    max: w.code === 'HEADCOUNT' ? t.headcountMax : t.countyMonthMax,
    reason: about.reason,
  };
  return {
    code: w.code,
    level: w.level,
    countyCode: w.countyCode,
    message: message(`FV_WARN_${w.code}`, lang, params),
  };
}
