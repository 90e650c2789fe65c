import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { refreshVisitDue } from '../../modules/visits/refresh-due.js';
import { dateInShanghai } from '../../platform/clock.js';
import { checkIdNumber } from '../../platform/identifiers/checks.js';
import { nameSearchKeys } from '../../platform/pinyin.js';
import { describeEachDatabase } from '../../test/harness.js';
import { seedDistrict } from './district.js';

const PASSWORD = 'Bench@2026x';
// 2 streets × 3 communities × 2 grids, 3 accounts per grid; 3 buildings, 40 residents per grid.
const SMALL = {
  streets: 2,
  communitiesPerStreet: 3,
  gridsPerCommunity: 2,
  usersPerGrid: 3,
  buildingsPerGrid: 3,
  residentsPerGrid: 40,
  visitsPerResident: 5,
  password: PASSWORD,
};
const EXPECTED_LEVELS = { province: 1, city: 1, county: 1, street: 2, community: 6, grid: 12 };
// 6 communities × (2 grids × 3) + 2 streets × 5 officers + district officer + bench_admin, and
// the registry benchmarks' district officer, secretary and grid worker.
const EXPECTED_USERS = 36 + 10 + 2 + 3;
const GRIDS = 12;

describeEachDatabase(
  'district seed',
  (env) => {
    const counts = async () => {
      const { db } = env().ctx;
      const levels = await db
        .selectFrom('regions')
        .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('level')
        .execute();
      const users = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return {
        levels: Object.fromEntries(levels.map((l) => [l.level, Number(l.n)])),
        users: Number(users.n),
      };
    };

    it('generates the regions, accounts and registry the options ask for', async () => {
      const result = await seedDistrict(env().ctx, SMALL);
      expect(result).toMatchObject({
        regions: 23,
        users: EXPECTED_USERS,
        buildings: GRIDS * 3,
        residents: GRIDS * 40,
      });
      // The cared-for take more visits than their share: the total is at least the average's.
      expect(result.visits).toBeGreaterThanOrEqual(GRIDS * 40 * 5);
      expect(result.houses).toBeGreaterThanOrEqual(GRIDS * 3 * 8);
      expect(result.houses).toBeLessThanOrEqual(GRIDS * 3 * 12);
      expect(await counts()).toEqual({ levels: EXPECTED_LEVELS, users: EXPECTED_USERS });
    });

    it('numbers regions in the national format, each code extending its parent by 3 digits', async () => {
      const regions = await env().ctx.db.selectFrom('regions').selectAll().execute();
      const lengths = { province: 2, city: 4, county: 6, street: 9, community: 12, grid: 15 };
      for (const r of regions) {
        expect(r.code).toMatch(/^\d+$/);
        expect(r.code.length).toBe(lengths[r.level]);
        if (r.level === 'province') expect(r.parent_code).toBeNull();
        else expect(r.code.startsWith(r.parent_code ?? '-')).toBe(true);
        if (['street', 'community', 'grid'].includes(r.level))
          expect(r.code.length - 3).toBe(r.parent_code?.length);
      }
      expect(regions.filter((r) => r.level === 'grid').map((r) => r.code)).toContain('990101002003002');
    });

    it('gives every account a scope that exists and suits its role', async () => {
      const { db } = env().ctx;
      const users = await db
        .selectFrom('users')
        .leftJoin('regions', 'regions.code', 'users.scope')
        .select([
          'users.username',
          'users.role',
          'users.scope',
          'regions.level',
          'users.must_change_password',
        ])
        .execute();
      const levelOfRole: Record<string, string> = {
        admin: 'county',
        district_officer: 'county',
        street_officer: 'street',
        community_secretary: 'community',
        community_staff: 'community',
        grid_worker: 'grid',
      };
      for (const u of users) expect(u.level, u.username).toBe(levelOfRole[u.role]);
      expect(users.filter((u) => u.role === 'grid_worker')).toHaveLength(12 * 2 + 1);
      expect(users.filter((u) => u.role === 'community_secretary')).toHaveLength(6 + 1);
      expect(users.find((u) => u.username === 'bench_admin')).toMatchObject({
        role: 'admin',
        scope: '990101',
        must_change_password: 0,
      });
    });

    it('works with the app: bench_admin logs in and sees the tree and accounts by code prefix', async () => {
      const admin = await env().login('bench_admin', PASSWORD);
      const street = await admin.get('/api/regions?parent=990101002');
      expect(street.statusCode).toBe(200);
      expect(street.json().items.map((r: { code: string }) => r.code)).toEqual([
        '990101002001',
        '990101002002',
        '990101002003',
      ]);
      expect(street.json().items[0].childCount).toBe(2);
      const staff = await admin.get('/api/users?scope=990101002003&pageSize=100');
      expect(staff.statusCode).toBe(200);
      // 3 accounts on each of its 2 grids, and bench_secretary and bench_grid.
      expect(staff.json().total).toBe(6 + 2);
      // An account of one grid sees only its own branch of the tree.
      const worker = await env().login('grid_990101001001002_2', PASSWORD);
      const communities = await worker.get('/api/regions?parent=990101001');
      expect(communities.json().items.map((r: { code: string }) => r.code)).toEqual(['990101001001']);
    });

    it('keeps the registry consistent: rows in their grid, parents in place, numbers valid and unique', async () => {
      const { ctx } = env();
      const residents = await ctx.db.selectFrom('residents').selectAll().execute();
      const today = dateInShanghai(ctx.clock.now());
      const ids = new Set<string>();
      for (const r of residents) {
        const idNumber = ctx.pii.decrypt(r.id_number_enc);
        const facts = checkIdNumber(idNumber, today);
        expect(facts).toMatchObject({ birthDate: r.birth_date, gender: r.gender });
        expect(r.id_number_index).toBe(ctx.pii.blindIndex(idNumber));
        ids.add(idNumber);
        if (r.phone_enc) expect(ctx.pii.decrypt(r.phone_enc).slice(-4)).toBe(r.phone_tail);
        expect(r.name_initials).toBe(nameSearchKeys(r.name).initials);
        expect(r.region_code).toMatch(/^990101\d{9}$/);
      }
      expect(ids.size).toBe(residents.length);
      // Every reference points at a row of the same grid.
      const orphans = await sql<{ n: number }>`
        select count(*) as n from residents r
        join households hh on hh.id = r.household_id join houses h on h.id = r.house_id
        join buildings b on b.id = h.building_id
        where hh.region_code <> r.region_code or h.region_code <> r.region_code or b.region_code <> r.region_code`.execute(
        ctx.db,
      );
      expect(Number(orphans.rows[0]?.n)).toBe(0);
      const unhoused = residents.filter((r) => r.household_id === null || r.house_id === null);
      expect(unhoused).toEqual([]);
    });

    it("keeps each resident's due date as the visit rules compute it, some of them overdue", async () => {
      const { ctx } = env();
      const cared = await ctx.db
        .selectFrom('residents')
        .select(['id', 'visit_interval_days', 'last_visit_at', 'visit_due_at'])
        .where('deleted_at', 'is', null)
        .where('visit_due_at', 'is not', null)
        .execute();
      expect(cared.length).toBeGreaterThan(0);
      for (const r of cared) {
        await refreshVisitDue(ctx, r.id);
        const after = await ctx.db
          .selectFrom('residents')
          .select(['visit_interval_days', 'last_visit_at', 'visit_due_at'])
          .where('id', '=', r.id)
          .executeTakeFirstOrThrow();
        expect(after).toEqual({
          visit_interval_days: r.visit_interval_days,
          last_visit_at: r.last_visit_at,
          visit_due_at: r.visit_due_at,
        });
      }
      const now = ctx.clock.now().toISOString();
      expect(cared.some((r) => (r.visit_due_at ?? '') < now)).toBe(true);
      expect(cared.some((r) => (r.visit_due_at ?? '') > now)).toBe(true);
    });

    it('works with the registry: the benchmark accounts search, list and see the overview in scope', async () => {
      const district = await env().login('bench_district', PASSWORD);
      const [someone] = (await district.get('/api/residents?pageSize=1')).json().items;
      const byName = (await district.get(`/api/residents?q=${encodeURIComponent(someone.name)}`)).json();
      expect(byName.items.map((r: { id: number }) => r.id)).toContain(someone.id);
      const grid = await env().login('bench_grid', PASSWORD);
      const mine = (await grid.get('/api/residents?pageSize=100')).json();
      expect(mine.total).toBe(40);
      expect(mine.items.every((r: { regionCode: string }) => r.regionCode === '990101002003001')).toBe(true);
      const secretary = await env().login('bench_secretary', PASSWORD);
      const overview = (await secretary.get('/api/registry/overview')).json();
      expect(overview.region.code).toBe('990101002003');
      expect(overview.residents).toBeLessThanOrEqual(80);
      expect(overview.children.map((c: { code: string }) => c.code)).toEqual([
        '990101002003001',
        '990101002003002',
      ]);
      const overdue = (await secretary.get('/api/visits?overdue=true')).json();
      expect(overdue.total).toBe(overview.overdue);
    });

    it('changes nothing when the district is already there', async () => {
      const before = await counts();
      const again = await seedDistrict(env().ctx, { ...SMALL, streets: 5 });
      expect(again).toMatchObject({ regions: 0, users: 0, buildings: 0, residents: 0, visits: 0 });
      expect(await counts()).toEqual(before);
    });

    it('refuses options that do not fit in 3 digits', async () => {
      await expect(seedDistrict(env().ctx, { streets: 1000 })).rejects.toThrow(/streets/);
      await expect(seedDistrict(env().ctx, { usersPerGrid: 0 })).rejects.toThrow(/usersPerGrid/);
    });
  },
  { empty: true },
);
