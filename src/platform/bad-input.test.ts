import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, userIdOf as idOf, type TestClient, type TestEnv } from '../test/harness.js';
import { ROLES } from './roles.js';

/** Bad input is refused in the one error shape, never with a 5xx, and changes nothing. */

const CJK = /[\u4e00-\u9fff]/;
const LIMIT = 1024 * 1024;
const generous = { config: { loginRateLimit: { maxAttempts: 100_000, windowMinutes: 5 } } };

async function fingerprint(env: TestEnv) {
  const { db } = env.ctx;
  const count = async (table: 'users' | 'regions' | 'sessions' | 'audit_log' | 'login_attempts') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'scope', 'disabled', 'password_hash', 'updated_at'])
    .orderBy('id')
    .execute();
  const regions = await db.selectFrom('regions').select(['code', 'name']).orderBy('code').execute();
  return JSON.stringify({
    users,
    regions,
    sessions: await count('sessions'),
    audit: await count('audit_log'),
  });
}

/** Stack frames, SQL and driver words must never reach a client. */
const LEAK =
  /\bat [\w.<>[\] ]+ \(|\.[cm]?[jt]s:\d+|\bselect\b.*\bfrom\b|\binsert into\b|sqlite|relation "|syntax error|node_modules|kysely|\bpg\b/i;

function expectErrorShape(response: LightMyRequestResponse, label = '') {
  expect(response.statusCode, `${label} ${response.body}`).toBeLessThan(500);
  if (response.statusCode < 400) return;
  expect(response.headers['content-type'], label).toMatch(/^application\/json/);
  const body = response.json();
  expect(Object.keys(body), label).toEqual(['error']);
  expect(body.error.code, label).toMatch(/^[A-Z][A-Z_]+$/);
  expect(typeof body.error.message, label).toBe('string');
  expect(body.error.message.length, label).toBeGreaterThan(0);
  // A detail's path may echo a property name the client sent; the rest is ours.
  const ours = JSON.stringify({
    ...body.error,
    details: body.error.details?.map((d: { message: string }) => d.message),
  });
  expect(ours, label).not.toMatch(LEAK);
}

const json = (client: TestClient, method: 'POST' | 'PATCH', url: string, raw: string, headers = {}) =>
  client.request({ method, url, payload: raw, headers: { 'content-type': 'application/json', ...headers } });

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

// ---------------------------------------------------------------- fuzzing

const RUNS = 100;
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '%',
    '_',
    "' or 1=1 --",
    '"; drop table users; --',
    '../..',
    '\\',
    '\ud800',
    '𠮷',
    'null',
  ),
);
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(anyText, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
);
/** encodeURIComponent throws on a lone surrogate; a browser would send U+FFFD instead. */
const encode = (s: string) => encodeURIComponent(s.replace(/\p{Surrogate}/gu, '\ufffd'));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });
const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

describeEachDatabase(
  'fuzzing',
  (env) => {
    let admin: TestClient;
    beforeAll(async () => {
      admin = await env().login('admin');
    });

    it('login: random bodies never break the server', async () => {
      const body = fc.oneof(
        anyJson,
        fc
          .record({ username: maybe(anyText), password: maybe(fc.oneof(anyText, fc.integer())) })
          .map(defined),
      );
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const response = await env()
            .anonymous()
            .request({
              method: 'POST',
              url: '/api/auth/login',
              payload: JSON.stringify(payload),
              headers: { 'content-type': 'application/json' },
            });
          expectErrorShape(response, JSON.stringify(payload));
          expect(response.statusCode).not.toBe(200);
        }),
        { numRuns: RUNS },
      );
    });

    it('login: random raw text as a JSON body never breaks the server', async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), async (raw) => {
          const response = await json(env().anonymous(), 'POST', '/api/auth/login', raw);
          expectErrorShape(response, JSON.stringify(raw));
        }),
        { numRuns: RUNS },
      );
    });

    it('create user: random bodies never break the server', async () => {
      const body = fc.oneof(
        anyJson,
        fc
          .record({
            username: maybe(fc.oneof(anyText, fc.stringMatching(/^[a-z0-9_.-]{3,12}$/))),
            displayName: maybe(anyText),
            role: maybe(fc.oneof(fc.constantFrom(...ROLES), anyText)),
            scope: maybe(
              fc.oneof(
                fc.constantFrom(
                  '',
                  '62',
                  '620105',
                  '620105002',
                  '620105002009',
                  '620105002009001',
                  '999999999999',
                ),
                anyText,
              ),
            ),
            password: maybe(fc.oneof(anyText, fc.constant('Fuzz-Pass-2026'))),
          })
          .map(defined),
      );
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const response = await admin.post('/api/users', payload);
          expectErrorShape(response, JSON.stringify(payload));
          if (response.statusCode === 201)
            expect(response.json().user.username).toBe((payload as { username: string }).username);
        }),
        { numRuns: RUNS },
      );
    });

    it('create grid: random bodies never break the server', async () => {
      const body = fc.oneof(
        anyJson,
        fc
          .record({
            parentCode: maybe(
              fc.oneof(
                fc.constantFrom('620105002009', '620105002', '620105002009001', '53', '130402006014'),
                anyText,
              ),
            ),
            name: maybe(anyText),
          })
          .map(defined),
      );
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const response = await admin.post('/api/regions', payload);
          expectErrorShape(response, JSON.stringify(payload));
        }),
        { numRuns: RUNS },
      );
    });

    it('broken percent-encoding in paths and queries never breaks the server', async () => {
      for (const url of [
        '/api/users?q=%ZZ',
        '/api/users?q=%E4%B8',
        '/api/regions/%E4%B8',
        '/api/users/%',
        '/api/regions/search?q=%00%FF',
        '/api/audit?from=%',
      ]) {
        expectErrorShape(await admin.get(url), url);
      }
    });

    it('list and read queries: random parameters never break the server', async () => {
      const endpoints = [
        '/api/users',
        '/api/audit',
        '/api/regions',
        '/api/regions/search',
        '/api/audit/export.xlsx',
      ];
      const keys = [
        'q',
        'role',
        'scope',
        'page',
        'pageSize',
        'from',
        'to',
        'actor',
        'entity',
        'action',
        'regionCode',
        'parent',
      ];
      const value = fc.oneof(
        anyText,
        fc.integer().map(String),
        fc.double().map(String),
        fc.constantFrom('2026-02-29', '1e400', '-0', '9'.repeat(30)),
      );
      const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), anyText), value), { maxLength: 4 });
      const path = fc.oneof(
        fc.constantFrom(...endpoints),
        fc
          .oneof(anyText, fc.integer().map(String), fc.constant('9'.repeat(25)))
          .map((s) => `/api/users/${encode(s)}`),
        fc.oneof(anyText, fc.stringMatching(/^\d{1,16}$/)).map((s) => `/api/regions/${encode(s)}`),
      );
      await fc.assert(
        fc.asyncProperty(path, query, async (base, params) => {
          const qs = params.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
          const url = qs ? `${base}?${qs}` : base;
          const response = await admin.get(url);
          expectErrorShape(response, url);
        }),
        { numRuns: RUNS },
      );
    });
  },
  generous,
);
