import { insertMissingRegions } from '../../modules/regions/regions.repository.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { isoNow } from '../../platform/clock.js';
import { type AppContext, inTransaction } from '../../platform/context.js';
import type { Role } from '../../platform/roles.js';
import type { NewUser, RegionLevel, RegionRow } from '../types.js';

/**
 * A synthetic district for benchmarks (`jiceng seed --scale district`): 演示省 99 / 演示市 9901 /
 * 演示区 990101, with streets, communities, grids and the staff accounts that work on them.
 * Province 99 does not exist in the national codes, so it never collides with real divisions
 * (the demo's or a deployment's). Deterministic: the same rows on every machine, timestamps aside.
 *
 * Later issues append residents etc.: walk `districtGrids(plan)` and add a step to `seedDistrict`.
 */
export const DISTRICT_CODE = '990101';
export const BENCH_ADMIN = 'bench_admin';

export interface DistrictOptions {
  streets?: number;
  communitiesPerStreet?: number;
  gridsPerCommunity?: number;
  /** Accounts per grid on average; see `districtUsers` for how they are spread. */
  usersPerGrid?: number;
  password?: string;
}

export type DistrictPlan = Required<Omit<DistrictOptions, 'password'>>;

/** 20 × 10 × 10 = 2,000 grids and about 10,000 accounts, as the benchmark issues ask. */
export const DISTRICT_DEFAULTS: DistrictPlan = {
  streets: 20,
  communitiesPerStreet: 10,
  gridsPerCommunity: 10,
  usersPerGrid: 5,
};

/** Officers per street office: a handful, like a real 街道办. */
const STREET_OFFICERS = 5;
/** Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const BATCH = 500;

const pad3 = (n: number) => String(n).padStart(3, '0');
// Streets, communities and grids each take 3 digits (national format 2+2+2+3+3, grids +3).
export const streetCode = (s: number) => `${DISTRICT_CODE}${pad3(s)}`;
export const communityCode = (s: number, c: number) => `${streetCode(s)}${pad3(c)}`;
export const gridCode = (s: number, c: number, g: number) => `${communityCode(s, c)}${pad3(g)}`;

export function planDistrict(options: DistrictOptions = {}): DistrictPlan {
  const plan = { ...DISTRICT_DEFAULTS };
  for (const key of Object.keys(plan) as (keyof DistrictPlan)[]) {
    const value = options[key] ?? plan[key];
    // 3 digits per level: 999 is the most a parent can number.
    if (!Number.isInteger(value) || value < 1 || value > 999)
      throw new Error(`seedDistrict: ${key} must be an integer from 1 to 999`);
    plan[key] = value;
  }
  return plan;
}

export interface DistrictGrid {
  street: number;
  community: number;
  grid: number;
  code: string;
}

/** Every grid of the district in code order: the unit later seeds hang residents on. */
export function* districtGrids(plan: DistrictPlan): Generator<DistrictGrid> {
  for (let s = 1; s <= plan.streets; s++)
    for (let c = 1; c <= plan.communitiesPerStreet; c++)
      for (let g = 1; g <= plan.gridsPerCommunity; g++)
        yield { street: s, community: c, grid: g, code: gridCode(s, c, g) };
}

/** Parents before children, so the parent_code foreign key holds at every batch. */
function* districtRegions(plan: DistrictPlan, now: string): Generator<RegionRow> {
  const row = (code: string, name: string, level: RegionLevel, parent: string | null): RegionRow => ({
    code,
    name,
    level,
    parent_code: parent,
    created_at: now,
    updated_at: now,
  });
  yield row('99', '演示省', 'province', null);
  yield row('9901', '演示市', 'city', '99');
  yield row(DISTRICT_CODE, '演示区', 'county', '9901');
  for (let s = 1; s <= plan.streets; s++) {
    yield row(streetCode(s), `演示街道${s}`, 'street', DISTRICT_CODE);
    for (let c = 1; c <= plan.communitiesPerStreet; c++) {
      // Names are unique district-wide so that name searches hit one region, as in real data.
      yield row(communityCode(s, c), `演示社区${s}-${c}`, 'community', streetCode(s));
      for (let g = 1; g <= plan.gridsPerCommunity; g++)
        yield row(gridCode(s, c, g), `网格${s}-${c}-${g}`, 'grid', communityCode(s, c));
    }
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平';
/** A plausible, deterministic Chinese name for the n-th account (8,000 distinct). */
const personName = (n: number) =>
  `${SURNAMES[n % 20]}${GIVEN[Math.floor(n / 20) % 20]}${GIVEN[Math.floor(n / 400) % 20]}`;

/**
 * The accounts: a district-scoped admin (`bench_admin`) and a district officer; officers on
 * every street; on every community a secretary, `gridsPerCommunity − 1` staff and
 * `usersPerGrid − 1` grid workers per grid, i.e. exactly `usersPerGrid` accounts per grid.
 */
function* districtUsers(plan: DistrictPlan, passwordHash: string, now: string): Generator<NewUser> {
  let n = 0;
  const user = (username: string, role: Role, scope: string): NewUser => ({
    username,
    display_name: personName(n++),
    password_hash: passwordHash,
    role,
    scope,
    // Benchmark accounts skip the forced first-login change, as the demo's do.
    must_change_password: 0,
    disabled: 0,
    password_changed_at: now,
    created_at: now,
    updated_at: now,
  });
  yield user(BENCH_ADMIN, 'admin', DISTRICT_CODE);
  yield user(`district_${DISTRICT_CODE}`, 'district_officer', DISTRICT_CODE);
  for (let s = 1; s <= plan.streets; s++) {
    for (let i = 1; i <= STREET_OFFICERS; i++)
      yield user(`st_${streetCode(s)}_${i}`, 'street_officer', streetCode(s));
    for (let c = 1; c <= plan.communitiesPerStreet; c++) {
      const community = communityCode(s, c);
      yield user(`sec_${community}`, 'community_secretary', community);
      for (let i = 2; i <= plan.gridsPerCommunity; i++)
        yield user(`staff_${community}_${i}`, 'community_staff', community);
      for (let g = 1; g <= plan.gridsPerCommunity; g++)
        for (let i = 2; i <= plan.usersPerGrid; i++)
          yield user(`grid_${gridCode(s, c, g)}_${i}`, 'grid_worker', gridCode(s, c, g));
    }
  }
}

/** Feeds `rows` to `insert` in batches of BATCH; returns how many rows it inserted. */
async function insertBatched<T>(rows: Iterable<T>, insert: (batch: T[]) => Promise<unknown>) {
  let batch: T[] = [];
  let count = 0;
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      await insert(batch);
      count += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) await insert(batch);
  return count + batch.length;
}

/**
 * Generates the district into the database in one transaction. Does nothing (and returns
 * zeros) when the district is already there, so it is safe to run on every benchmark start.
 */
export async function seedDistrict(
  ctx: AppContext,
  options: DistrictOptions = {},
): Promise<{ regions: number; users: number }> {
  const plan = planDistrict(options);
  const existing = await ctx.db
    .selectFrom('regions')
    .select('code')
    .where('code', '=', DISTRICT_CODE)
    .executeTakeFirst();
  if (existing) return { regions: 0, users: 0 };
  // Argon2id is slow on purpose: one hash, shared by every account, instead of ten thousand.
  const passwordHash = await hashPassword(options.password ?? ctx.config.demoPassword);
  return inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    const regions = await insertBatched(districtRegions(plan, now), (batch) =>
      insertMissingRegions(tx.db, batch),
    );
    const users = await insertBatched(districtUsers(plan, passwordHash, now), (batch) =>
      tx.db.insertInto('users').values(batch).execute(),
    );
    return { regions, users };
  });
}
