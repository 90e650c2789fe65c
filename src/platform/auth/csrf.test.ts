import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, userIdOf as idOf, type TestClient, type TestEnv } from '../../test/harness.js';

/** Everything a forged request could change: accounts, regions, sessions and the audit log. */
async function fingerprint(env: TestEnv) {
  const { db } = env.ctx;
  const users = await db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'display_name',
      'password_hash',
      'role',
      'scope',
      'disabled',
      'locked_until',
      'must_change_password',
      'failures_reset_at',
      'updated_at',
    ])
    .orderBy('id')
    .execute();
  const regions = await db
    .selectFrom('regions')
    .select(['code', 'name', 'updated_at'])
    .orderBy('code')
    .execute();
  const sessions = await db.selectFrom('sessions').select(['id']).orderBy('id').execute();
  const audit = await db.selectFrom('audit_log').select(['id']).orderBy('id').execute();
  return JSON.stringify({ users, regions, sessions, audit });
}

interface Mutation {
  name: string;
  method: 'POST' | 'PATCH';
  url: (env: TestEnv) => Promise<string>;
  payload?: object;
  /** What a genuine request (with the token) answers. */
  ok: number;
}

const fixed = (url: string) => async () => url;

const MUTATIONS: Mutation[] = [
  {
    name: 'create grid',
    method: 'POST',
    url: fixed('/api/regions'),
    payload: { parentCode: '620105002009', name: 'CSRF 网格' },
    ok: 201,
  },
  {
    name: 'rename grid',
    method: 'PATCH',
    url: fixed('/api/regions/620105002009008'),
    payload: { name: '改名网格' },
    ok: 200,
  },
  {
    name: 'create user',
    method: 'POST',
    url: fixed('/api/users'),
    payload: { username: 'csrf-new', displayName: '新用户', role: 'grid_worker', scope: '620105002009' },
    ok: 201,
  },
  {
    name: 'update user',
    method: 'PATCH',
    url: async (env) => `/api/users/${await idOf(env, 'staff')}`,
    payload: { disabled: true },
    ok: 200,
  },
  {
    name: 'unlock user',
    method: 'POST',
    url: async (env) => `/api/users/${await idOf(env, 'grid')}/unlock`,
    ok: 200,
  },
  {
    name: 'reset password',
    method: 'POST',
    url: async (env) => `/api/users/${await idOf(env, 'resident')}/reset-password`,
    payload: {},
    ok: 200,
  },
  {
    name: 'change own password',
    method: 'POST',
    url: fixed('/api/auth/password'),
    payload: { currentPassword: 'Jiceng@2026', newPassword: 'Csrf-Tested-2026' },
    ok: 204,
  },
  { name: 'logout', method: 'POST', url: fixed('/api/auth/logout'), ok: 204 },
];

describeEachDatabase(
  'CSRF protection',
  (env) => {
    let admin: TestClient;
    let other: TestClient;

    beforeAll(async () => {
      admin = await env().login('admin');
      other = await env().login('district');
    });

    for (const m of MUTATIONS) {
      it(`${m.method} ${m.name}: refuses a missing or wrong token with 403 CSRF_INVALID and changes nothing`, async () => {
        const url = await m.url(env());
        const token = admin.csrfToken ?? '';
        expect(token).not.toBe(other.csrfToken);
        const forged: Record<string, string>[] = [
          {},
          { 'x-csrf-token': '' },
          { 'x-csrf-token': `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` },
          { 'x-csrf-token': `${token}x` },
          { 'x-csrf-token': token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase() },
          // A real token, but of another session.
          { 'x-csrf-token': other.csrfToken ?? '' },
        ];
        const before = await fingerprint(env());
        for (const headers of forged) {
          const response = await admin.request({
            method: m.method,
            url,
            headers,
            csrf: false,
            ...(m.payload ? { payload: m.payload } : {}),
          });
          expect(response.statusCode, JSON.stringify(headers)).toBe(403);
          expect(response.json().error.code).toBe('CSRF_INVALID');
          expect(response.json().error.message).toBe('安全校验失败，请刷新页面后重试');
        }
        expect(await fingerprint(env())).toBe(before);
        // The session survived the forged requests.
        expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
      });
    }

    it('lets the same requests through with the right token', async () => {
      // Runs after the forged attempts above, which therefore saw untouched data.
      for (const m of MUTATIONS) {
        const url = await m.url(env());
        const response = await admin.request({
          method: m.method,
          url,
          ...(m.payload ? { payload: m.payload } : {}),
        });
        expect(response.statusCode, `${m.name}: ${response.body}`).toBe(m.ok);
      }
      // The logout above ended the admin session.
      expect((await admin.get('/api/auth/me')).statusCode).toBe(401);
    });

    it('checks the token before reading the body: a forged malformed body is 403, not 400', async () => {
      const client = await env().login('secretary');
      const response = await client.request({
        method: 'POST',
        url: '/api/regions',
        csrf: false,
        headers: { 'content-type': 'application/json' },
        payload: '{"parentCode": ',
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('CSRF_INVALID');
    });

    it('needs no token for GETs', async () => {
      const client = await env().login('admin', 'Csrf-Tested-2026');
      for (const url of ['/api/auth/me', '/api/users', '/api/regions', '/api/audit', '/api/roles']) {
        const response = await client.request({ method: 'GET', url, csrf: false });
        expect(response.statusCode, url).toBe(200);
      }
    });

    it('needs no token to log in, even over an existing session, and the old session ends', async () => {
      const client = await env().login('street');
      const oldCookie = client.cookie;
      const again = await client.request({
        method: 'POST',
        url: '/api/auth/login',
        csrf: false,
        payload: { username: 'street', password: 'Jiceng@2026' },
      });
      expect(again.statusCode).toBe(200);
      expect(client.cookie).not.toBe(oldCookie);
      const stale = env().anonymous();
      stale.cookie = oldCookie;
      expect((await stale.get('/api/auth/me')).statusCode).toBe(401);
    });

    it('answers a mutation without any session with 401, not 403', async () => {
      const response = await env()
        .anonymous()
        .post('/api/regions', { parentCode: '620105002009', name: 'x' });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    });
  },
  { config: { loginRateLimit: { maxAttempts: 1000, windowMinutes: 5 } } },
);
