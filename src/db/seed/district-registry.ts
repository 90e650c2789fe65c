import type { Kysely } from 'kysely';
import { dateInShanghai } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { nameSearchKeys } from '../../platform/pinyin.js';
import type { DB } from '../types.js';
import { type BulkTable, type BulkWriter, bulkLoad } from './district-bulk.js';
import { type GridPlan, type PlanContext, planGrid } from './district-registry.plan.js';
import { Random } from './random.js';

/**
 * The grid registry of the benchmark district (`jiceng seed --scale district`, called by
 * `seedDistrict`): on every grid about 25 buildings in two estates and on the street, 8–12 flats
 * each, households, 500 residents with encrypted ID and phone numbers and their blind indexes,
 * pinyin keys, about one in ten cared for with tags and due dates, and two years of visits, five
 * per resident on average but most of them to the cared-for. With the defaults: 50,000
 * buildings, about 500,000 houses, 1,000,000 residents and 5,000,000 visits.
 *
 * Written in one transaction through the bulk writers of district-bulk.ts. On SQLite the load
 * runs with the rollback journal in memory, no fsync and foreign keys unchecked (the generator
 * keeps them by construction), then restores the connection's settings and runs ANALYZE; a crash
 * in the middle of it can leave the file unusable, which for generated data means generating it
 * again. On PostgreSQL it runs ANALYZE; bench/run.ts vacuums as well.
 */

export interface RegistryPlan {
  buildingsPerGrid: number;
  residentsPerGrid: number;
  visitsPerResident: number;
}

export interface RegistryCounts {
  buildings: number;
  houses: number;
  households: number;
  residents: number;
  caredFor: number;
  visits: number;
}

const NO_COUNTS: RegistryCounts = {
  buildings: 0,
  houses: 0,
  households: 0,
  residents: 0,
  caredFor: 0,
  visits: 0,
};
const SEED = 990_101;

const STAMPS = [
  ['created_at', 'text'],
  ['updated_at', 'text'],
] as const;
const ESTATES: BulkTable = {
  name: 'estates',
  columns: [['id', 'int8'], ['region_code', 'text'], ['name', 'text'], ['address', 'text'], ...STAMPS],
};
// biome-ignore format: column lists
const BUILDINGS: BulkTable = {
  name: 'buildings',
  columns: [
    ['id', 'int8'], ['region_code', 'text'], ['estate_id', 'int8'], ['number', 'text'], ['kind', 'text'],
    ['floors', 'int4'], ['units', 'int4'], ['elevators', 'int4'], ['address', 'text'], ['lat', 'float8'],
    ['lng', 'float8'], ...STAMPS,
  ],
};
// biome-ignore format: column lists
const HOUSES: BulkTable = {
  name: 'houses',
  columns: [
    ['id', 'int8'], ['region_code', 'text'], ['building_id', 'int8'], ['unit', 'text'], ['floor', 'int4'],
    ['room', 'text'], ['area', 'int4'], ['use', 'text'], ...STAMPS,
  ],
};
const HOUSEHOLDS: BulkTable = {
  name: 'households',
  columns: [['id', 'int8'], ['region_code', 'text'], ['house_id', 'int8'], ['number', 'text'], ...STAMPS],
};
// biome-ignore format: column lists
const RESIDENTS: BulkTable = {
  name: 'residents',
  columns: [
    ['id', 'int8'], ['region_code', 'text'], ['household_id', 'int8'], ['house_id', 'int8'], ['relation', 'text'],
    ['name', 'text'], ['name_pinyin', 'text'], ['name_initials', 'text'], ['id_number_enc', 'text'],
    ['id_number_index', 'text'], ['phone_enc', 'text'], ['phone_index', 'text'], ['phone_tail', 'text'],
    ['birth_date', 'text'], ['gender', 'text'], ['hukou', 'text'], ['status', 'text'], ['political', 'text'],
    ['work', 'text'], ['move_in_date', 'text'], ['visit_interval_days', 'int4'], ['last_visit_at', 'text'],
    ['visit_due_at', 'text'], ...STAMPS, ['deleted_at', 'text'],
  ],
};
// biome-ignore format: column lists
const RESIDENT_TAGS: BulkTable = {
  name: 'resident_tags',
  columns: [
    ['region_code', 'text'], ['resident_id', 'int8'], ['tag_id', 'int8'], ['started_on', 'text'],
    ['reason', 'text'], ['tagged_by', 'int8'], ['tagged_by_name', 'text'], ['created_at', 'text'],
  ],
};
// biome-ignore format: column lists
const VISITS: BulkTable = {
  name: 'visits',
  columns: [
    ['region_code', 'text'], ['resident_id', 'int8'], ['visitor_id', 'int8'], ['visitor_name', 'text'],
    ['visited_at', 'text'], ['mode', 'text'], ['findings', 'text'], ['major_change', 'int4'], ['created_at', 'text'],
  ],
};
/** Parents before children: the order PostgreSQL receives each group in. */
const TABLES = [ESTATES, BUILDINGS, HOUSES, HOUSEHOLDS, RESIDENTS, RESIDENT_TAGS, VISITS];
const WITH_IDS = ['estates', 'buildings', 'houses', 'households', 'residents'] as const;
const _LOADED = TABLES.map((t) => t.name);

export interface RegistryOptions {
  /** 'places': estates, buildings and houses only (the target of an import benchmark). */
  people: boolean;
  onProgress?: (message: string) => void;
}

/** The grids of the district in code order, with their index (what `districtGrids` yields). */
export interface RegistryGrid {
  code: string;
  community: string;
}

/** Generates the registry of every grid; does nothing when the district already has buildings. */
export async function seedDistrictRegistry(
  ctx: AppContext,
  district: string,
  grids: RegistryGrid[],
  plan: RegistryPlan,
  options: RegistryOptions,
): Promise<RegistryCounts> {
  const existing = await ctx.db
    .selectFrom('buildings')
    .select('id')
    .where('region_code', 'like', `${district}%`)
    .limit(1)
    .executeTakeFirst();
  if (existing) return NO_COUNTS;
  const catalog = await ctx.db
    .selectFrom('care_tags')
    .select(['id', 'code', 'visit_interval_days'])
    .execute();
  // The first grid worker of each grid makes its visits (`grid_<grid>_2`, see district.ts).
  const workers = await ctx.db
    .selectFrom('users')
    .select(['id', 'username', 'scope'])
    .where('role', '=', 'grid_worker')
    .where('username', 'like', `grid_${district}%_2`)
    .execute();
  const load = (db: Kysely<DB>, writer: BulkWriter) =>
    generate(ctx, db, writer, grids, plan, options, {
      tagIds: new Map(catalog.map((t) => [t.code, t.id])),
      intervals: new Map(catalog.map((t) => [t.code, t.visit_interval_days])),
      workers: new Map(workers.map((w) => [w.scope, { id: w.id, name: w.username }])),
    });
  return bulkLoad(ctx, { tables: TABLES, withIds: WITH_IDS, load, onProgress: options.onProgress });
}

interface Lookups {
  tagIds: Map<string, number>;
  intervals: Map<string, number>;
  workers: Map<string, { id: number; name: string }>;
}

async function nextIds(db: Kysely<DB>) {
  const next: Record<(typeof WITH_IDS)[number], number> = {
    estates: 1,
    buildings: 1,
    houses: 1,
    households: 1,
    residents: 1,
  };
  for (const table of WITH_IDS) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst();
    next[table] = Number(row?.max ?? 0) + 1;
  }
  return next;
}

async function generate(
  ctx: AppContext,
  db: Kysely<DB>,
  writer: BulkWriter,
  grids: RegistryGrid[],
  plan: RegistryPlan,
  options: RegistryOptions,
  lookups: Lookups,
): Promise<RegistryCounts> {
  const now = ctx.clock.now();
  const stamp = now.toISOString();
  const planContext: PlanContext = {
    now,
    today: dateInShanghai(now),
    intervals: lookups.intervals,
    idTaken: new Set(),
    phoneTaken: new Set(),
  };
  const ids = await nextIds(db);
  const counts = { ...NO_COUNTS };
  const names = new Map<string, { full: string; initials: string }>();
  const keysOf = (name: string) => {
    let keys = names.get(name);
    if (!keys) {
      keys = nameSearchKeys(name);
      names.set(name, keys);
    }
    return keys;
  };
  const started = Date.now();
  let community = grids[0]?.community;
  for (const [index, grid] of grids.entries()) {
    if (grid.community !== community) {
      // A community's rows are complete: PostgreSQL may have them while the next is generated.
      await writer.endGroup();
      community = grid.community;
    }
    const rng = new Random(Math.imul(SEED, index + 1));
    const residents = options.people ? plan.residentsPerGrid : 0;
    const g = planGrid(rng, planContext, index, {
      buildings: plan.buildingsPerGrid,
      residents,
      visitsPerResident: plan.visitsPerResident,
    });
    writeGrid(ctx, writer, grid.code, g, ids, stamp, lookups, keysOf, counts);
    // Every 5% of the way: the load takes minutes.
    if ((index + 1) % Math.max(1, Math.round(grids.length / 20)) === 0 || index === grids.length - 1) {
      const what = options.people
        ? `${counts.residents} residents, ${counts.visits} visits`
        : `${counts.buildings} buildings, ${counts.houses} houses`;
      options.onProgress?.(
        `registry: ${index + 1}/${grids.length} grids, ${what} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  }
  await writer.finish();
  return counts;
}

function writeGrid(
  ctx: AppContext,
  writer: BulkWriter,
  region: string,
  g: GridPlan,
  ids: Record<(typeof WITH_IDS)[number], number>,
  stamp: string,
  lookups: Lookups,
  keysOf: (name: string) => { full: string; initials: string },
  counts: RegistryCounts,
) {
  const base = { ...ids };
  for (const e of g.estates) writer.add(ESTATES, [ids.estates++, region, e.name, e.address, stamp, stamp]);
  for (const b of g.buildings)
    writer.add(BUILDINGS, [
      ids.buildings++,
      region,
      b.estate === null ? null : base.estates + b.estate,
      b.number,
      b.kind,
      b.floors,
      b.units,
      b.elevators,
      b.address,
      b.lat,
      b.lng,
      stamp,
      stamp,
    ]);
  for (const h of g.houses)
    writer.add(HOUSES, [
      ids.houses++,
      region,
      base.buildings + h.building,
      h.unit,
      h.floor,
      h.room,
      h.area,
      'residential',
      stamp,
      stamp,
    ]);
  counts.buildings += g.buildings.length;
  counts.houses += g.houses.length;
  if (g.residents.length === 0) return;
  for (const hh of g.households)
    writer.add(HOUSEHOLDS, [ids.households++, region, base.houses + hh.house, hh.number, stamp, stamp]);
  counts.households += g.households.length;
  const worker = lookups.workers.get(region) ?? { id: null, name: '网格员' };
  for (const r of g.residents) {
    const id = ids.residents++;
    const keys = keysOf(r.name);
    const household = g.households[r.household];
    const last = r.visits[r.visits.length - 1];
    writer.add(RESIDENTS, [
      id,
      region,
      base.households + r.household,
      household ? base.houses + household.house : null,
      r.relation,
      r.name,
      keys.full,
      keys.initials,
      ctx.pii.encrypt(r.idNumber),
      ctx.pii.blindIndex(r.idNumber),
      r.phone === null ? null : ctx.pii.encrypt(r.phone),
      r.phone === null ? null : ctx.pii.blindIndex(r.phone),
      r.phone === null ? null : r.phone.slice(-4),
      r.birthDate,
      r.gender,
      r.hukou,
      r.status,
      r.political,
      r.work,
      r.moveIn,
      r.intervalDays,
      last?.at ?? null,
      r.dueAt,
      stamp,
      stamp,
      r.deleted ? stamp : null,
    ]);
    for (const t of r.tags)
      writer.add(RESIDENT_TAGS, [
        region,
        id,
        lookups.tagIds.get(t.code) ?? null,
        t.startedOn,
        t.reason,
        worker.id,
        worker.name,
        `${t.startedOn}T08:00:00.000Z`,
      ]);
    for (const v of r.visits)
      writer.add(VISITS, [
        region,
        id,
        worker.id,
        worker.name,
        v.at,
        v.mode,
        v.findings,
        v.majorChange ? 1 : 0,
        v.at,
      ]);
    counts.visits += r.visits.length;
    if (r.tags.length > 0) counts.caredFor++;
  }
  counts.residents += g.residents.length;
}
