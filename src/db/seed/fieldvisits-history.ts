import { type Kysely, sql } from 'kysely';
import { currentThresholds } from '../../modules/fieldvisits/thresholds.service.js';
import { loadDivisions } from '../../modules/regions/regions.divisions.js';
import { addDays, dateInShanghai, isoNow } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../types.js';
import {
  type BulkTable,
  type BulkWriter,
  postgresBulkWriter,
  sqliteBulkWriter,
  withoutSecondaryIndexes,
} from './district-bulk.js';
import { DEMO_PROVINCIAL_UNITS, DEMO_SITES, DEMO_TOPICS, PREFECTURE_TOPICS } from './fieldvisits-demo.js';
import { givenName, Random, randomSurname } from './random.js';

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

export interface HistoryOptions {
  /** How many filings; default 1,000,000. */
  filings?: number;
  /** First and last start date (YYYY-MM-DD); default January 1st five years back to December 31st next year. */
  from?: string;
  to?: string;
  /** The day of generation: visits that ended before it mostly have a result. Default: today (Shanghai). */
  today?: string;
  seed?: number;
  onProgress?: (message: string) => void;
}

export type HistoryPlan = Required<Omit<HistoryOptions, 'onProgress'>>;

export interface HistoryCounts {
  /** Units added (the 12 provincial units and 16 prefectures, when missing). */
  units: number;
  filings: number;
  /** Rows of field_visit_counties: a filing's distinct counties. */
  countyRows: number;
}

/** Who files the generated history: how a later run knows it is there. */
export const HISTORY_FILER = '报备员（历史数据）';

export function planHistory(options: HistoryOptions = {}, clockToday?: string): HistoryPlan {
  const today = options.today ?? clockToday ?? dateInShanghai(new Date());
  const year = Number(today.slice(0, 4));
  const plan = {
    filings: options.filings ?? 1_000_000,
    from: options.from ?? `${year - 5}-01-01`,
    to: options.to ?? `${year + 1}-12-31`,
    today,
    seed: options.seed ?? 530_000,
  };
  if (!Number.isInteger(plan.filings) || plan.filings < 0) throw new Error('filings must be a whole number');
  if (!(plan.from <= plan.to)) throw new Error('from must not be after to');
  return plan;
}

/** A filing unit as the plan knows it: by name, its prefecture (for a 州/市) and its departments. */
export interface HistoryUnit {
  name: string;
  prefecture: string | null;
  departments: string[];
}

/** The demo's units, provincial first, then one per prefecture in code order. */
export function historyUnits(prefectures: { code: string; name: string }[]): HistoryUnit[] {
  return [
    ...DEMO_PROVINCIAL_UNITS.map(([name, departments]) => ({ name, prefecture: null, departments })),
    ...[...prefectures]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((p) => ({ name: p.name, prefecture: p.code, departments: [] })),
  ];
}

export interface PlannedStop {
  countyCode: string;
  site: string | null;
}

export interface PlannedFiling {
  /** Index into the units. */
  unit: number;
  /** Index into the unit's departments. */
  department: number | null;
  leaderName: string;
  leaderLevel: string;
  topic: string;
  startDate: string;
  endDate: string;
  stops: PlannedStop[];
  headcount: number;
  asks: string | null;
  status: 'filed' | 'approved' | 'cancelled' | 'rejected' | 'pending_review' | 'join_suggested';
  createdAt: string;
  result: { findings: string; solved: string | null; at: string } | null;
}

// Spring Festival and the summer holidays are quiet; spring and autumn busy.
const MONTH_WEIGHTS = [0.6, 0.5, 1.1, 1.2, 1.2, 1.1, 0.9, 0.8, 1.1, 1.0, 1.2, 1.0];
const STATUSES: [PlannedFiling['status'], number][] = [
  ['filed', 0.62],
  ['approved', 0.24],
  ['cancelled', 0.06],
  ['pending_review', 0.05],
  ['rejected', 0.02],
  ['join_suggested', 0.01],
];

/** Picks by binary search over cumulative weights: a million picks among thousands of days. */
class Cumulative<T> {
  private readonly sums: number[] = [];
  constructor(
    private readonly items: T[],
    weight: (item: T) => number,
  ) {
    let total = 0;
    for (const item of items) {
      total += weight(item);
      this.sums.push(total);
    }
  }
  pick(rng: Random): T {
    const r = rng.next() * (this.sums[this.sums.length - 1] ?? 0);
    let lo = 0;
    let hi = this.sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sums[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/** Mostly small groups; 7% above the line of 10. */
function headcount(rng: Random): number {
  const r = rng.next();
  return r < 0.45 ? rng.int(2, 5) : r < 0.93 ? rng.int(6, 10) : rng.int(11, 15);
}

const dayOfWeek = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
/** An instant on a Shanghai working day, as stored (UTC ISO). */
const at = (date: string, hour: number, minute: number) =>
  new Date(
    `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`,
  ).toISOString();

/**
 * The filings, in order: pure, so that a test can count what the writer should have written.
 * `counties`: Yunnan's county codes in code order.
 */
export function* historyFilings(
  plan: HistoryPlan,
  units: HistoryUnit[],
  counties: string[],
): Generator<PlannedFiling> {
  const rng = new Random(plan.seed);
  // Busier and quieter counties: a weight by rank in a shuffled order, from 3.5 down to about 0.6.
  const ranked = rng.shuffle([...counties]);
  const weightOf = new Map(ranked.map((c, rank) => [c, 0.5 + 3 / (1 + rank / 8)]));
  const byWeight = (c: string) => weightOf.get(c) ?? 1;
  const anywhere = new Cumulative(counties, byWeight);
  const inPrefecture = new Map<string, Cumulative<string>>();
  for (const prefecture of new Set(counties.map((c) => c.slice(0, 4))))
    inPrefecture.set(
      prefecture,
      new Cumulative(
        counties.filter((c) => c.startsWith(prefecture)),
        byWeight,
      ),
    );
  const days: string[] = [];
  for (let d = plan.from; d <= plan.to; d = addDays(d, 1)) days.push(d);
  // Mostly working days.
  const startDays = new Cumulative(days, (d) => {
    const weekday = dayOfWeek(d);
    return (MONTH_WEIGHTS[Number(d.slice(5, 7)) - 1] ?? 1) * (weekday === 0 || weekday === 6 ? 0.15 : 1);
  });
  // 教育厅, 卫健委 and 农业农村厅 file most; each prefecture about as much as a middling provincial unit.
  const unitPicker = new Cumulative(
    units.map((_, i) => i),
    (i) => (units[i]?.prefecture ? 1.5 : 4 - i * 0.2),
  );

  for (let n = 0; n < plan.filings; n++) {
    const unitIndex = unitPicker.pick(rng);
    const unit = units[unitIndex] as HistoryUnit;
    const own = unit.prefecture ? inPrefecture.get(unit.prefecture) : undefined;
    const first = (own ?? anywhere).pick(rng);
    const stops: PlannedStop[] = [];
    const stopCount = rng.weighted([
      [1, 0.55],
      [2, 0.3],
      [3, 0.15],
    ] as const);
    let county = first;
    for (let s = 0; s < stopCount; s++) {
      if (s > 0) {
        // A second site in the same county now and then; else a neighbour, or (for a provincial unit) anywhere.
        if (!rng.chance(0.06))
          county = (
            own ??
            (rng.chance(0.7) ? inPrefecture.get(first.slice(0, 4)) : anywhere) ??
            anywhere
          ).pick(rng);
      }
      stops.push({ countyCode: county, site: rng.chance(0.35) ? null : rng.pick(DEMO_SITES) });
    }
    const startDate = startDays.pick(rng);
    const length = rng.weighted([
      [1, 0.2],
      [2, 0.35],
      [3, 0.25],
      [4, 0.12],
      [5, 0.08],
    ] as const);
    const endDate = addDays(startDate, length - 1);
    const status = rng.weighted(STATUSES);
    const createdAt = at(addDays(startDate, -rng.int(3, 30)), rng.int(9, 17), rng.int(0, 59));
    const theme = rng.pick(DEMO_TOPICS[unit.name] ?? PREFECTURE_TOPICS);
    // Drawn for every filing, so that the day of generation moves which visits have results, not the rest.
    const result = {
      owed: rng.chance(0.9),
      solved: rng.chance(0.4) ? '协调解决了部分具体困难' : null,
      at: at(addDays(endDate, rng.int(1, 10)), rng.int(9, 17), rng.int(0, 59)),
    };
    const hasResult = status !== 'cancelled' && endDate < plan.today && result.owed;
    const gender = rng.chance(0.75) ? 'male' : 'female';
    yield {
      unit: unitIndex,
      department:
        unit.departments.length > 0 && rng.chance(0.7) ? rng.int(0, unit.departments.length - 1) : null,
      leaderName: randomSurname(rng) + givenName(rng, gender, 50),
      leaderLevel: unit.prefecture
        ? rng.pick(['州（市）级', '县处级'])
        : rng.pick(['厅级', '副厅级', '处级']),
      topic: rng.chance(0.5) ? `${theme}情况调研` : `关于${theme}的调研`,
      startDate,
      endDate,
      stops,
      headcount: headcount(rng),
      asks: rng.chance(0.3) ? '不安排陪同，不准备汇报材料' : null,
      status,
      createdAt,
      result: hasResult
        ? { findings: `${theme}：了解基层情况，梳理问题清单`, solved: result.solved, at: result.at }
        : null,
    };
  }
}

/** The distinct counties of a filing's stops: its rows of field_visit_counties. */
export const countiesOf = (f: Pick<PlannedFiling, 'stops'>) => [...new Set(f.stops.map((s) => s.countyCode))];

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
const LOADED = TABLES.map((t) => t.name);

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
  return bulkLoad(ctx, load, progress);
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

/**
 * One transaction without the secondary indexes, rebuilt at the end, as district-registry.ts
 * loads the registry: on SQLite with the journal in memory and no fsync (generated data: a crash
 * means generating it again); on PostgreSQL with the table locked, since the ids are given here,
 * and its identity sequence moved past them after. Then ANALYZE.
 */
async function bulkLoad(
  ctx: AppContext,
  load: (db: Kysely<DB>, writer: BulkWriter) => Promise<HistoryCounts>,
  progress?: (message: string) => void,
): Promise<HistoryCounts> {
  const timed = async (what: string, work: () => Promise<unknown>) => {
    const started = Date.now();
    await work();
    progress?.(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const { sqlite } = ctx.database;
  if (sqlite) {
    const saved = {
      synchronous: sqlite.pragma('synchronous', { simple: true }),
      cache: sqlite.pragma('cache_size', { simple: true }),
    };
    sqlite.pragma('journal_mode = MEMORY');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('foreign_keys = OFF');
    sqlite.pragma('cache_size = -524288');
    let counts: HistoryCounts;
    try {
      sqlite.exec('begin');
      try {
        const restoreIndexes = await withoutSecondaryIndexes({ sqlite }, LOADED);
        counts = await load(ctx.db, sqliteBulkWriter(sqlite));
        await timed('field visit indexes', restoreIndexes);
        sqlite.exec('commit');
      } catch (error) {
        sqlite.exec('rollback');
        throw error;
      }
    } finally {
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma(`synchronous = ${saved.synchronous}`);
      sqlite.pragma(`cache_size = ${saved.cache}`);
      sqlite.pragma('journal_mode = WAL');
    }
    await timed('field visit analyze', async () =>
      sqlite.exec(LOADED.map((t) => `analyze "${t}"`).join(';')),
    );
    return counts;
  }
  const counts = await ctx.db.transaction().execute(async (trx) => {
    await sql`lock table field_visits in exclusive mode`.execute(trx);
    const restoreIndexes = await withoutSecondaryIndexes({ db: trx }, LOADED);
    const result = await load(trx, postgresBulkWriter(trx, TABLES));
    await timed('field visit indexes and foreign keys', restoreIndexes);
    await sql`select setval(pg_get_serial_sequence('field_visits', 'id'), coalesce((select max(id) from field_visits), 0) + 1, false)`.execute(
      trx,
    );
    return result;
  });
  await timed('field visit analyze', () => sql`analyze field_visits, field_visit_counties`.execute(ctx.db));
  return counts;
}
