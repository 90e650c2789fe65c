import { beforeAll, expect, it } from 'vitest';
import { CJK, expectErrorShape, fingerprint, generous, json, LIMIT } from '../test/bad-input.js';
import { describeEachDatabase, userIdOf as idOf, type TestClient } from '../test/harness.js';

/** Bad input is refused in the one error shape, never with a 5xx, and changes nothing. */

describeEachDatabase(
  'bad input',
  (env) => {
    let admin: TestClient;
    beforeAll(async () => {
      admin = await env().login('admin');
    });

    it('answers malformed JSON with 400 MALFORMED_JSON on every write route, changing nothing', async () => {
      const staff = await idOf(env(), 'staff');
      const before = await fingerprint(env());
      const routes: ['POST' | 'PATCH', string][] = [
        ['POST', '/api/regions'],
        ['PATCH', '/api/regions/620105002009001'],
        ['POST', '/api/users'],
        ['PATCH', `/api/users/${staff}`],
        ['POST', `/api/users/${staff}/reset-password`],
        ['POST', '/api/auth/password'],
      ];
      for (const [method, url] of routes) {
        for (const raw of [
          '{"name": ',
          '{name: "x"}',
          "{'a':1}",
          '{"a":1,}',
          'undefined',
          '{"a":1}{"b":2}',
          '',
        ]) {
          const response = await json(admin, method, url, raw);
          expect(response.statusCode, `${method} ${url} ${raw}`).toBe(400);
          expect(response.json().error.code).toBe('MALFORMED_JSON');
          expectErrorShape(response);
        }
      }
      const login = await json(
        env().anonymous(),
        'POST',
        '/api/auth/login',
        '{"username":"admin","password":',
      );
      expect(login.statusCode).toBe(400);
      expect(login.json().error.code).toBe('MALFORMED_JSON');
      expect(login.json().error.message).toBe('请求内容不是有效的 JSON');
      const en = await json(env().anonymous(), 'POST', '/api/auth/login', '{', { 'accept-language': 'en' });
      expect(en.json().error.message).toBe('The request body is not valid JSON');
      expect(await fingerprint(env())).toBe(before);
    });

    it('refuses a prototype-poisoning body', async () => {
      const response = await json(
        admin,
        'POST',
        '/api/regions',
        '{"__proto__":{"admin":true},"parentCode":"620105002009","name":"p"}',
      );
      expect(response.statusCode).toBe(400);
      expectErrorShape(response);
    });

    it('answers a body over 1 MiB with 413 PAYLOAD_TOO_LARGE, and one just at the limit is read', async () => {
      const before = await fingerprint(env());
      const padded = (size: number) => {
        const head = '{"parentCode":"620105002009","name":"';
        return `${head}${'x'.repeat(size - head.length - 2)}"}`;
      };
      const over = await json(admin, 'POST', '/api/regions', padded(LIMIT + 1));
      expect(over.statusCode).toBe(413);
      expect(over.json().error.code).toBe('PAYLOAD_TOO_LARGE');
      expectErrorShape(over);
      const atLimit = await json(admin, 'POST', '/api/regions', padded(LIMIT));
      expect(atLimit.statusCode).toBe(400);
      expect(atLimit.json().error.code).toBe('VALIDATION_FAILED');
      expect(atLimit.json().error.details[0].path).toBe('/name');
      const login = await json(
        env().anonymous(),
        'POST',
        '/api/auth/login',
        JSON.stringify({ username: 'admin', password: 'x'.repeat(2 * LIMIT) }),
      );
      expect(login.statusCode).toBe(413);
      expect(login.json().error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await fingerprint(env())).toBe(before);
    });

    it('names the field of a schema violation, in Chinese by default and in English on request', async () => {
      const before = await fingerprint(env());
      const body = { displayName: '新用户', role: 'grid_worker', scope: '620105002009' };
      const zh = await admin.post('/api/users', body);
      expect(zh.statusCode).toBe(400);
      const error = zh.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toBe('提交的内容不符合要求');
      expect(error.details).toEqual([{ path: '/username', message: expect.stringMatching(CJK) }]);
      const en = await admin.request({
        method: 'POST',
        url: '/api/users',
        payload: body,
        headers: { 'accept-language': 'en-US' },
      });
      expect(en.json().error.message).toBe('The request is not valid');
      expect(en.json().error.details).toEqual([
        { path: '/username', message: expect.stringContaining('username') },
      ]);
      expect(en.json().error.details[0].message).not.toMatch(CJK);
      expect(await fingerprint(env())).toBe(before);
    });

    it('reports every invalid field of a body at once, with its path', async () => {
      const cases: [object, string[]][] = [
        [{ username: 'ab', displayName: 'x', role: 'grid_worker', scope: '620105002009' }, ['/username']],
        [
          { username: 'has space', displayName: 'x', role: 'grid_worker', scope: '620105002009' },
          ['/username'],
        ],
        [
          { username: 'okname', displayName: '   ', role: 'grid_worker', scope: '620105002009' },
          ['/displayName'],
        ],
        [{ username: 'okname', displayName: 'x', role: 'king', scope: '620105002009' }, ['/role']],
        [{ username: 'okname', displayName: 'x', role: 'grid_worker', scope: '6201050' }, ['/scope']],
        [
          { username: 'okname', displayName: 'x', role: 'grid_worker', scope: '620105002009', isAdmin: true },
          ['/isAdmin'],
        ],
        [
          { username: 'x', displayName: '', role: 'king', scope: 'abc' },
          ['/username', '/displayName', '/role', '/scope'],
        ],
      ];
      const before = await fingerprint(env());
      for (const [payload, paths] of cases) {
        const response = await admin.post('/api/users', payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(response.json().error.code).toBe('VALIDATION_FAILED');
        const found = new Set(response.json().error.details.map((d: { path: string }) => d.path));
        for (const path of paths) expect(found, JSON.stringify(payload)).toContain(path);
        for (const path of found) expect(paths).toContain(path);
      }
      const grid = await admin.post('/api/regions', { parentCode: '620105002009', name: 'x'.repeat(41) });
      expect(grid.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/name']);
      const patch = await admin.patch(`/api/users/${await idOf(env(), 'staff')}`, {});
      expect(patch.statusCode).toBe(400);
      const login = await env().anonymous().post('/api/auth/login', { username: 'admin' });
      expect(login.json().error.details).toEqual([{ path: '/password', message: expect.any(String) }]);
      expect(await fingerprint(env())).toBe(before);
    });

    it('names the query or path parameter that is invalid', async () => {
      const cases: [string, string][] = [
        ['/api/users?pageSize=0', '/pageSize'],
        ['/api/users?pageSize=201', '/pageSize'],
        ['/api/users?page=0', '/page'],
        ['/api/users?page=abc', '/page'],
        ['/api/users?page=1.5', '/page'],
        ['/api/users?role=king', '/role'],
        ['/api/users?scope=123', '/scope'],
        ['/api/users/abc', '/id'],
        ['/api/users/0', '/id'],
        ['/api/users/-3', '/id'],
        ['/api/regions/1234567', '/code'],
        ['/api/regions/62ab', '/code'],
        ['/api/regions?parent=1', '/parent'],
        ['/api/regions/search', '/q'],
        ['/api/regions/search?q=', '/q'],
        ['/api/audit?from=2026-1-1', '/from'],
        ['/api/audit?to=yesterday', '/to'],
        ['/api/audit?regionCode=6', '/regionCode'],
      ];
      for (const [url, path] of cases) {
        const response = await admin.get(url);
        expect(response.statusCode, url).toBe(400);
        expect(response.json().error.code, url).toBe('VALIDATION_FAILED');
        expect(
          response.json().error.details.map((d: { path: string }) => d.path),
          url,
        ).toContain(path);
      }
    });

    it('refuses numbers too large for the database with 400, not 500', async () => {
      for (const url of [
        '/api/users/100000000000000000000',
        '/api/users/9223372036854775808',
        '/api/users?page=100000000000000000000',
        '/api/audit?page=100000000000000000000',
        '/api/audit?page=1e300',
      ]) {
        const response = await admin.get(url);
        expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
        expect(response.json().error.code).toBe('VALIDATION_FAILED');
      }
      for (const url of [
        '/api/users/100000000000000000000/unlock',
        '/api/users/100000000000000000000/reset-password',
      ]) {
        const response = await admin.post(url, {});
        expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
      }
    });

    it('refuses numbers that overflow to Infinity (ajv coerces "1e400" past maximum)', async () => {
      const cases: [string, string][] = [
        ['/api/users?pageSize=1e400', '/pageSize'],
        ['/api/users?page=Infinity', '/page'],
        ['/api/audit?page=-1e400', '/page'],
        ['/api/users/1e400', '/id'],
      ];
      for (const [url, path] of cases) {
        const response = await admin.get(url);
        expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
        expect(response.json().error.code).toBe('VALIDATION_FAILED');
        expect(response.json().error.details).toEqual([{ path, message: '提交的内容不符合要求' }]);
      }
      const before = await fingerprint(env());
      const patch = await admin.patch('/api/users/1e400', { disabled: true });
      expect(patch.statusCode).toBe(400);
      expect(await fingerprint(env())).toBe(before);
    });

    it('refuses impossible calendar dates in audit filters instead of reading them as other days', async () => {
      for (const query of [
        'from=2026-13-01',
        'to=2026-00-10',
        'from=2026-02-30',
        'to=2025-02-29',
        'from=2026-04-31',
      ]) {
        const response = await admin.get(`/api/audit?${query}`);
        expect(response.statusCode, `${query}: ${response.body}`).toBe(400);
        expect(response.json().error.details[0].path).toBe(`/${query.split('=')[0]}`);
        const xlsx = await admin.get(`/api/audit/export.xlsx?${query}`);
        expect(xlsx.statusCode, `export ${query}`).toBe(400);
      }
      expect((await admin.get('/api/audit?from=2024-02-29&to=2024-02-29')).statusCode).toBe(200);
    });

    it('refuses NUL characters (which PostgreSQL cannot store) with 400 on both databases', async () => {
      const login = await env()
        .anonymous()
        .post('/api/auth/login', { username: 'ad\u0000min', password: 'x' });
      expectErrorShape(login, 'login');
      expect(login.statusCode).toBe(400);
      expect(login.json().error.details[0].path).toBe('/username');
      for (const url of [
        '/api/users?q=%00',
        '/api/regions/search?q=a%00b',
        '/api/audit?actor=%00',
        '/api/audit?action=x%00',
        // An export whose query fails answers in the error shape, not with a download cut short.
        '/api/audit/export.xlsx?actor=%00',
      ]) {
        const response = await admin.get(url);
        expectErrorShape(response, url);
        expect(response.statusCode, url).toBe(400);
      }
      const before = await fingerprint(env());
      const user = await admin.post('/api/users', {
        username: 'nul-user',
        displayName: 'a\u0000b',
        role: 'resident',
        scope: '620105002009',
      });
      expectErrorShape(user, 'user');
      expect(user.statusCode).toBe(400);
      expect(user.json().error.details[0].path).toBe('/displayName');
      expect(await fingerprint(env())).toBe(before);
    });
  },
  generous,
);
