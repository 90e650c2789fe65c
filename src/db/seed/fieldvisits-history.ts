import type { Kysely } from 'kysely';
import { currentThresholds } from '../../modules/fieldvisits/thresholds.service.js';
import { loadDivisions } from '../../modules/regions/regions.divisions.js';
import { addDays, dateInShanghai, isoNow } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../types.js';
import { type BulkTable, type BulkWriter, bulkLoad } from './district-bulk.js';
import {
  countiesOf,
  HISTORY_FILER,
  type HistoryCounts,
  type HistoryOptions,
  historyFilings,
  historyUnits,
  type PlannedFiling,
  planHistory,
} from './fieldvisits-history.plan.js';

/**
 * Years of research-visit filings for the benchmarks of issue 4 (`jiceng seed --scale
 * field-visits`, `npm run bench -- --field-visits`): by default a million filings of the demo's
 * 12 provincial units and 16 prefectures to Yunnan's 129 counties, over the five years before
 * the year of generation, that year and the next (a filing is made before its visit, and the
 * benchmark files visits in the coming months: they are judged against months as full as the
 * past's). At that volume a county's month holds about 170 live filings on average, far above
 * the line of 30 a real province would keep to: the counts the rules run are the heavier for it.
 *
 * Provincial units go anywhere, prefectures to their own counties; some counties draw far more
 * visits than others; a filing makes one to three stops, now and then two in one county (which
 * counts once). Most are filed or approved, 6% cancelled (their county rows not live), a few
 * rejected, waiting for review or sent to join another visit; most past visits have a result.
 * `field_visit_counties` is exact, since that is what the rules count; the warnings stored with
 * the filings are plausible, not what the rules would have said then.
 *
 * Deterministic: the same filings for the same options and seed; by default the dates follow the
 * year of generation, and which past visits have results its day. The Yunnan regions, the
 * units and their departments are loaded when missing; the filings are written once (a second
 * run finds them and writes nothing), in one transaction through the bulk writers of
 * district-bulk.ts, the secondary indexes rebuilt after the load.
 */

const REVIEW: Partial<Record<PlannedFiling['status'], [decision: string, comment: string | null]>> = {
  approved: ['approve', null],
  rejected: ['reject', '与本单位近期调研重复，请调整时间'],
  join_suggested: ['suggest_join', '建议与同期赴该县的单位联合调研'],
};

// biome-ignore format: column lists
const FIELD_VISITS: BulkTable = {
  name: 'field_visits',
  columns: [
    ['id', 'int8'], ['unit_id', 'int8'], ['department_id', 'int8'], ['leader_name', 'text'],
    ['leader_level', 'text'], ['topic', 'text'], ['start_date', 'text'], ['end_date', 'text'], ['stops', 'text'],
    ['headcount', 'int4'], ['members', 'text'], ['asks', 'text'], ['explanation', 'text'], ['urgent', 'int4'],
    ['status', 'text'], ['thresholds_id', 'int8'], ['warnings', 'text'], ['filed_by', 'int8'],
    ['filed_by_name', 'text'], ['created_at', 'text'], ['updated_at', 'text'], ['cancelled_at', 'text'],
    ['review_decision', 'text'], ['review_comment', 'text'], ['reviewed_by_name', 'text'], ['reviewed_at', 'text'],
    ['result_findings', 'text'], ['result_solved', 'text'], ['result_at', 'text'], ['result_due_date', 'text'],
  ],
};
// biome-ignore format: column lists
const FIELD_VISIT_COUNTIES: BulkTable = {
  name: 'field_visit_counties',
  columns: [['visit_id', 'int8'], ['county_code', 'text'], ['unit_id', 'int8'], ['start_date', 'text'], ['live', 'int4']],
};
const TABLES = [FIELD_VISITS, FIELD_VISIT_COUNTIES];
const _LOADED = TABLES.map((t) => t.name);

/** Yunnan's prefectures and counties (from the division codes) and the units, when missing. */
export async function ensureHistoryUnits(ctx: AppContext) {
  await loadDivisions(ctx, [{ prefix: '53', depth: 'county' }]);
  const prefectures = await ctx.db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('parent_code', '=', '53')
    .orderBy('code')
    .execute();
  const counties = await ctx.db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 'county')
    .where('code', 'like', '53%')
    .orderBy('code')
    .execute();
  const units = historyUnits(prefectures);
  const now = isoNow(ctx.clock);
  const existing = await ctx.db.selectFrom('fv_units').select(['id', 'name']).execute();
  const have = new Set(existing.map((u) => u.name));
  const missing = units
    .map((u, i) => ({ u, i }))
    .filter(({ u }) => !have.has(u.name))
    .map(({ u, i }) => ({
      name: u.name,
      kind: u.prefecture ? 'prefecture' : 'provincial',
      region_code: u.prefecture,
      sort_order: i,
      created_at: now,
      updated_at: now,
    }));
  if (missing.length > 0) await ctx.db.insertInto('fv_units').values(missing).execute();
  const rows = await ctx.db.selectFrom('fv_units').select(['id', 'name']).execute();
  const idOf = new Map(rows.map((u) => [u.name, Number(u.id)]));
  const departments = await ctx.db.selectFrom('fv_departments').select(['id', 'unit_id', 'name']).execute();
  const departmentId = (unit: number, name: string) =>
    departments.find((d) => Number(d.unit_id) === unit && d.name === name)?.id;
  const newDepartments = units.flatMap((u) => {
    const unit = idOf.get(u.name) as number;
    return u.departments
      .filter((name) => departmentId(unit, name) === undefined)
      .map((name) => ({ unit_id: unit, name, created_at: now }));
  });
  if (newDepartments.length > 0) await ctx.db.insertInto('fv_departments').values(newDepartments).execute();
  const allDepartments = await ctx.db
    .selectFrom('fv_departments')
    .select(['id', 'unit_id', 'name'])
    .execute();
  const ids = units.map((u) => {
    const unit = idOf.get(u.name) as number;
    return {
      unit,
      departments: u.departments.map((name) =>
        Number(allDepartments.find((d) => Number(d.unit_id) === unit && d.name === name)?.id),
      ),
    };
  });
  return { units, ids, counties: counties.map((c) => c.code), added: missing.length };
}

/** Writes the history unless it is there already; see the top of this file. */
export async function seedFieldVisitHistory(
  ctx: AppContext,
  options: HistoryOptions = {},
): Promise<HistoryCounts> {
  const plan = planHistory(options, dateInShanghai(ctx.clock.now()));
  const { units, ids, counties, added } = await ensureHistoryUnits(ctx);
  const done = await ctx.db
    .selectFrom('field_visits')
    .select('id')
    .where('filed_by_name', '=', HISTORY_FILER)
    .limit(1)
    .executeTakeFirst();
  if (done || plan.filings === 0) return { units: added, filings: 0, countyRows: 0 };
  const thresholds = await currentThresholds(ctx);
  const judgedBy = { id: Number(thresholds.id), resultDueDays: thresholds.result_due_days };
  const progress = options.onProgress;
  const load = async (db: Kysely<DB>, writer: BulkWriter) => {
    const row = await db
      .selectFrom('field_visits')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst();
    let id = Number(row?.max ?? 0) + 1;
    let countyRows = 0;
    const started = Date.now();
    const every = Math.max(1, Math.round(plan.filings / 20));
    let n = 0;
    for (const f of historyFilings(plan, units, counties)) {
      writeFiling(writer, id, f, ids, judgedBy);
      for (const county of countiesOf(f)) {
        writer.add(FIELD_VISIT_COUNTIES, [
          id,
          county,
          ids[f.unit]?.unit,
          f.startDate,
          f.status === 'cancelled' ? 0 : 1,
        ]);
        countyRows++;
      }
      id++;
      // PostgreSQL writes a batch while the next is generated.
      if (++n % 5000 === 0) await writer.endGroup();
      if (n % every === 0)
        progress?.(
          `field visits: ${n}/${plan.filings} filings (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        );
    }
    await writer.finish();
    return { units: added, filings: n, countyRows };
  };
  return bulkLoad(ctx, { tables: TABLES, withIds: ['field_visits'], load, onProgress: progress });
}

function writeFiling(
  writer: BulkWriter,
  id: number,
  f: PlannedFiling,
  ids: { unit: number; departments: number[] }[],
  judgedBy: { id: number; resultDueDays: number },
) {
  const unit = ids[f.unit] as { unit: number; departments: number[] };
  const flagged = f.status !== 'filed' && f.status !== 'cancelled';
  // Plausible, not recomputed: a large group, or a busy county's month with its explanation.
  const warning = !flagged
    ? null
    : f.headcount > 10
      ? { code: 'HEADCOUNT', level: 'warning', countyCode: null, count: f.headcount }
      : { code: 'COUNTY_MONTH_LOAD', level: 'yellow', countyCode: f.stops[0]?.countyCode ?? null, count: 31 };
  const review = REVIEW[f.status];
  const later = (days: number) => new Date(Date.parse(f.createdAt) + days * 86_400_000).toISOString();
  writer.add(FIELD_VISITS, [
    id,
    unit.unit,
    f.department === null ? null : unit.departments[f.department],
    f.leaderName,
    f.leaderLevel,
    f.topic,
    f.startDate,
    f.endDate,
    JSON.stringify(f.stops),
    f.headcount,
    '[]',
    f.asks,
    warning?.code === 'COUNTY_MONTH_LOAD' ? '该县为本单位联系点，调研内容与前期不重复' : null,
    0,
    f.status,
    judgedBy.id,
    warning ? JSON.stringify([warning]) : '[]',
    null,
    HISTORY_FILER,
    f.createdAt,
    review ? later(1) : f.status === 'cancelled' ? later(2) : f.createdAt,
    f.status === 'cancelled' ? later(2) : null,
    review?.[0] ?? null,
    review?.[1] ?? null,
    review ? '审核员' : null,
    review ? later(1) : null,
    f.result?.findings ?? null,
    f.result?.solved ?? null,
    f.result?.at ?? null,
    addDays(f.endDate, judgedBy.resultDueDays),
  ]);
}
