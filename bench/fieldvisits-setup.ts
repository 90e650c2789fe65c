import { sql } from 'kysely';
import { DEMO_PROVINCIAL_UNITS } from '../src/db/seed/fieldvisits-demo.js';
import { seedFieldVisitHistory } from '../src/db/seed/fieldvisits-history.js';
import type { HistoryCounts } from '../src/db/seed/fieldvisits-history.plan.js';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { addDays, dateInShanghai, isoNow } from '../src/platform/clock.js';
import type { AppContext } from '../src/platform/context.js';

/**
 * The research-visit benchmark's database (`npm run bench -- --field-visits`): Yunnan, the
 * units and the history of src/db/seed/fieldvisits-history.ts, and two accounts: `bench_reporter`
 * (unit_reporter, files for 省教育厅) and `bench_reviewer` (visit_reviewer, scope 53).
 *
 * The filing scenario adds filings on both sides, and they stay: each side files for its own
 * unit (the server 省教育厅, the baseline 省卫生健康委) in its own six calendar months (the
 * server the six after this one, the baseline the six after those), so neither side's filings
 * weigh on the other's counts. Within its months a side goes round the 129 counties, a day at a
 * time, and a later run carries on where the last stopped.
 */
export const BENCH_REPORTER = 'bench_reporter';
export const BENCH_REVIEWER = 'bench_reviewer';
const REPORTER_NAME = '基准测试 报备员';
/** The baseline has no account: its filings carry this name. */
export const BASELINE_FILER = '基准测试 对照';
const SERVER_UNIT = DEMO_PROVINCIAL_UNITS[0]?.[0] as string;
const BASELINE_UNIT = DEMO_PROVINCIAL_UNITS[1]?.[0] as string;
/** Calendar months each side files into. */
const MONTHS = 6;

/** Where and when one side files. */
export interface FilingSide {
  unitId: number;
  /** The first day of its first month, and how many days its months have. */
  from: string;
  days: number;
  /** Filings it made in earlier runs: the rotation carries on from there. */
  done: number;
}

export interface FieldVisitSample {
  counties: string[];
  server: FilingSide;
  baseline: FilingSide;
  /** The past month with the most live county rows: the load table's scenario. */
  busyMonth: string;
}

/** The first day of the month `months` after the one of `date`. */
function monthsAfter(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

async function ensureAccounts(ctx: AppContext, password: string, serverUnit: number) {
  const have = await ctx.db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', [BENCH_REPORTER, BENCH_REVIEWER])
    .execute();
  if (have.length < 2) {
    const passwordHash = await hashPassword(password);
    const now = isoNow(ctx.clock);
    const accounts = [
      [BENCH_REPORTER, 'unit_reporter', REPORTER_NAME],
      [BENCH_REVIEWER, 'visit_reviewer', '基准测试 审核员'],
    ] as const;
    await ctx.db
      .insertInto('users')
      .values(
        accounts
          .filter(([username]) => !have.some((h) => h.username === username))
          .map(([username, role, displayName]) => ({
            username,
            display_name: displayName,
            password_hash: passwordHash,
            role,
            scope: '53',
            must_change_password: 0,
            disabled: 0,
            password_changed_at: now,
            created_at: now,
            updated_at: now,
          })),
      )
      .execute();
  }
  const reporter = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', BENCH_REPORTER)
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('fv_reporters')
    .values({ user_id: reporter.id, unit_id: serverUnit, department_id: null })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  return 2 - have.length;
}

/** Seeds what is missing and reads what the scenarios need. */
export async function prepareFieldVisits(
  ctx: AppContext,
  options: { password: string; filings: number; onProgress: (message: string) => void },
): Promise<{ sample: FieldVisitSample; history: HistoryCounts; accounts: number }> {
  const history = await seedFieldVisitHistory(ctx, {
    filings: options.filings,
    onProgress: options.onProgress,
  });
  const units = await ctx.db
    .selectFrom('fv_units')
    .select(['id', 'name'])
    .where('name', 'in', [SERVER_UNIT, BASELINE_UNIT])
    .execute();
  const unitId = (name: string) => Number(units.find((u) => u.name === name)?.id);
  const accounts = await ensureAccounts(ctx, options.password, unitId(SERVER_UNIT));
  const counties = await ctx.db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 'county')
    .where('code', 'like', '53%')
    .orderBy('code')
    .execute();
  const done = async (filer: string) =>
    Number(
      (
        await ctx.db
          .selectFrom('field_visits')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('filed_by_name', '=', filer)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const today = dateInShanghai(ctx.clock.now());
  const side = async (unit: string, first: number, filer: string): Promise<FilingSide> => {
    const from = monthsAfter(today, first);
    return {
      unitId: unitId(unit),
      from,
      days: daysBetween(from, monthsAfter(today, first + MONTHS)),
      done: await done(filer),
    };
  };
  // Before this month: the benchmark's own filings are all in coming months.
  const { rows } = await sql<{ month: string }>`
    select substr(start_date, 1, 7) as month from field_visit_counties
    where live = 1 and start_date < ${monthsAfter(today, 0)}
    group by substr(start_date, 1, 7) order by count(*) desc, month limit 1`.execute(ctx.db);
  return {
    sample: {
      counties: counties.map((c) => c.code),
      server: await side(SERVER_UNIT, 1, REPORTER_NAME),
      baseline: await side(BASELINE_UNIT, 1 + MONTHS, BASELINE_FILER),
      busyMonth: rows[0]?.month ?? today.slice(0, 7),
    },
    history,
    accounts,
  };
}

/**
 * The n-th filing of a side's run: the counties in turn (one stop in 11 filings of 20, two in 6,
 * three in 3, as in the history), a day further each round of the counties, two days long, 6 to
 * 12 people (HEADCOUNT for 2 in 7), with an explanation, so that a county's month over the line
 * is stored with its warning rather than refused: every rule is evaluated either way.
 */
export function filingBody(side: FilingSide, counties: string[], n: number) {
  const i = side.done + n;
  const k = i % 20;
  const stops = k < 11 ? 1 : k < 17 ? 2 : 3;
  const c = counties.length;
  const startDate = addDays(side.from, Math.floor(i / c) % side.days);
  return {
    unitId: side.unitId,
    topic: `基准测试调研 ${i}`,
    startDate,
    endDate: addDays(startDate, 1),
    stops: Array.from({ length: stops }, (_, s) => ({
      countyCode: counties[(i + s * 43) % c] as string,
      site: '中心学校',
    })),
    headcount: 6 + (i % 7),
    explanation: '基准测试：情况说明',
  };
}
