import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countIn } from '../../modules/fieldvisits/fieldvisits.repository.js';
import { addDays } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { type DialectName, openTestContext, rowCount, testDialects } from '../../test/harness.js';
import { ensureHistoryUnits, seedFieldVisitHistory } from './fieldvisits-history.js';
import { countiesOf, HISTORY_FILER, historyFilings, planHistory } from './fieldvisits-history.plan.js';

// Two years, with results for the visits that ended before mid-2025.
const OPTIONS = { filings: 3000, from: '2024-01-01', to: '2025-12-31', today: '2025-06-15', seed: 7 };

/** A fresh database per dialect, without the app (a seed needs none). */
function eachDatabase(
  name: string,
  suite: (env: () => { ctx: AppContext; dialect: DialectName }) => void,
  options: { empty?: boolean } = {},
) {
  for (const dialect of testDialects())
    describe(`${name} [${dialect}]`, () => {
      let opened: Awaited<ReturnType<typeof openTestContext>> | undefined;
      beforeAll(async () => {
        opened = await openTestContext(dialect, options);
      });
      afterAll(async () => opened?.close());
      suite(() => {
        if (!opened) throw new Error('database not ready');
        return { ctx: opened.ctx, dialect };
      });
    });
}

/** What the generator means to write: the live filings per county and month, from the pure plan. */
async function planned(env: Parameters<typeof ensureHistoryUnits>[0]) {
  const { units, counties } = await ensureHistoryUnits(env);
  const filings = [...historyFilings(planHistory(OPTIONS), units, counties)];
  const perCountyMonth = new Map<string, number>();
  for (const f of filings)
    if (f.status !== 'cancelled')
      for (const county of countiesOf(f)) {
        const key = `${county} ${f.startDate.slice(0, 7)}`;
        perCountyMonth.set(key, (perCountyMonth.get(key) ?? 0) + 1);
      }
  return { filings, perCountyMonth };
}

eachDatabase(
  'field visit history',
  (env) => {
    it('loads Yunnan and the units it files for on a database without the demo', async () => {
      const result = await seedFieldVisitHistory(env().ctx, OPTIONS);
      expect(result).toMatchObject({ units: 28, filings: 3000 });
      const { db } = env().ctx;
      const counties = await db
        .selectFrom('regions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('level', '=', 'county')
        .where('code', 'like', '53%')
        .executeTakeFirstOrThrow();
      expect(Number(counties.n)).toBe(129);
      expect(await rowCount(env(), 'fv_units')).toBe(28);
      expect(await rowCount(env(), 'field_visits')).toBe(3000);
      expect(await rowCount(env(), 'field_visit_counties')).toBe(result.countyRows);
    });

    it('counts each filing once per county of its stops, with its unit and date, live unless cancelled', async () => {
      const { db } = env().ctx;
      const visits = await db
        .selectFrom('field_visits')
        .select(['id', 'unit_id', 'start_date', 'stops', 'status'])
        .orderBy('id')
        .execute();
      const rows = await db.selectFrom('field_visit_counties').selectAll().execute();
      const byVisit = new Map<number, typeof rows>();
      for (const r of rows) byVisit.set(Number(r.visit_id), [...(byVisit.get(Number(r.visit_id)) ?? []), r]);
      let repeated = 0;
      for (const v of visits) {
        const stops = JSON.parse(v.stops) as { countyCode: string }[];
        const counties = [...new Set(stops.map((s) => s.countyCode))].sort();
        if (counties.length < stops.length) repeated++;
        const mine = byVisit.get(Number(v.id)) ?? [];
        expect(mine.map((r) => r.county_code).sort()).toEqual(counties);
        for (const r of mine) {
          expect(Number(r.unit_id)).toBe(Number(v.unit_id));
          expect(r.start_date).toBe(v.start_date);
          expect(Number(r.live)).toBe(v.status === 'cancelled' ? 0 : 1);
        }
      }
      // The cases the rules care about do occur: two stops in one county, cancelled filings.
      expect(repeated).toBeGreaterThan(0);
      expect(rows.filter((r) => Number(r.live) === 0).length).toBeGreaterThan(100);
    });

    it("writes the plan's live filings per county and month, as the rules count them", async () => {
      const { db } = env().ctx;
      const { perCountyMonth } = await planned(env().ctx);
      const rows = await db
        .selectFrom('field_visit_counties')
        .select([
          'county_code',
          sql<string>`substr(start_date, 1, 7)`.as('month'),
          (eb) => eb.fn.countAll<number>().as('n'),
        ])
        .where('live', '=', 1)
        .groupBy(['county_code', sql`substr(start_date, 1, 7)`])
        .execute();
      expect(new Map(rows.map((r) => [`${r.county_code} ${r.month}`, Number(r.n)]))).toEqual(perCountyMonth);
      // And the rules' own count agrees for the busiest county-month.
      const [key, most] = [...perCountyMonth].sort((a, b) => b[1] - a[1])[0] as [string, number];
      const [county, month] = key.split(' ') as [string, string];
      expect(await countIn(db, { county, from: `${month}-01`, to: `${month}-31` })).toBe(most);
      // Some counties are much busier than others.
      const perCounty = new Map<string, number>();
      for (const [k, n] of perCountyMonth)
        perCounty.set(k.slice(0, 6), (perCounty.get(k.slice(0, 6)) ?? 0) + n);
      const sorted = [...perCounty.values()].sort((a, b) => b - a);
      expect(sorted[0]).toBeGreaterThan(3 * (sorted[sorted.length - 1] ?? 0));
    });

    it('is the same for the same seed, and different for another', async () => {
      const { db } = env().ctx;
      const { filings } = await planned(env().ctx);
      const { units, counties } = await ensureHistoryUnits(env().ctx);
      const again = [...historyFilings(planHistory(OPTIONS), units, counties)];
      expect(again).toEqual(filings);
      const other = [...historyFilings(planHistory({ ...OPTIONS, seed: 8 }), units, counties)];
      expect(other.map((f) => f.startDate)).not.toEqual(filings.map((f) => f.startDate));
      // Generated on another day: the same filings, only more of them with results.
      const later = [...historyFilings(planHistory({ ...OPTIONS, today: '2025-09-01' }), units, counties)];
      expect(later.map(({ result: _, ...f }) => f)).toEqual(filings.map(({ result: _, ...f }) => f));
      expect(later.filter((f) => f.result).length).toBeGreaterThan(filings.filter((f) => f.result).length);
      // The database holds the plan, filing by filing, in order.
      const stored = await db
        .selectFrom('field_visits')
        .select(['start_date', 'end_date', 'stops', 'status', 'topic', 'headcount'])
        .orderBy('id')
        .execute();
      expect(stored).toEqual(
        filings.map((f) => ({
          start_date: f.startDate,
          end_date: f.endDate,
          stops: JSON.stringify(f.stops),
          status: f.status,
          topic: f.topic,
          headcount: f.headcount,
        })),
      );
    });

    it('gives past visits results and leaves coming ones without, each due a week after its end', async () => {
      const { db } = env().ctx;
      const visits = await db
        .selectFrom('field_visits')
        .select(['end_date', 'status', 'result_at', 'result_due_date'])
        .execute();
      expect(visits.filter((v) => v.result_due_date !== addDays(v.end_date, 7))).toEqual([]);
      const past = visits.filter((v) => v.end_date < OPTIONS.today && v.status !== 'cancelled');
      const withResult = past.filter((v) => v.result_at !== null).length;
      expect(withResult / past.length).toBeGreaterThan(0.8);
      expect(visits.filter((v) => v.end_date >= OPTIONS.today && v.result_at !== null)).toEqual([]);
    });

    it('writes nothing the second time, and leaves the indexes and ids as a filing needs them', async () => {
      const { db } = env().ctx;
      expect(await seedFieldVisitHistory(env().ctx, OPTIONS)).toEqual({
        units: 0,
        filings: 0,
        countyRows: 0,
      });
      expect(await rowCount(env(), 'field_visits')).toBe(3000);
      const indexes =
        env().dialect === 'postgres'
          ? (
              await sql<{ name: string }>`select indexname as name from pg_indexes
                where schemaname = current_schema() and tablename = 'field_visit_counties'`.execute(db)
            ).rows
          : (
              await sql<{ name: string }>`select name from sqlite_master
                where type = 'index' and tbl_name = 'field_visit_counties'`.execute(db)
            ).rows;
      expect(indexes.map((i) => i.name)).toEqual(
        expect.arrayContaining(['fvc_county', 'fvc_unit', 'fvc_month']),
      );
      // A new filing gets the next id (PostgreSQL's sequence was moved past the given ones).
      const before = await db
        .selectFrom('field_visits')
        .selectAll()
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const { id, ...row } = before;
      const inserted = await db
        .insertInto('field_visits')
        .values({ ...row, filed_by_name: 'test' })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(Number(inserted.id)).toBe(Number(id) + 1);
      expect(HISTORY_FILER).toBe(before.filed_by_name);
    });
  },
  { empty: true },
);

eachDatabase('field visit history beside the demo', (env) => {
  it("reuses the demo's units and departments", async () => {
    const units = await rowCount(env(), 'fv_units');
    const departments = await rowCount(env(), 'fv_departments');
    const result = await seedFieldVisitHistory(env().ctx, { ...OPTIONS, filings: 200 });
    expect(result).toMatchObject({ units: 0, filings: 200 });
    expect(await rowCount(env(), 'fv_units')).toBe(units);
    expect(await rowCount(env(), 'fv_departments')).toBe(departments);
  });
});
