import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { expectErrorShape, generous, json } from '../test/bad-input.js';
import { describeEachDatabase, type TestClient } from '../test/harness.js';
import { ROLES } from './roles.js';

/** Random input never breaks the server: fast-check drives the endpoints with arbitrary JSON and text. */

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
