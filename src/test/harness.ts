import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../app.js';
import { createContext } from '../boot.js';
import { type Config, DEFAULT_DEMO_PASSWORD, loadConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemo } from '../db/seed/demo.js';
import type { DB } from '../db/types.js';
import type { Clock } from '../platform/clock.js';
import type { AppContext } from '../platform/context.js';

/**
 * Integration tests run on a fresh database through the real app: SQLite always, PostgreSQL too
 * when DATABASE_URL_TEST is set (each test file in a schema of its own). In CI the PostgreSQL
 * run is mandatory: a missing DATABASE_URL_TEST fails instead of silently skipping.
 */
export type DialectName = 'sqlite' | 'postgres';

export function testDialects(): DialectName[] {
  const url = process.env.DATABASE_URL_TEST;
  if (!url && process.env.CI === 'true') throw new Error('CI=true but DATABASE_URL_TEST is not set');
  return url ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A clock the test moves by hand: lockouts and idle timeouts without waiting. */
export interface TestClock extends Clock {
  advanceMinutes(minutes: number): void;
}

function testClock(): TestClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advanceMinutes: (minutes) => {
      offset += minutes * 60_000;
    },
  };
}

export interface TestEnv {
  dialect: DialectName;
  ctx: AppContext;
  app: FastifyInstance;
  clock: TestClock;
  /** A client without a session. */
  anonymous(): TestClient;
  /** A client logged in as a demo account (or any account and password). */
  login(username: string, password?: string): Promise<TestClient>;
}

export const DEMO_PASSWORD = DEFAULT_DEMO_PASSWORD;

export class TestClient {
  cookie: string | undefined;
  csrfToken: string | undefined;
  ip = '127.0.0.1';

  constructor(private readonly app: FastifyInstance) {}

  async request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const { csrf = true, ...rest } = options;
    const headers: Record<string, string> = { ...(rest.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = `jiceng_sid=${this.cookie}`;
    if (csrf && this.csrfToken && rest.method && rest.method !== 'GET')
      headers['x-csrf-token'] = this.csrfToken;
    const response = await this.app.inject({ remoteAddress: this.ip, ...rest, headers });
    const setCookie = response.cookies.find((c) => c.name === 'jiceng_sid');
    if (setCookie) this.cookie = setCookie.value || undefined;
    return response;
  }

  get = (url: string, headers?: Record<string, string>) => this.request({ method: 'GET', url, headers });
  post = (url: string, body?: unknown) =>
    this.request({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }) });
  patch = (url: string, body: unknown) => this.request({ method: 'PATCH', url, payload: body as object });
  put = (url: string, body: unknown) => this.request({ method: 'PUT', url, payload: body as object });

  async login(username: string, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    const response = await this.post('/api/auth/login', { username, password });
    if (response.statusCode === 200) this.csrfToken = response.json().csrfToken;
    return response;
  }
}

async function createSchema(url: string): Promise<string> {
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  return schema;
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}

/**
 * Opens a fresh, migrated database of the dialect with the demo's regions and accounts, unless
 * `empty`; with `registry`, the demo registry of 枣林西 too (seconds per database, so only for
 * the tests that read it); with `fieldVisits`, the demo's research visits.
 */
export async function openTestContext(
  dialect: DialectName,
  options: { empty?: boolean; registry?: boolean; fieldVisits?: boolean; config?: Partial<Config> } = {},
) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-test-'));
  const pgUrl = process.env.DATABASE_URL_TEST ?? '';
  const schema = dialect === 'postgres' ? await createSchema(pgUrl) : undefined;
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', JICENG_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    databaseUrl: dialect === 'postgres' ? pgUrl : '',
    ...options.config,
  };
  const clock = testClock();
  const ctx = createContext(config, { clock, ...(schema ? { schema } : {}) });
  await migrateToLatest(ctx.database);
  if (!options.empty)
    await seedDemo(ctx, DEMO_PASSWORD, {
      registry: options.registry === true,
      fieldVisits: options.fieldVisits === true,
    });
  const close = async () => {
    await ctx.database.close();
    if (schema) await dropSchema(pgUrl, schema);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { ctx, clock, close };
}

/**
 * Declares the same suite once per database. Inside, `env()` gives the running app:
 *
 *   describeEachDatabase('users', (env) => { it('…', async () => { const admin = await env().login('admin'); … }) });
 */
export function describeEachDatabase(
  name: string,
  suite: (env: () => TestEnv) => void,
  options: { empty?: boolean; registry?: boolean; fieldVisits?: boolean; config?: Partial<Config> } = {},
) {
  for (const dialect of testDialects()) {
    describe(`${name} [${dialect}]`, () => {
      let current: TestEnv | undefined;
      let close: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const opened = await openTestContext(dialect, options);
        const app = await buildApp(opened.ctx);
        close = async () => {
          await app.close();
          await opened.close();
        };
        current = {
          dialect,
          ctx: opened.ctx,
          app,
          clock: opened.clock,
          anonymous: () => new TestClient(app),
          login: async (username, password) => {
            const client = new TestClient(app);
            const response = await client.login(username, password);
            if (response.statusCode !== 200)
              throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
            return client;
          },
        };
      });
      afterAll(async () => close?.());
      suite(() => {
        if (!current) throw new Error('test environment not ready');
        return current;
      });
    });
  }
}

/** Demo communities the tests refer to. */
export const ZAOLINXI = '620105002009';
export const NONGLINER = '130402006014';

export async function userIdOf(env: TestEnv, username: string): Promise<number> {
  const row = await env.ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** How many rows a table holds: tests use it to prove that a refused request changed nothing. */
export async function rowCount(env: Pick<TestEnv, 'ctx'>, table: keyof DB): Promise<number> {
  const row = await env.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
