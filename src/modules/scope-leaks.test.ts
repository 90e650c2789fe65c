import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import {
  describeEachDatabase,
  userIdOf as idOf,
  NONGLINER,
  type TestClient,
  ZAOLINXI,
} from '../test/harness.js';

/**
 * Scope is a region-code prefix. Nothing outside an account's node may be listed, read or
 * changed, and an out-of-scope row must answer exactly like a row that does not exist.
 */

async function expectSameNotFound(
  outside: Promise<{ statusCode: number; body: string }>,
  missing: Promise<{ statusCode: number; body: string }>,
) {
  const [a, b] = await Promise.all([outside, missing]);
  expect(a.statusCode).toBe(404);
  expect(b.statusCode).toBe(404);
  expect(a.body).toBe(b.body);
  expect(JSON.parse(a.body).error.code).toBe('NOT_FOUND');
}

describeEachDatabase(
  'scope leaks',
  (env) => {
    let admin: TestClient;
    let local: TestClient;
    let grid: TestClient;
    let secretary: TestClient;

    beforeAll(async () => {
      admin = await env().login('admin');
      const created = await admin.post('/api/users', {
        username: 'zlx-admin',
        displayName: '枣林西管理员',
        role: 'admin',
        scope: ZAOLINXI,
      });
      expect(created.statusCode).toBe(201);
      local = await env().login('zlx-admin', created.json().temporaryPassword);
      const changed = await local.post('/api/auth/password', {
        currentPassword: created.json().temporaryPassword,
        newPassword: 'Local-Admin-2026',
      });
      expect(changed.statusCode).toBe(204);
      grid = await env().login('grid');
      secretary = await env().login('secretary');
      // Some activity outside the community, so the audit log holds rows the local admin must not see.
      const canteen = await env().login('canteen');
      await canteen.post('/api/auth/logout');
      expect(
        (await admin.post('/api/regions', { parentCode: NONGLINER, name: '农林二第四网格' })).statusCode,
      ).toBe(201);
    });

    // ---- regions ----

    it('shows a grid worker only their own grid among the community children', async () => {
      const children = await grid.get(`/api/regions?parent=${ZAOLINXI}`);
      expect(children.statusCode).toBe(200);
      expect(children.json().items.map((r: { code: string }) => r.code)).toEqual([`${ZAOLINXI}001`]);
      const own = await grid.get('/api/regions');
      expect(own.json().items.map((r: { code: string }) => r.code)).toEqual([`${ZAOLINXI}001`]);
      // The way down to the grid is visible, one node per level, nothing beside it.
      const street = await grid.get('/api/regions?parent=620105002');
      expect(street.json().items.map((r: { code: string }) => r.code)).toEqual([ZAOLINXI]);
      const root = await grid.get('/api/regions?parent=62');
      expect(root.json().items.map((r: { code: string }) => r.code)).toEqual(['6201']);
      // Counts do not betray what lies beside the scope: the street has one visible community,
      // the community one visible grid (of its 8).
      expect(street.json().items[0].childCount).toBe(1);
      expect((await grid.get(`/api/regions/${ZAOLINXI}`)).json().childCount).toBe(1);
      expect((await admin.get(`/api/regions/${ZAOLINXI}`)).json().childCount).toBeGreaterThanOrEqual(8);
    });

    it('answers 404 for another grid, exactly as for a grid that does not exist', async () => {
      await expectSameNotFound(
        grid.get(`/api/regions/${ZAOLINXI}002`),
        grid.get(`/api/regions/${ZAOLINXI}999`),
      );
      await expectSameNotFound(
        grid.get(`/api/regions?parent=${ZAOLINXI}002`),
        grid.get(`/api/regions?parent=${ZAOLINXI}999`),
      );
      await expectSameNotFound(grid.get(`/api/regions/${NONGLINER}`), grid.get('/api/regions/999999999999'));
      await expectSameNotFound(grid.get('/api/regions?parent=13'), grid.get('/api/regions?parent=99'));
      expect((await grid.get(`/api/regions/${ZAOLINXI}001`)).statusCode).toBe(200);
    });

    it('does not return other grids in a grid worker’s search', async () => {
      for (const q of ['第二网格', '网格', ZAOLINXI, '002', '社区', '农林']) {
        const response = await grid.get(`/api/regions/search?q=${encodeURIComponent(q)}`);
        expect(response.statusCode).toBe(200);
        for (const r of response.json().items)
          expect(r.code.startsWith(`${ZAOLINXI}001`), `${q}: ${r.code}`).toBe(true);
      }
      const own = await grid.get(`/api/regions/search?q=${encodeURIComponent('第一网格')}`);
      expect(own.json().items.map((r: { code: string }) => r.code)).toEqual([`${ZAOLINXI}001`]);
    });

    it('keeps a community secretary of 枣林西 out of 农林二: no grid created, nothing seen', async () => {
      const regionsBefore = await env().ctx.db.selectFrom('regions').select('code').execute();
      await expectSameNotFound(
        secretary.post('/api/regions', { parentCode: NONGLINER, name: '越权网格' }),
        secretary.post('/api/regions', { parentCode: '620105002099', name: '越权网格' }),
      );
      await expectSameNotFound(
        secretary.patch(`/api/regions/${NONGLINER}001`, { name: '越权改名' }),
        secretary.patch(`/api/regions/${ZAOLINXI}999`, { name: '越权改名' }),
      );
      await expectSameNotFound(
        secretary.get(`/api/regions/${NONGLINER}`),
        secretary.get(`/api/regions/${NONGLINER.slice(0, 9)}999`),
      );
      await expectSameNotFound(
        secretary.get(`/api/regions/${NONGLINER}001`),
        secretary.get(`/api/regions/${ZAOLINXI}999`),
      );
      expect((await secretary.get(`/api/regions?parent=${NONGLINER}`)).statusCode).toBe(404);
      const search = await secretary.get(`/api/regions/search?q=${encodeURIComponent('农林二')}`);
      expect(search.json().items).toEqual([]);
      const after = await env().ctx.db.selectFrom('regions').select('code').execute();
      expect(after.length).toBe(regionsBefore.length);
      const name = await env()
        .ctx.db.selectFrom('regions')
        .select('name')
        .where('code', '=', `${NONGLINER}001`)
        .executeTakeFirstOrThrow();
      expect(name.name).toBe('第一网格');
    });

    it('lets a district officer browse only their district', async () => {
      const district = await env().login('district');
      expect((await district.get('/api/regions')).json().items.map((r: { code: string }) => r.code)).toEqual([
        '620105',
      ]);
      expect((await district.get('/api/regions?parent=620105002')).statusCode).toBe(200);
      expect((await district.get('/api/regions?parent=130402006')).statusCode).toBe(404);
      const search = await district.get(`/api/regions/search?q=${encodeURIComponent('社区')}`);
      for (const r of search.json().items) expect(r.code.startsWith('620105')).toBe(true);
    });

    // ---- users ----

    it('lists to a community admin only the accounts under the community', async () => {
      const response = await local.get('/api/users?pageSize=200');
      expect(response.statusCode).toBe(200);
      const usernames = response
        .json()
        .items.map((u: { username: string }) => u.username)
        .sort();
      expect(usernames).toEqual(['grid', 'resident', 'secretary', 'staff', 'zlx-admin']);
      expect(response.json().total).toBe(5);
      // Filters cannot widen the scope.
      const widened = await local.get('/api/users?scope=1304');
      expect(widened.json()).toMatchObject({ items: [], total: 0 });
      const byName = await local.get('/api/users?q=canteen');
      expect(byName.json().total).toBe(0);
      const byRole = await local.get('/api/users?role=canteen_operator');
      expect(byRole.json().total).toBe(0);
    });

    it('answers 404 for accounts outside, on every users route, like an id that does not exist', async () => {
      const outside = await idOf(env(), 'canteen');
      const missing = 999_999;
      const before = await env()
        .ctx.db.selectFrom('users')
        .selectAll()
        .where('id', '=', outside)
        .executeTakeFirstOrThrow();
      await expectSameNotFound(local.get(`/api/users/${outside}`), local.get(`/api/users/${missing}`));
      await expectSameNotFound(
        local.patch(`/api/users/${outside}`, { displayName: '越权' }),
        local.patch(`/api/users/${missing}`, { displayName: '越权' }),
      );
      await expectSameNotFound(
        local.patch(`/api/users/${outside}`, { disabled: true }),
        local.patch(`/api/users/${missing}`, { disabled: true }),
      );
      await expectSameNotFound(
        local.post(`/api/users/${outside}/unlock`),
        local.post(`/api/users/${missing}/unlock`),
      );
      await expectSameNotFound(
        local.post(`/api/users/${outside}/reset-password`, {}),
        local.post(`/api/users/${missing}/reset-password`, {}),
      );
      // The national admin above it is outside too.
      await expectSameNotFound(
        local.get(`/api/users/${await idOf(env(), 'admin')}`),
        local.get(`/api/users/${missing}`),
      );
      const after = await env()
        .ctx.db.selectFrom('users')
        .selectAll()
        .where('id', '=', outside)
        .executeTakeFirstOrThrow();
      expect(after).toEqual(before);
      expect((await local.get(`/api/users/${await idOf(env(), 'staff')}`)).statusCode).toBe(200);
    });

    it('refuses to move an account out of the scope or to open one outside', async () => {
      const staff = await idOf(env(), 'staff');
      const moved = await local.patch(`/api/users/${staff}`, { scope: NONGLINER });
      expect(moved.statusCode).toBe(422);
      expect(moved.json().error.code).toBe('SCOPE_NOT_ALLOWED');
      const national = await local.post('/api/users', {
        username: 'sneaky-admin',
        displayName: '越权',
        role: 'admin',
        scope: '',
      });
      expect(national.statusCode).toBe(422);
      expect(national.json().error.code).toBe('SCOPE_NOT_ALLOWED');
      const row = await env()
        .ctx.db.selectFrom('users')
        .select('scope')
        .where('id', '=', staff)
        .executeTakeFirstOrThrow();
      expect(row.scope).toBe(ZAOLINXI);
    });

    // ---- audit ----

    it('shows a community admin only audit rows under the community', async () => {
      const { db } = env().ctx;
      const expected = await db
        .selectFrom('audit_log')
        .select('id')
        .where('region_code', 'like', `${ZAOLINXI}%`)
        .execute();
      const all = await db.selectFrom('audit_log').select('id').execute();
      expect(all.length).toBeGreaterThan(expected.length);
      const response = await local.get('/api/audit?pageSize=200');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      // The list read itself is not audited, so the count is stable.
      expect(body.total).toBe(expected.length);
      for (const row of body.items) expect(row.regionCode.startsWith(ZAOLINXI), row.regionCode).toBe(true);
      const outside = await local.get(`/api/audit?regionCode=${NONGLINER}`);
      expect(outside.json()).toMatchObject({ items: [], total: 0 });
      const national = await local.get('/api/audit?actor=canteen');
      expect(national.json().total).toBe(0);
    });

    it('exports to a community admin only rows under the community', async () => {
      const response = await local.get('/api/audit/export.xlsx');
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0];
      expect(sheet).toBeDefined();
      const regions: string[] = [];
      sheet?.eachRow((row, n) => {
        if (n > 1) regions.push(String(row.getCell(7).value));
      });
      expect(regions.length).toBeGreaterThan(0);
      for (const code of regions) expect(code.startsWith(ZAOLINXI), code).toBe(true);
    });

    // ---- roles ----

    it('answers 403 to every role but admin on users and audit', async () => {
      for (const username of [
        'district',
        'street',
        'secretary',
        'staff',
        'grid',
        'resident',
        'volunteer',
        'reviewer',
      ]) {
        const client = await env().login(username);
        for (const url of [
          '/api/users',
          `/api/users/${await idOf(env(), username)}`,
          '/api/audit',
          '/api/audit/export.xlsx',
        ]) {
          const response = await client.get(url);
          expect(response.statusCode, `${username} ${url}`).toBe(403);
          expect(response.json().error.code).toBe('FORBIDDEN');
        }
        const create = await client.post('/api/users', {
          username: `by-${username}`,
          displayName: 'x',
          role: 'resident',
          scope: ZAOLINXI,
        });
        expect(create.statusCode).toBe(403);
        const unlock = await client.post(`/api/users/${await idOf(env(), username)}/unlock`);
        expect(unlock.statusCode).toBe(403);
      }
      const created = await env()
        .ctx.db.selectFrom('users')
        .select('id')
        .where('username', 'like', 'by-%')
        .execute();
      expect(created).toEqual([]);
    });

    it('keeps residents out of the region tree', async () => {
      const resident = await env().login('resident');
      expect((await resident.get('/api/regions')).statusCode).toBe(403);
      expect((await resident.get(`/api/regions/${ZAOLINXI}001`)).statusCode).toBe(403);
    });
  },
  { config: { loginRateLimit: { maxAttempts: 1000, windowMinutes: 5 } } },
);
