import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { seedDistrict } from './district.js';

const PASSWORD = 'Bench@2026x';
// 2 streets × 3 communities × 2 grids, 3 accounts per grid.
const SMALL = {
  streets: 2,
  communitiesPerStreet: 3,
  gridsPerCommunity: 2,
  usersPerGrid: 3,
  password: PASSWORD,
};
const EXPECTED_LEVELS = { province: 1, city: 1, county: 1, street: 2, community: 6, grid: 12 };
// 6 communities × (2 grids × 3) + 2 streets × 5 officers + district officer + bench_admin.
const EXPECTED_USERS = 36 + 10 + 2;

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

    it('generates the regions and accounts the options ask for', async () => {
      const result = await seedDistrict(env().ctx, SMALL);
      expect(result).toEqual({ regions: 23, users: EXPECTED_USERS });
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
      expect(users.filter((u) => u.role === 'grid_worker')).toHaveLength(12 * 2);
      expect(users.filter((u) => u.role === 'community_secretary')).toHaveLength(6);
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
      expect(staff.json().total).toBe(6);
      // An account of one grid sees only its own branch of the tree.
      const worker = await env().login('grid_990101001001002_2', PASSWORD);
      const communities = await worker.get('/api/regions?parent=990101001');
      expect(communities.json().items.map((r: { code: string }) => r.code)).toEqual(['990101001001']);
    });

    it('changes nothing when the district is already there', async () => {
      const before = await counts();
      expect(await seedDistrict(env().ctx, { ...SMALL, streets: 5 })).toEqual({ regions: 0, users: 0 });
      expect(await counts()).toEqual(before);
    });

    it('refuses options that do not fit in 3 digits', async () => {
      await expect(seedDistrict(env().ctx, { streets: 1000 })).rejects.toThrow(/streets/);
      await expect(seedDistrict(env().ctx, { usersPerGrid: 0 })).rejects.toThrow(/usersPerGrid/);
    });
  },
  { empty: true },
);
