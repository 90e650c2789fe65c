import type { FvThresholdsRow } from '../../db/fieldvisit-types.js';
import { lockKey } from '../../db/locks.js';
import { audit } from '../../platform/audit/audit.js';
import { dateInShanghai, isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { forbidden, invalidField, refused } from '../../platform/errors.js';
import { addMessages, type Lang, message } from '../../platform/i18n.js';
import * as repo from './fieldvisits.repository.js';
import type { FiledVisit, FileVisitBody, UnitView, VisitWarning } from './fieldvisits.schemas.js';
import {
  type CountyHistory,
  DEFAULT_THRESHOLDS,
  judgeFiling,
  type RuleWarning,
  type Thresholds,
  windowAround,
} from './rules.js';

addMessages({
  LATE_FILING: {
    zh: '调研须在开始日期之前报备；确属紧急的，请标明“紧急”并说明理由',
    en: 'A visit must be filed before its start date; if it is urgent, mark it so and give the reason',
  },
  EXPLANATION_REQUIRED: {
    zh: '{county}{month}已有 {count} 批调研（含本次），超过 {max} 批，请填写情况说明',
    en: '{county} has {count} visiting groups in {month} with this one, more than {max}: add an explanation',
  },
  FV_COUNTY_UNKNOWN: { zh: '没有这个县（市、区）', en: 'No such county' },
  FV_END_BEFORE_START: { zh: '结束日期不能早于开始日期', en: 'The end date is before the start date' },
  FV_DEPARTMENT_UNKNOWN: { zh: '该单位没有这个内设机构', en: 'The unit has no such department' },
  FV_UNIT_UNKNOWN: { zh: '没有这个报备单位', en: 'No such unit' },
  FV_URGENT_REASON: { zh: '紧急调研请说明理由', en: 'Give the reason of the urgency' },
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

export const thresholdsOf = (row: FvThresholdsRow): Thresholds => ({
  unitCountyWindowDays: row.unit_county_window_days,
  unitCountyWindowCount: row.unit_county_window_count,
  unitCountyYearCount: row.unit_county_year_count,
  headcountMax: row.headcount_max,
  countyMonthMax: row.county_month_max,
});

/** Days after a visit's end by which its result is due, until the reviewer sets another. */
export const DEFAULT_RESULT_DUE_DAYS = 7;

/** The thresholds new filings are judged by; the seed's figures until the reviewer sets others. */
export async function currentThresholds(ctx: AppContext): Promise<FvThresholdsRow> {
  const latest = await repo.latestThresholds(ctx.db);
  if (latest) return latest;
  const t = DEFAULT_THRESHOLDS;
  await ctx.db
    .insertInto('fv_thresholds')
    .values({
      unit_county_window_days: t.unitCountyWindowDays,
      unit_county_window_count: t.unitCountyWindowCount,
      unit_county_year_count: t.unitCountyYearCount,
      headcount_max: t.headcountMax,
      county_month_max: t.countyMonthMax,
      result_due_days: DEFAULT_RESULT_DUE_DAYS,
      created_at: isoNow(ctx.clock),
      created_by_name: 'system',
    })
    .execute();
  return (await repo.latestThresholds(ctx.db)) as FvThresholdsRow;
}

export const monthOf = (date: string) => date.slice(0, 7);
const monthEnd = (date: string) => `${monthOf(date)}-31`;

/** The narrowest region holding every county: for the audit log's region filter. */
function commonRegion(codes: string[]): string {
  for (const length of [6, 4, 2]) {
    const prefixes = new Set(codes.map((c) => c.slice(0, length)));
    if (prefixes.size === 1) return [...prefixes][0] as string;
  }
  return '';
}

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

/**
 * 报备: files a research visit before it happens, judged by the current thresholds. A county's
 * month over the line needs an explanation (422 otherwise, nothing stored); any warning sends
 * the filing to review. Counts and insert run in one transaction, under a lock per county and
 * month, so two filings cannot both take a county's last place of a month.
 */
export function fileVisit(
  ctx: AppContext,
  actor: Actor,
  input: FileVisitBody,
  lang: Lang,
): Promise<FiledVisit> {
  return inTransaction(ctx, async (tx) => {
    const unit = await repo.findUnit(tx.db, input.unitId);
    if (!unit) throw invalidField('/unitId', 'FV_UNIT_UNKNOWN');
    const reporter = actor.id === null ? undefined : await repo.reporterUnit(tx.db, actor.id);
    if (reporter?.unit_id !== unit.id) throw forbidden();
    if (input.departmentId !== undefined && !(await repo.findDepartment(tx.db, unit.id, input.departmentId)))
      throw invalidField('/departmentId', 'FV_DEPARTMENT_UNKNOWN');
    if (input.endDate < input.startDate) throw invalidField('/endDate', 'FV_END_BEFORE_START');
    const today = dateInShanghai(tx.clock.now());
    const late = input.startDate <= today;
    if (late && !input.urgent) throw refused('LATE_FILING');
    if (input.urgent && !input.urgentReason) throw invalidField('/urgentReason', 'FV_URGENT_REASON');

    // Each county counts once, however many stops the filing makes there.
    const codes = [...new Set(input.stops.map((s) => s.countyCode))];
    const known = new Map((await repo.counties(tx.db, codes)).map((c) => [c.code, c.name]));
    input.stops.forEach((s, i) => {
      if (!known.has(s.countyCode)) throw invalidField(`/stops/${i}/countyCode`, 'FV_COUNTY_UNKNOWN');
    });

    const version = await currentThresholds(tx);
    const t = thresholdsOf(version);
    const start = input.startDate;
    const year = start.slice(0, 4);
    const around = windowAround(start, t);
    const histories: CountyHistory[] = [];
    for (const county of [...codes].sort()) {
      await lockKey(tx.db, `fv-county-month:${county}:${monthOf(start)}`);
      await lockKey(tx.db, `fv-unit-county:${unit.id}:${county}`);
      histories.push({
        countyCode: county,
        unitStartsNear: await repo.unitStartsBetween(tx.db, unit.id, county, around.from, around.to),
        unitYear: await repo.countUnitCounty(tx.db, unit.id, county, `${year}-01-01`, `${year}-12-31`),
        countyMonth: await repo.countCounty(tx.db, county, `${monthOf(start)}-01`, monthEnd(start)),
      });
    }
    const judged = judgeFiling({ startDate: start, headcount: input.headcount }, histories, t);
    const overloaded = judged.find((w) => w.code === 'COUNTY_MONTH_LOAD');
    if (overloaded && !input.explanation)
      throw refused('EXPLANATION_REQUIRED', {
        county: known.get(overloaded.countyCode ?? '') ?? '',
        month: monthOf(start),
        count: overloaded.count,
        max: t.countyMonthMax,
      });

    // Filing on or after the start date, as urgent, is itself flagged for review.
    const raised: StoredWarning[] = late
      ? [...judged, { code: 'URGENT', level: 'warning', countyCode: null, count: 0 }]
      : judged;
    const warnings = raised.map((w) =>
      presentWarning(
        w,
        { counties: known, thresholds: t, startDate: start, reason: input.urgentReason ?? '' },
        lang,
      ),
    );

    const status = warnings.length > 0 ? 'pending_review' : 'filed';
    const now = isoNow(tx.clock);
    const id = await repo.insertVisit(
      tx.db,
      {
        unit_id: unit.id,
        department_id: input.departmentId ?? null,
        leader_name: input.leaderName ?? null,
        leader_level: input.leaderLevel ?? null,
        topic: input.topic.trim(),
        purpose: input.purpose ?? null,
        start_date: start,
        end_date: input.endDate,
        stops: JSON.stringify(input.stops.map((s) => ({ countyCode: s.countyCode, site: s.site ?? null }))),
        headcount: input.headcount,
        members: JSON.stringify(input.members ?? []),
        asks: input.asks ?? null,
        explanation: input.explanation ?? null,
        urgent: input.urgent ? 1 : 0,
        urgent_reason: input.urgentReason ?? null,
        status,
        thresholds_id: version.id,
        // By code, so that a reader sees them in their own language.
        warnings: JSON.stringify(raised),
        filed_by: actor.id,
        filed_by_name: actor.displayName,
        created_at: now,
        updated_at: now,
      },
      codes,
    );
    await audit(tx, actor, {
      action: 'field_visit.file',
      entity: 'field_visit',
      entityId: id,
      regionCode: commonRegion(codes),
      after: {
        id,
        unitId: unit.id,
        topic: input.topic,
        startDate: start,
        endDate: input.endDate,
        counties: codes,
        headcount: input.headcount,
        status,
        warnings: warnings.map((w) => w.code),
      },
    });
    return { id, status, warnings };
  });
}

/** The filing units with their departments (for the filing form and the admin). */
export async function listUnits(ctx: AppContext): Promise<UnitView[]> {
  const { units, departments } = await repo.listUnits(ctx.db);
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    kind: u.kind as UnitView['kind'],
    regionCode: u.region_code,
    departments: departments.filter((d) => d.unit_id === u.id).map((d) => ({ id: d.id, name: d.name })),
  }));
}
