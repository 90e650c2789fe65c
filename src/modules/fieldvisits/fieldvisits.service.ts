import { lockKey } from '../../db/locks.js';
import { audit } from '../../platform/audit/audit.js';
import { addDays, dateInShanghai, isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { conflict, forbidden, invalidField, notFound, refused } from '../../platform/errors.js';
import { addMessages, type Lang } from '../../platform/i18n.js';
import * as repo from './fieldvisits.repository.js';
import type { FiledVisit, FileVisitBody, ReviseVisitBody } from './fieldvisits.schemas.js';
import { type CountyHistory, judgeFiling, monthOf, windowAround } from './rules.js';
import { currentThresholds, thresholdsOf } from './thresholds.service.js';
import { presentWarning, type StoredWarning } from './warnings.js';

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
});

const monthEnd = (date: string) => `${monthOf(date)}-31`;

/** The narrowest region holding every county: for the audit log's region filter. */
function commonRegion(codes: string[]): string {
  for (const length of [6, 4, 2]) {
    const prefixes = new Set(codes.map((c) => c.slice(0, length)));
    if (prefixes.size === 1) return [...prefixes][0] as string;
  }
  return '';
}

/** What the rules look at in a filing, as filed or as it would be after an edit. */
interface Judged {
  startDate: string;
  endDate: string;
  headcount: number;
  stops: FileVisitBody['stops'];
  explanation?: string | null | undefined;
  urgent?: boolean | undefined;
  urgentReason?: string | null | undefined;
}

/**
 * Judges a filing by the current thresholds, inside the caller's transaction and under a lock
 * per county and month, so two filings cannot both take a county's last place of a month. Throws
 * what refuses it (lateness, an unknown county, a county's month over the line without an
 * explanation); answers its warnings and the status they give. `exceptId`: the filing being
 * edited, which does not count against itself.
 */
async function judge(tx: AppContext, unitId: number, v: Judged, lang: Lang, exceptId?: number) {
  if (v.endDate < v.startDate) throw invalidField('/endDate', 'FV_END_BEFORE_START');
  const late = v.startDate <= dateInShanghai(tx.clock.now());
  if (late && !v.urgent) throw refused('LATE_FILING');
  if (v.urgent && !v.urgentReason) throw invalidField('/urgentReason', 'FV_URGENT_REASON');

  // Each county counts once, however many stops the filing makes there.
  const codes = [...new Set(v.stops.map((s) => s.countyCode))];
  const known = new Map((await repo.counties(tx.db, codes)).map((c) => [c.code, c.name]));
  v.stops.forEach((s, i) => {
    if (!known.has(s.countyCode)) throw invalidField(`/stops/${i}/countyCode`, 'FV_COUNTY_UNKNOWN');
  });

  const version = await currentThresholds(tx);
  const t = thresholdsOf(version);
  const start = v.startDate;
  const year = start.slice(0, 4);
  const around = windowAround(start, t);
  const histories: CountyHistory[] = [];
  for (const county of [...codes].sort()) {
    await lockKey(tx.db, `fv-county-month:${county}:${monthOf(start)}`);
    await lockKey(tx.db, `fv-unit-county:${unitId}:${county}`);
    const unitRange = { county, unitId, exceptId };
    histories.push({
      countyCode: county,
      unitStartsNear: await repo.startDatesIn(tx.db, { ...unitRange, ...around }),
      unitYear: await repo.countIn(tx.db, { ...unitRange, from: `${year}-01-01`, to: `${year}-12-31` }),
      countyMonth: await repo.countIn(tx.db, {
        county,
        exceptId,
        from: `${monthOf(start)}-01`,
        to: monthEnd(start),
      }),
    });
  }
  const judged = judgeFiling({ startDate: start, headcount: v.headcount }, histories, t);
  const overloaded = judged.find((w) => w.code === 'COUNTY_MONTH_LOAD');
  if (overloaded && !v.explanation)
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
      { counties: known, thresholds: t, startDate: start, reason: v.urgentReason ?? '' },
      lang,
    ),
  );
  const status: 'pending_review' | 'filed' = warnings.length > 0 ? 'pending_review' : 'filed';
  return { codes, version, raised, warnings, status };
}

/** The unit the caller files for, which must be the one named; 403 otherwise. */
async function ownUnit(tx: AppContext, actor: Actor, unitId: number) {
  const unit = await repo.findUnit(tx.db, unitId);
  if (!unit) throw invalidField('/unitId', 'FV_UNIT_UNKNOWN');
  const reporter = actor.id === null ? undefined : await repo.reporterUnit(tx.db, actor.id);
  if (reporter?.unit_id !== unit.id) throw forbidden();
  return unit;
}

const stopsJson = (stops: FileVisitBody['stops']) =>
  JSON.stringify(stops.map((s) => ({ countyCode: s.countyCode, site: s.site ?? null })));

/**
 * 报备: files a research visit before it happens. A county's month over the line needs an
 * explanation (422 otherwise, nothing stored); any warning sends the filing to review.
 */
export function fileVisit(
  ctx: AppContext,
  actor: Actor,
  input: FileVisitBody,
  lang: Lang,
): Promise<FiledVisit> {
  return inTransaction(ctx, async (tx) =>
    recordFiling(tx, actor, await ownUnit(tx, actor, input.unitId), input, lang),
  );
}

/**
 * Judges and stores a filing for a unit already known to be the actor's, audited (the demo
 * loader files for every unit through here, under the same rules).
 */
export async function recordFiling(
  tx: AppContext,
  actor: Actor,
  unit: { id: number },
  input: FileVisitBody,
  lang: Lang,
): Promise<FiledVisit> {
  const { id, codes, status, warnings } = await storeFiling(tx, actor, unit, input, lang);
  await audit(tx, actor, {
    action: 'field_visit.file',
    entity: 'field_visit',
    entityId: id,
    regionCode: commonRegion(codes),
    after: {
      id,
      unitId: unit.id,
      topic: input.topic,
      startDate: input.startDate,
      endDate: input.endDate,
      counties: codes,
      headcount: input.headcount,
      status,
      warnings: warnings.map((w) => w.code),
    },
  });
  return { id, status, warnings };
}

/**
 * The filing's work on the database: the rules' counts under their locks, then the filing and
 * its county rows. Everything but the audit record (the benchmark's bare baseline calls this
 * too, so that both sides run the same SQL).
 */
export async function storeFiling(
  tx: AppContext,
  filer: Pick<Actor, 'id' | 'displayName'>,
  unit: { id: number },
  input: FileVisitBody,
  lang: Lang,
) {
  if (input.departmentId !== undefined && !(await repo.findDepartment(tx.db, unit.id, input.departmentId)))
    throw invalidField('/departmentId', 'FV_DEPARTMENT_UNKNOWN');
  const { codes, version, raised, warnings, status } = await judge(tx, unit.id, input, lang);
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
      start_date: input.startDate,
      end_date: input.endDate,
      result_due_date: addDays(input.endDate, version.result_due_days),
      stops: stopsJson(input.stops),
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
      filed_by: filer.id,
      filed_by_name: filer.displayName,
      created_at: now,
      updated_at: now,
    },
    codes,
  );
  return { id, codes, status, warnings };
}

/**
 * 修改: the unit changes its filing before the visit starts (after a review sent it back, say).
 * It is judged again as a new filing would be, not counting against itself; with warnings it
 * goes (back) to review, without them it is filed, whatever was decided before.
 */
export function reviseVisit(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: ReviseVisitBody,
  lang: Lang,
): Promise<FiledVisit> {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findVisit(tx.db, id);
    const reporter = actor.id === null ? undefined : await repo.reporterUnit(tx.db, actor.id);
    if (!before || reporter?.unit_id !== before.unit_id) throw notFound();
    if (before.status === 'cancelled') throw conflict('VISIT_CANCELLED');
    if (before.start_date <= dateInShanghai(tx.clock.now())) throw conflict('VISIT_STARTED');
    if (input.departmentId && !(await repo.findDepartment(tx.db, Number(before.unit_id), input.departmentId)))
      throw invalidField('/departmentId', 'FV_DEPARTMENT_UNKNOWN');
    const next = {
      startDate: input.startDate ?? before.start_date,
      endDate: input.endDate ?? before.end_date,
      headcount: input.headcount ?? before.headcount,
      stops: input.stops ?? (JSON.parse(before.stops) as FileVisitBody['stops']),
      explanation: merged(input.explanation, before.explanation),
    };
    const { codes, version, raised, warnings, status } = await judge(
      tx,
      Number(before.unit_id),
      next,
      lang,
      id,
    );
    await repo.updateVisit(tx.db, id, {
      department_id: merged(input.departmentId, before.department_id),
      leader_name: merged(input.leaderName, before.leader_name),
      leader_level: merged(input.leaderLevel, before.leader_level),
      topic: input.topic?.trim() ?? before.topic,
      purpose: merged(input.purpose, before.purpose),
      start_date: next.startDate,
      end_date: next.endDate,
      result_due_date: addDays(next.endDate, version.result_due_days),
      stops: stopsJson(next.stops),
      headcount: next.headcount,
      members: input.members ? JSON.stringify(input.members) : before.members,
      asks: merged(input.asks, before.asks),
      explanation: next.explanation,
      status,
      thresholds_id: version.id,
      warnings: JSON.stringify(raised),
      updated_at: isoNow(tx.clock),
    });
    await repo.recount(tx.db, id, Number(before.unit_id), next.startDate, codes);
    await audit(tx, actor, {
      action: 'field_visit.revise',
      entity: 'field_visit',
      entityId: id,
      regionCode: commonRegion(codes),
      before: {
        startDate: before.start_date,
        endDate: before.end_date,
        headcount: before.headcount,
        stops: JSON.parse(before.stops),
        status: before.status,
      },
      after: {
        startDate: next.startDate,
        endDate: next.endDate,
        headcount: next.headcount,
        stops: next.stops,
        status,
        warnings: warnings.map((w) => w.code),
      },
    });
    return { id, status, warnings };
  });
}

/** A PATCH field: absent keeps the value, null clears it. */
const merged = <T>(value: T | null | undefined, current: T | null): T | null =>
  value === undefined ? current : value;
