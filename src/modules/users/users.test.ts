import { beforeAll, expect, it } from 'vitest';
import { isStrongPassword } from '../../platform/auth/passwords.js';
import { ROLES } from '../../platform/roles.js';
import {
  describeEachDatabase,
  userIdOf as idOf,
  rowCount,
  type TestClient,
  type TestEnv,
  ZAOLINXI,
} from '../../test/harness.js';

const userCount = (env: TestEnv) => rowCount(env, 'users');

describeEachDatabase(
  'users API',
  (env) => {
    let admin: TestClient;
    let adminId: number;

    beforeAll(async () => {
      admin = await env().login('admin');
      adminId = await idOf(env(), 'admin');
    });

    it('creates a user with a generated temporary password, shown once, that works', async () => {
      const response = await admin.post('/api/users', {
        username: 'wang.grid2',
        displayName: '  王二网格员  ',
        role: 'grid_worker',
        scope: `${ZAOLINXI}002`,
      });
      expect(response.statusCode).toBe(201);
      const { user, temporaryPassword } = response.json();
      expect(isStrongPassword(temporaryPassword)).toBe(true);
      expect(user).toMatchObject({
        username: 'wang.grid2',
        displayName: '王二网格员',
        role: 'grid_worker',
        scope: `${ZAOLINXI}002`,
        scopeName: '第二网格',
        mustChangePassword: true,
        disabled: false,
        lockedUntil: null,
        lastLoginAt: null,
      });
      expect(user.permissions).toContain('regions.read');
      expect(user.permissions).not.toContain('users.manage');
      expect(JSON.stringify(user)).not.toContain(temporaryPassword);
      const shown = await admin.get(`/api/users/${user.id}`);
      expect(shown.body).not.toContain(temporaryPassword);
      expect(shown.json()).not.toHaveProperty('temporaryPassword');
      const list = await admin.get('/api/users?q=wang.grid2');
      expect(list.body).not.toContain(temporaryPassword);
      const login = await env().anonymous().login('wang.grid2', temporaryPassword);
      expect(login.statusCode).toBe(200);
      expect(login.json().user.mustChangePassword).toBe(true);
    });

    it('creates a user with a given strong password and returns no temporary one', async () => {
      const response = await admin.post('/api/users', {
        username: 'given-pw',
        displayName: '给定密码',
        role: 'community_staff',
        scope: ZAOLINXI,
        password: 'Given-Strong-1',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).not.toHaveProperty('temporaryPassword');
      expect(response.json().user.mustChangePassword).toBe(true);
      expect((await env().anonymous().login('given-pw', 'Given-Strong-1')).statusCode).toBe(200);
    });

    it('refuses a weak given password with 400 PASSWORD_WEAK on /password', async () => {
      const before = await userCount(env());
      for (const password of ['Short1!', 'alllowercase1', 'ALLUPPER!!!!']) {
        const response = await admin.post('/api/users', {
          username: 'weak-pw',
          displayName: '弱密码',
          role: 'resident',
          scope: `${ZAOLINXI}001`,
          password,
        });
        expect(response.statusCode, password).toBe(400);
        expect(response.json().error.code).toBe('PASSWORD_WEAK');
        expect(response.json().error.details[0].path).toBe('/password');
      }
      expect(await userCount(env())).toBe(before);
    });

    it('refuses a username that is taken with 409 USERNAME_TAKEN', async () => {
      const before = await userCount(env());
      const response = await admin.post('/api/users', {
        username: 'staff',
        displayName: '重名',
        role: 'community_staff',
        scope: ZAOLINXI,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('USERNAME_TAKEN');
      expect(response.json().error.message).toBe('该用户名已被使用');
      expect(await userCount(env())).toBe(before);
      const staff = await admin.get(`/api/users/${await idOf(env(), 'staff')}`);
      expect(staff.json().displayName).toBe('于林');
    });

    it('refuses a scope outside the admin’s own with 422 SCOPE_NOT_ALLOWED', async () => {
      const created = await admin.post('/api/users', {
        username: 'street-admin',
        displayName: '街道管理员',
        role: 'admin',
        scope: '620105002',
        password: 'Street-Admin-1',
      });
      expect(created.statusCode).toBe(201);
      const streetAdmin = await env().login('street-admin', 'Street-Admin-1');
      expect(
        (
          await streetAdmin.post('/api/auth/password', {
            currentPassword: 'Street-Admin-1',
            newPassword: 'Street-Admin-2',
          })
        ).statusCode,
      ).toBe(204);
      const before = await userCount(env());
      for (const scope of ['130402006014', '620105', '', '6201050020']) {
        const response = await streetAdmin.post('/api/users', {
          username: 'outsider',
          displayName: '范围外',
          role: 'admin',
          scope,
        });
        if (scope === '6201050020') {
          expect(response.statusCode).toBe(400); // not a region code at all
          continue;
        }
        expect(response.statusCode, scope).toBe(422);
        expect(response.json().error.code).toBe('SCOPE_NOT_ALLOWED');
      }
      // Inside is fine, down to a grid.
      const inside = await streetAdmin.post('/api/users', {
        username: 'inside-grid',
        displayName: '范围内',
        role: 'grid_worker',
        scope: `${ZAOLINXI}003`,
      });
      expect(inside.statusCode).toBe(201);
      expect(await userCount(env())).toBe(before + 1);
    });

    it('refuses a scope too wide for the role with 400 SCOPE_TOO_WIDE on /scope', async () => {
      const cases: [string, string][] = [
        ['grid_worker', '620105002'],
        ['resident', '620105'],
        ['community_secretary', '62'],
        ['street_officer', '620105'],
        ['district_officer', '6201'],
        ['county_viewer', ''],
      ];
      for (const [role, scope] of cases) {
        const response = await admin.post('/api/users', {
          username: 'too-wide',
          displayName: '范围过大',
          role,
          scope,
        });
        expect(response.statusCode, `${role} ${scope}`).toBe(400);
        const error = response.json().error;
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.details).toEqual([
          { path: '/scope', message: '该角色的管辖范围过大，请选择更下级的区域' },
        ]);
      }
      const en = await admin.request({
        method: 'POST',
        url: '/api/users',
        payload: { username: 'too-wide', displayName: 'x', role: 'grid_worker', scope: '620105002' },
        headers: { 'accept-language': 'en' },
      });
      expect(en.json().error.details[0].message).toBe(
        'This role needs a narrower scope; choose a lower-level region',
      );
      // The narrowest allowed level is fine, and roles without a limit may hold any scope.
      expect(
        (
          await admin.post('/api/users', {
            username: 'street-ok',
            displayName: 'x',
            role: 'street_officer',
            scope: '620105002',
          })
        ).statusCode,
      ).toBe(201);
      expect(
        (
          await admin.post('/api/users', {
            username: 'reporter-ok',
            displayName: 'x',
            role: 'unit_reporter',
            scope: '53',
          })
        ).statusCode,
      ).toBe(201);
    });

    it('refuses a region that does not exist with 400 on /scope', async () => {
      for (const scope of ['620105002099', '620105002009099', '990000000000']) {
        const response = await admin.post('/api/users', {
          username: 'no-region',
          displayName: 'x',
          role: 'resident',
          scope,
        });
        expect(response.statusCode, scope).toBe(400);
        expect(response.json().error.details[0]).toEqual({ path: '/scope', message: '没有这个区域' });
      }
    });

    it('lists users with q, role and scope filters', async () => {
      const byName = (await admin.get(`/api/users?q=${encodeURIComponent('黄丽')}`)).json();
      expect(byName.items.map((u: { username: string }) => u.username)).toEqual(['secretary']);
      const byUsername = (await admin.get('/api/users?q=grid')).json();
      expect(byUsername.items.map((u: { username: string }) => u.username).sort()).toEqual([
        'grid',
        'inside-grid',
        'wang.grid2',
      ]);
      const byRole = (await admin.get('/api/users?role=grid_worker')).json();
      expect(byRole.items.map((u: { username: string }) => u.username).sort()).toEqual([
        'grid',
        'inside-grid',
        'wang.grid2',
      ]);
      const byScope = (await admin.get(`/api/users?scope=${ZAOLINXI}001`)).json();
      expect(byScope.items.map((u: { username: string }) => u.username).sort()).toEqual(['grid', 'resident']);
      const combined = (await admin.get(`/api/users?scope=${ZAOLINXI}&role=community_staff&q=staff`)).json();
      expect(combined.items.map((u: { username: string }) => u.username)).toEqual(['staff']);
      // LIKE wildcards in q never act as patterns: s_aff does not find staff.
      expect((await admin.get('/api/users?q=st%25f')).json().total).toBe(0);
      expect((await admin.get('/api/users?q=s_aff')).json().total).toBe(0);
      expect((await admin.get('/api/users?q=zzz-none')).json()).toMatchObject({ items: [], total: 0 });
    });

    it('pages the list: the pages add up to the total and never overlap', async () => {
      const all = (await admin.get('/api/users?pageSize=200')).json();
      expect(all.total).toBe(await userCount(env()));
      expect(all.items).toHaveLength(all.total);
      const ids: number[] = [];
      const pages = Math.ceil(all.total / 4);
      for (let page = 1; page <= pages; page++) {
        const body = (await admin.get(`/api/users?pageSize=4&page=${page}`)).json();
        expect(body).toMatchObject({ total: all.total, page, pageSize: 4 });
        expect(body.items.length).toBe(page < pages ? 4 : all.total - 4 * (pages - 1));
        ids.push(...body.items.map((u: { id: number }) => u.id));
      }
      expect(new Set(ids).size).toBe(all.total);
      expect(ids).toEqual(all.items.map((u: { id: number }) => u.id));
      const past = (await admin.get(`/api/users?pageSize=4&page=${pages + 1}`)).json();
      expect(past).toMatchObject({ items: [], total: all.total });
      const defaults = (await admin.get('/api/users')).json();
      expect(defaults).toMatchObject({ page: 1, pageSize: 20 });
    });

    it('updates a user and answers the new view', async () => {
      const id = await idOf(env(), 'inside-grid');
      const response = await admin.patch(`/api/users/${id}`, {
        displayName: '新名字',
        role: 'community_staff',
        scope: ZAOLINXI,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        displayName: '新名字',
        role: 'community_staff',
        scope: ZAOLINXI,
        scopeName: '枣林西社区',
      });
      expect(response.json().permissions).not.toContain('regions.createGrid');
      const tooWide = await admin.patch(`/api/users/${id}`, { role: 'grid_worker', scope: '620105002' });
      expect(tooWide.statusCode).toBe(400);
      expect(tooWide.json().error.details[0].path).toBe('/scope');
      // A role change alone is checked against the current scope too.
      const street = await idOf(env(), 'street-ok');
      const demoted = await admin.patch(`/api/users/${street}`, { role: 'grid_worker' });
      expect(demoted.statusCode).toBe(400);
      expect((await admin.get(`/api/users/${street}`)).json().role).toBe('street_officer');
      expect((await admin.patch('/api/users/999999', { displayName: 'x' })).statusCode).toBe(404);
    });

    it('does not let an admin disable, demote or re-scope themself (422 CANNOT_CHANGE_SELF)', async () => {
      for (const change of [
        { disabled: true },
        { role: 'resident' },
        { scope: ZAOLINXI },
        { role: 'admin', disabled: true },
      ]) {
        const response = await admin.patch(`/api/users/${adminId}`, change);
        expect(response.statusCode, JSON.stringify(change)).toBe(422);
        expect(response.json().error.code).toBe('CANNOT_CHANGE_SELF');
      }
      const row = await env()
        .ctx.db.selectFrom('users')
        .selectAll()
        .where('id', '=', adminId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ role: 'admin', scope: '', disabled: 0 });
      // Unchanged values and the display name are fine.
      const same = await admin.patch(`/api/users/${adminId}`, {
        role: 'admin',
        scope: '',
        disabled: false,
        displayName: '总管理员',
      });
      expect(same.statusCode).toBe(200);
      expect(same.json().displayName).toBe('总管理员');
      expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
    });

    it('keeps a disabled user out with 403 ACCOUNT_DISABLED, and lets them in again once enabled', async () => {
      const id = await idOf(env(), 'given-pw');
      const disabled = await admin.patch(`/api/users/${id}`, { disabled: true });
      expect(disabled.statusCode).toBe(200);
      expect(disabled.json().disabled).toBe(true);
      const login = await env().anonymous().login('given-pw', 'Given-Strong-1');
      expect(login.statusCode).toBe(403);
      expect(login.json().error.code).toBe('ACCOUNT_DISABLED');
      expect(login.cookies.find((c) => c.name === 'jiceng_sid')).toBeUndefined();
      // Without the right password a disabled account looks like any other.
      const wrong = await env().anonymous().login('given-pw', 'Wrong-Pass-1');
      expect(wrong.statusCode).toBe(401);
      expect((await admin.patch(`/api/users/${id}`, { disabled: false })).statusCode).toBe(200);
      expect((await env().anonymous().login('given-pw', 'Given-Strong-1')).statusCode).toBe(200);
    });

    it('unlocks and resets, answering 404 for unknown ids', async () => {
      const id = await idOf(env(), 'wang.grid2');
      const unlock = await admin.post(`/api/users/${id}/unlock`);
      expect(unlock.statusCode).toBe(200);
      expect(unlock.json()).toMatchObject({ id, lockedUntil: null });
      const reset = await admin.post(`/api/users/${id}/reset-password`, {});
      expect(reset.statusCode).toBe(200);
      expect(isStrongPassword(reset.json().temporaryPassword)).toBe(true);
      // The body is optional: a reset without one generates a password too.
      const again = await admin.post(`/api/users/${id}/reset-password`);
      expect(again.statusCode).toBe(200);
      expect(again.json().temporaryPassword).not.toBe(reset.json().temporaryPassword);
      expect((await env().anonymous().login('wang.grid2', reset.json().temporaryPassword)).statusCode).toBe(
        401,
      );
      expect((await env().anonymous().login('wang.grid2', again.json().temporaryPassword)).statusCode).toBe(
        200,
      );
      for (const url of ['/api/users/999999/unlock', '/api/users/999999/reset-password']) {
        const response = await admin.post(url, {});
        expect(response.statusCode, url).toBe(404);
      }
      expect((await admin.get('/api/users/999999')).statusCode).toBe(404);
    });

    it('lists every role with its name in the request’s language', async () => {
      const zh = (await admin.get('/api/roles')).json().items;
      expect(zh.map((r: { code: string }) => r.code)).toEqual([...ROLES]);
      expect(zh.find((r: { code: string }) => r.code === 'grid_worker').name).toBe('网格员');
      const en = (await admin.get('/api/roles', { 'accept-language': 'en' })).json().items;
      expect(en.find((r: { code: string }) => r.code === 'grid_worker').name).toBe('Grid worker');
      // Any logged-in user may read the role names.
      const grid = await env().login('grid');
      expect((await grid.get('/api/roles')).statusCode).toBe(200);
      expect((await env().anonymous().get('/api/roles')).statusCode).toBe(401);
    });
  },
  { config: { loginRateLimit: { maxAttempts: 1000, windowMinutes: 5 } } },
);
