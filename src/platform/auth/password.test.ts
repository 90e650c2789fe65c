import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, type TestClient } from '../../test/harness.js';
import { generateTemporaryPassword, isStrongPassword } from './passwords.js';

describe('isStrongPassword', () => {
  it('needs at least 8 characters', () => {
    expect(isStrongPassword('Ab1@xyz')).toBe(false);
    expect(isStrongPassword('Ab1@xyzw')).toBe(true);
    expect(isStrongPassword('')).toBe(false);
  });

  it('needs 3 of the 4 classes: lower, upper, digit, symbol', () => {
    expect(isStrongPassword('abcdefgh')).toBe(false);
    expect(isStrongPassword('abcdefg1')).toBe(false);
    expect(isStrongPassword('ABCDEFG1')).toBe(false);
    expect(isStrongPassword('abcd@#%!')).toBe(false);
    expect(isStrongPassword('12345678')).toBe(false);
    expect(isStrongPassword('abcdEFGH')).toBe(false);
    expect(isStrongPassword('abcdEFG1')).toBe(true);
    expect(isStrongPassword('abcdefg1!')).toBe(true);
    expect(isStrongPassword('ABCDEFG1!')).toBe(true);
    expect(isStrongPassword('abcdEFG!')).toBe(true);
    expect(isStrongPassword('aB3$aB3$')).toBe(true);
  });

  it('counts spaces and non-ASCII characters as symbols', () => {
    expect(isStrongPassword('abcd efg1')).toBe(true);
    expect(isStrongPassword('密码abcd1234')).toBe(true);
    expect(isStrongPassword('密码密码密码密码')).toBe(false);
  });

  it('refuses more than 128 characters', () => {
    expect(isStrongPassword(`Aa1!${'x'.repeat(124)}`)).toBe(true);
    expect(isStrongPassword(`Aa1!${'x'.repeat(125)}`)).toBe(false);
  });

  it('accepts the demo password', () => {
    expect(isStrongPassword('Jiceng@2026')).toBe(true);
  });
});

describe('generateTemporaryPassword', () => {
  const samples = Array.from({ length: 2000 }, generateTemporaryPassword);

  it('is always strong, with all 4 classes', () => {
    for (const p of samples) {
      expect(isStrongPassword(p), p).toBe(true);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[0-9]/);
      expect(p).toMatch(/[^a-zA-Z0-9]/);
      expect(p.length).toBeGreaterThanOrEqual(10);
    }
  });

  it('never uses characters that are easy to misread over the phone', () => {
    for (const p of samples) expect(p, p).not.toMatch(/[0O1lI]/);
  });

  it('is random: 2000 samples give 2000 different passwords', () => {
    expect(new Set(samples).size).toBe(samples.length);
  });
});

const TEMP_CHANGED = 'Changed-Pass-2026';

describeEachDatabase(
  'forced password change',
  (env) => {
    let admin: TestClient;
    let newcomer: TestClient;
    let userId: number;
    let temporary: string;

    beforeAll(async () => {
      admin = await env().login('admin');
      // An admin account, so that every endpoint (users and audit too) would otherwise be open.
      const created = await admin.post('/api/users', {
        username: 'new-admin',
        displayName: '新管理员',
        role: 'admin',
        scope: '620105002009',
      });
      expect(created.statusCode).toBe(201);
      userId = created.json().user.id;
      temporary = created.json().temporaryPassword;
      newcomer = await env().login('new-admin', temporary);
    });

    it('reports the pending change at login and in /me', async () => {
      const me = await newcomer.get('/api/auth/me');
      expect(me.statusCode).toBe(200);
      expect(me.json().user.mustChangePassword).toBe(true);
    });

    it('answers 403 PASSWORD_CHANGE_REQUIRED on every endpoint but me, logout and password', async () => {
      const requests: [string, string, object?][] = [
        ['GET', '/api/regions'],
        ['GET', '/api/regions?parent=620105002009'],
        ['GET', '/api/regions/search?q=网格'],
        ['GET', '/api/regions/620105002009001'],
        ['POST', '/api/regions', { parentCode: '620105002009', name: '未改密网格' }],
        ['PATCH', '/api/regions/620105002009001', { name: '未改密' }],
        ['GET', '/api/roles'],
        ['GET', '/api/users'],
        ['GET', `/api/users/${userId}`],
        [
          'POST',
          '/api/users',
          { username: 'x-user', displayName: 'x', role: 'resident', scope: '620105002009' },
        ],
        ['PATCH', `/api/users/${userId}`, { displayName: '改名' }],
        ['POST', `/api/users/${userId}/unlock`],
        ['POST', `/api/users/${userId}/reset-password`, {}],
        ['GET', '/api/audit'],
        ['GET', '/api/audit/export.xlsx'],
      ];
      const auditBefore = await env().ctx.db.selectFrom('audit_log').select('id').execute();
      for (const [method, url, payload] of requests) {
        const response = await newcomer.request({
          method: method as 'GET',
          url: encodeURI(url),
          ...(payload ? { payload } : {}),
        });
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      }
      const auditAfter = await env().ctx.db.selectFrom('audit_log').select('id').execute();
      expect(auditAfter.length).toBe(auditBefore.length);
    });

    it('refuses weak new passwords with 400 PASSWORD_WEAK naming /newPassword', async () => {
      for (const newPassword of ['Ab1@xyz', 'abcdefgh12', 'ABCDEFGH!!', 'abcdefghij', temporary]) {
        const response = await newcomer.post('/api/auth/password', {
          currentPassword: temporary,
          newPassword,
        });
        expect(response.statusCode, newPassword).toBe(400);
        const error = response.json().error;
        expect(error.code).toBe('PASSWORD_WEAK');
        expect(error.details).toEqual([{ path: '/newPassword', message: expect.stringContaining('8') }]);
      }
      const en = await newcomer.request({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: temporary, newPassword: 'short' },
        headers: { 'accept-language': 'en' },
      });
      expect(en.json().error.message).toMatch(/at least 8 characters/);
      expect(en.json().error.details[0].message).toMatch(/at least 8 characters/);
    });

    it('refuses a wrong current password with 400 WRONG_PASSWORD, even with a strong new one', async () => {
      const response = await newcomer.post('/api/auth/password', {
        currentPassword: 'Not-The-Temp-1',
        newPassword: TEMP_CHANGED,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('WRONG_PASSWORD');
      // Nothing changed: still pending, and the temporary password still works.
      expect((await newcomer.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
      expect((await env().anonymous().login('new-admin', TEMP_CHANGED)).statusCode).toBe(401);
    });

    it('opens everything within the scope after a good change', async () => {
      const response = await newcomer.post('/api/auth/password', {
        currentPassword: temporary,
        newPassword: TEMP_CHANGED,
      });
      expect(response.statusCode).toBe(204);
      const me = await newcomer.get('/api/auth/me');
      expect(me.json().user.mustChangePassword).toBe(false);
      expect((await newcomer.get('/api/regions')).statusCode).toBe(200);
      expect((await newcomer.get('/api/users')).statusCode).toBe(200);
      expect((await newcomer.get('/api/audit')).statusCode).toBe(200);
      expect((await env().anonymous().login('new-admin', temporary)).statusCode).toBe(401);
      const fresh = await env().anonymous().login('new-admin', TEMP_CHANGED);
      expect(fresh.statusCode).toBe(200);
      expect(fresh.json().user.mustChangePassword).toBe(false);
    });

    it('asks again for a change after an admin reset, and a given password must be changed too', async () => {
      const weak = await admin.post(`/api/users/${userId}/reset-password`, { password: 'weakpass' });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error.code).toBe('PASSWORD_WEAK');
      expect(weak.json().error.details[0].path).toBe('/password');
      const reset = await admin.post(`/api/users/${userId}/reset-password`, { password: 'Given-By-Admin-9' });
      expect(reset.statusCode).toBe(200);
      expect(reset.json().temporaryPassword).toBe('Given-By-Admin-9');
      const client = await env().login('new-admin', 'Given-By-Admin-9');
      expect((await client.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
      expect((await client.get('/api/users')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      // Logging out is allowed while the change is pending.
      expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    });

    it('lets the demo accounts work without a change', async () => {
      const staff = await env().login('staff');
      expect((await staff.get('/api/regions')).statusCode).toBe(200);
    });
  },
  { config: { loginRateLimit: { maxAttempts: 1000, windowMinutes: 5 } } },
);
