import { visitReminders } from '../../modules/visits/reminders.job.js';
import { dateInShanghai, isoNow } from '../../platform/clock.js';
import { type AppContext, inTransaction } from '../../platform/context.js';
import { nameSearchKeys } from '../../platform/pinyin.js';
import { Random } from './random.js';
import { GRID_WORKERS, planCare } from './registry-demo.care.js';
import { DEMO_ELDER, planPeople } from './registry-demo.people.js';
import { DEMO_COMMUNITY, gridCode, planOrganisations, planPlaces } from './registry-demo.places.js';

/**
 * The grid registry of the 枣林西社区 demo (DESIGN.md, Demo data; the seed page's 民情地图·小兰善治):
 * 14 estates with their buildings and houses, ~11,000 residents in their households, 160
 * organisations and 240 shops, and in each of the 8 grids 20–26 key people with tags and six
 * months of visits. Deterministic: the same people on every machine and every day; dates are
 * relative to the clock, so that the demo is as fresh (overdue visits included) on any day.
 *
 * The plan is made in memory (registry-demo.places/people/care.ts) and written in batched
 * multi-row inserts in one transaction.
 */
export { DEMO_COMMUNITY, GRID_WORKERS };
/** 潘阿姨 of the seed page: 83, living alone, back from hospital, overdue for her weekly visit. */
export const DEMO_ELDER_NAME = DEMO_ELDER.name;

/** The seed page's date: any fixed number would do. */
const SEED = 20_240_924;
/** Bound parameters per INSERT: under SQLite's 32,766 (and PostgreSQL's 65,535). */
const MAX_PARAMETERS = 30_000;

async function batched<T extends object, R>(rows: T[], insert: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const first = rows[0];
  if (!first) return [];
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(first).length));
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += size)
    for (const r of await insert(rows.slice(i, i + size))) out.push(r);
  return out;
}

/** Maps returned rows back to the plan by a natural key: RETURNING order is not guaranteed. */
function idsBy<R extends { id: number }>(rows: R[], key: (row: R) => string): Map<string, number> {
  return new Map(rows.map((row) => [key(row), Number(row.id)]));
}

/** Loads the demo registry once; does nothing when the community already has estates. */
export async function seedRegistryDemo(ctx: AppContext): Promise<void> {
  const existing = await ctx.db
    .selectFrom('estates')
    .select('id')
    .where('region_code', 'like', `${DEMO_COMMUNITY}%`)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  const grids = await ctx.db
    .selectFrom('regions')
    .select('code')
    .where('parent_code', '=', DEMO_COMMUNITY)
    .where('level', '=', 'grid')
    .execute();
  if (grids.length < GRID_WORKERS.length) throw new Error('seedRegistryDemo: the demo grids are missing');

  await inTransaction(ctx, async (tx) => {
    const catalog = await tx.db
      .selectFrom('care_tags')
      .select(['id', 'code', 'visit_interval_days'])
      .execute();
    const tagIds = new Map(catalog.map((t) => [t.code, Number(t.id)]));
    const now = tx.clock.now();
    const today = dateInShanghai(now);
    const stamp = isoNow(tx.clock);
    const stamps = { created_at: stamp, updated_at: stamp, deleted_at: null };

    const rng = new Random(SEED);
    const places = planPlaces(rng);
    const phones = new Set<string>();
    const people = planPeople(rng, today, places, phones);
    const organisations = planOrganisations(rng, places, phones);
    const care = planCare(
      rng,
      now,
      today,
      people,
      new Map(catalog.map((t) => [t.code, t.visit_interval_days])),
    );
    const gridAccount = await tx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'grid')
      .where('scope', '=', gridCode(1))
      .executeTakeFirst();

    const estateIds = idsBy(
      await batched(
        places.estates.map((e) => ({
          region_code: gridCode(e.grid),
          name: e.name,
          address: e.address,
          ...stamps,
        })),
        (batch) => tx.db.insertInto('estates').values(batch).returning(['id', 'name']).execute(),
      ),
      (r) => r.name,
    );
    const estateId = (e: number) => estateIds.get(places.estates[e]?.name ?? '') as number;

    const buildingIds = idsBy(
      await batched(
        places.buildings.map((b) => ({
          region_code: gridCode(b.grid),
          estate_id: estateId(b.estate),
          number: b.number,
          kind: b.kind,
          floors: b.floors,
          units: b.units,
          elevators: b.elevators,
          address: b.address,
          lat: b.lat,
          lng: b.lng,
          ...stamps,
        })),
        (batch) =>
          tx.db.insertInto('buildings').values(batch).returning(['id', 'estate_id', 'number']).execute(),
      ),
      (r) => `${r.estate_id}|${r.number}`,
    );
    const buildingId = (b: number) => {
      const building = places.buildings[b];
      return buildingIds.get(`${building ? estateId(building.estate) : ''}|${building?.number}`) as number;
    };

    const houseIds = idsBy(
      await batched(
        places.houses.map((h) => ({
          region_code: gridCode(h.grid),
          building_id: buildingId(h.building),
          unit: h.unit,
          floor: h.floor,
          room: h.room,
          area: h.area,
          use: h.use,
          ...stamps,
        })),
        (batch) =>
          tx.db.insertInto('houses').values(batch).returning(['id', 'building_id', 'unit', 'room']).execute(),
      ),
      (r) => `${r.building_id}|${r.unit ?? ''}|${r.room}`,
    );
    const houseId = (h: number) => {
      const house = places.houses[h];
      return houseIds.get(
        `${house ? buildingId(house.building) : ''}|${house?.unit ?? ''}|${house?.room}`,
      ) as number;
    };

    // One household per occupied house, so the house identifies it.
    const householdIds = idsBy(
      await batched(
        people.households.map((hh) => ({
          region_code: gridCode(hh.grid),
          house_id: houseId(hh.house),
          number: hh.number,
          note: hh.note,
          ...stamps,
        })),
        (batch) => tx.db.insertInto('households').values(batch).returning(['id', 'house_id']).execute(),
      ),
      (r) => String(r.house_id),
    );

    const names = new Map<string, { full: string; initials: string }>();
    const keysOf = (name: string) => {
      let keys = names.get(name);
      if (!keys) {
        keys = nameSearchKeys(name);
        names.set(name, keys);
      }
      return keys;
    };
    const indexes: string[] = [];
    const residentRows = people.persons.map((p, i) => {
      const keys = keysOf(p.name);
      const c = care.get(i);
      const index = tx.pii.blindIndex(p.idNumber);
      indexes.push(index);
      return {
        region_code: gridCode(p.grid),
        household_id: householdIds.get(String(houseId(p.house))) as number,
        house_id: houseId(p.house),
        relation: p.relation,
        name: p.name,
        name_pinyin: keys.full,
        name_initials: keys.initials,
        id_number_enc: tx.pii.encrypt(p.idNumber),
        id_number_index: index,
        phone_enc: p.phone ? tx.pii.encrypt(p.phone) : null,
        phone_index: p.phone ? tx.pii.blindIndex(p.phone) : null,
        phone_tail: p.phone ? p.phone.slice(-4) : null,
        birth_date: p.birthDate,
        gender: p.gender,
        hukou: p.hukou,
        status: p.status,
        political: p.political,
        work: p.work,
        move_in_date: p.moveIn,
        move_out_date: p.moveOut,
        note: p.note,
        visit_interval_days: c?.intervalDays ?? null,
        last_visit_at: c?.lastVisitAt ?? null,
        visit_due_at: c?.dueAt ?? null,
        ...stamps,
      };
    });
    const residentIds = idsBy(
      await batched(residentRows, (batch) =>
        tx.db.insertInto('residents').values(batch).returning(['id', 'id_number_index']).execute(),
      ),
      (r) => r.id_number_index,
    );

    const tagRows = [];
    const visitRows = [];
    for (const [person, c] of care) {
      const p = people.persons[person];
      const residentId = residentIds.get(indexes[person] ?? '');
      if (!p || residentId === undefined) throw new Error('seedRegistryDemo: a key person was not written');
      for (const t of c.tags)
        tagRows.push({
          region_code: gridCode(p.grid),
          resident_id: residentId,
          tag_id: tagIds.get(t.code) as number,
          started_on: t.startedOn,
          ended_on: null,
          reason: t.reason,
          end_reason: null,
          tagged_by: null,
          tagged_by_name: t.taggedByName,
          ended_by_name: null,
          created_at: t.createdAt,
        });
      for (const v of c.visits)
        visitRows.push({
          region_code: gridCode(p.grid),
          resident_id: residentId,
          visitor_id: v.byGridAccount && gridAccount ? Number(gridAccount.id) : null,
          visitor_name: v.visitorName,
          visited_at: v.visitedAt,
          mode: v.mode,
          findings: v.findings,
          needs: v.needs,
          follow_up: v.followUp,
          major_change: v.majorChange ? 1 : 0,
          created_at: v.visitedAt,
        });
    }
    await batched(tagRows, (batch) =>
      tx.db.insertInto('resident_tags').values(batch).returning('id').execute(),
    );
    await batched(visitRows, (batch) => tx.db.insertInto('visits').values(batch).returning('id').execute());

    await batched(
      organisations.map((o) => ({
        region_code: gridCode(o.grid),
        kind: o.kind,
        name: o.name,
        credit_code: o.creditCode,
        category: o.category,
        contact_name: o.contactName,
        contact_phone_enc: tx.pii.encrypt(o.contactPhone),
        address: o.address,
        building_id: o.building === null ? null : buildingId(o.building),
        lat: o.lat,
        lng: o.lng,
        ...stamps,
      })),
      (batch) => tx.db.insertInto('organisations').values(batch).returning('id').execute(),
    );

    // This morning's reminders, as the daily job would have sent them, so that the bell of a
    // fresh demo is not empty; the job's ledger says today's run is done.
    await visitReminders.run(tx, today);
    await tx.db
      .insertInto('job_runs')
      .values({ job: visitReminders.name, run_on: today, started_at: stamp, finished_at: stamp })
      .onConflict((oc) => oc.columns(['job', 'run_on']).doNothing())
      .execute();
  });
}
