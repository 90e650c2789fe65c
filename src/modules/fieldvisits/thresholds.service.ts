/** The rules' figures, versioned: a filing is judged by the newest and keeps its version. */
import type { FvThresholdsRow } from '../../db/fieldvisit-types.js';
import { audit } from '../../platform/audit/audit.js';
import { isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import * as repo from './fieldvisits.repository.js';
import type { ThresholdsBody, ThresholdsView } from './fieldvisits.schemas.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './rules.js';

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

const viewOf = (row: FvThresholdsRow): ThresholdsView => ({
  ...thresholdsOf(row),
  resultDueDays: row.result_due_days,
  version: Number(row.id),
  createdAt: row.created_at,
  createdByName: row.created_by_name,
});

export async function getThresholds(ctx: AppContext): Promise<ThresholdsView> {
  return viewOf(await currentThresholds(ctx));
}

/** The reviewer sets new figures: a new version, for filings made from now on. Audited. */
export function setThresholds(ctx: AppContext, actor: Actor, input: ThresholdsBody): Promise<ThresholdsView> {
  return inTransaction(ctx, async (tx) => {
    const before = viewOf(await currentThresholds(tx));
    await tx.db
      .insertInto('fv_thresholds')
      .values({
        unit_county_window_days: input.unitCountyWindowDays,
        unit_county_window_count: input.unitCountyWindowCount,
        unit_county_year_count: input.unitCountyYearCount,
        headcount_max: input.headcountMax,
        county_month_max: input.countyMonthMax,
        result_due_days: input.resultDueDays,
        created_at: isoNow(tx.clock),
        created_by_name: actor.displayName,
      })
      .execute();
    const after = viewOf(await currentThresholds(tx));
    await audit(tx, actor, {
      action: 'field_visit_thresholds.update',
      entity: 'field_visit_thresholds',
      entityId: after.version,
      regionCode: actor.scope,
      before,
      after,
    });
    return after;
  });
}
