import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { createContext, sqliteFile } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { benchScopes, seedDistrict } from '../src/db/seed/district.js';
import { visitReminders } from '../src/modules/visits/reminders.job.js';
import { dateInShanghai } from '../src/platform/clock.js';
import type { AppContext } from '../src/platform/context.js';
import { runDueDailyJobs } from '../src/platform/jobs.js';
import { prepareFieldVisits } from './fieldvisits-setup.js';
import type { Sample } from './scenarios.js';

/** What the scenario run (bench/run.ts) and the import run (bench/import.ts) share. */

export const PASSWORD = 'Bench@2026x';
// A fixed key: a PostgreSQL database seeded by an earlier run (personal data included, once
// residents are generated) stays readable by the next one.
export const DATA_KEY = 'b'.repeat(64);
export const root = path.resolve(import.meta.dirname, '..');

export const seconds1 = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** The database's size on disk: the SQLite file (and its WAL), or the PostgreSQL database. */
async function databaseSize(ctx: AppContext, file: string): Promise<string> {
  let bytes = 0;
  if (ctx.database.dialect === 'postgres') {
    const { rows } = await sql<{ size: number }>`select pg_database_size(current_database()) as size`.execute(
      ctx.db,
    );
    bytes = Number(rows[0]?.size ?? 0);
  } else for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) bytes += fs.statSync(f).size;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/**
 * Migrates and seeds in this process, before any server runs, so seeding is not measured; runs
 * the day's visit reminders (the server would run them on start, in the middle of a scenario);
 * and picks the facts of the generated data the scenarios need. With `fieldVisits` (a number of
 * filings), the research-visit database of bench/fieldvisits-setup.ts instead of the district.
 */
export async function prepareDatabase(
  serverEnv: NodeJS.ProcessEnv,
  options: { registry?: 'full' | 'places'; fieldVisits?: number } = {},
): Promise<{ url: string; sample: Sample }> {
  const config = loadConfig(serverEnv);
  const ctx = createContext(config);
  const url = config.databaseUrl || sqliteFile(config);
  try {
    const started = Date.now();
    await migrateToLatest(ctx.database);
    if (options.fieldVisits !== undefined) {
      const { sample, history, accounts } = await prepareFieldVisits(ctx, {
        password: PASSWORD,
        filings: options.fieldVisits,
        onProgress: (message) => console.log(`  ${message}`),
      });
      if (ctx.database.dialect === 'postgres') await sql`vacuum analyze`.execute(ctx.db);
      const { server, baseline } = sample;
      console.log(
        `field visits: ${history.filings ? `${history.filings} filings (${history.countyRows} county rows) generated` : 'history already there'}` +
          `${accounts ? `, ${accounts} accounts added` : ''} (${seconds1(started)}); database ${await databaseSize(ctx, url)}; ` +
          `bench filings so far: server ${server.done} from ${server.from}, baseline ${baseline.done} from ${baseline.from}`,
      );
      await runDailyJobs(ctx);
      return { url, sample: { idNumber: '', fieldVisits: sample } };
    }
    const seeded = await seedDistrict(ctx, {
      password: PASSWORD,
      registry: options.registry ?? 'full',
      onProgress: (message) => console.log(`  ${message}`),
    });
    // Autovacuum would analyse the fresh rows (and set the visibility map that index-only scans
    // need) within a minute or so of the load; the benchmark starts sooner, so do it now.
    if (ctx.database.dialect === 'postgres') await sql`vacuum analyze`.execute(ctx.db);
    const what = seeded.regions
      ? `${seeded.regions} regions, ${seeded.users} users`
      : seeded.users
        ? `already there, ${seeded.users} accounts added`
        : 'already there';
    const registry = seeded.residents
      ? `; ${seeded.buildings} buildings, ${seeded.houses} houses, ${seeded.households} households, ` +
        `${seeded.residents} residents (${seeded.caredFor} cared for), ${seeded.visits} visits`
      : seeded.houses
        ? `; ${seeded.buildings} buildings, ${seeded.houses} houses`
        : '';
    console.log(
      `district: ${what}${registry} (${seconds1(started)}); database ${await databaseSize(ctx, url)}`,
    );
    await runDailyJobs(ctx);
    const resident = await ctx.db
      .selectFrom('residents')
      .select('id_number_enc')
      .where('region_code', '=', benchScopes().grid)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .executeTakeFirst();
    return { url, sample: { idNumber: resident ? ctx.pii.decrypt(resident.id_number_enc) : '' } };
  } finally {
    await ctx.database.close();
  }
}

/**
 * The server runs the day's visit reminders when it starts (after 07:00 Shanghai time): over the
 * district that is some thousand queries, which would land in the first scenario. Run here, and
 * timed. Should the job fail, today's run is recorded anyway, or the server would retry it
 * every minute of the measurement; the failure is printed for what it is, a defect to fix.
 */
async function runDailyJobs(ctx: AppContext) {
  const started = Date.now();
  try {
    const ran = await runDueDailyJobs(ctx, [visitReminders]);
    if (ran.length > 0) console.log(`daily jobs before the run: ${ran.join(', ')} (${seconds1(started)})`);
  } catch (error) {
    const now = new Date().toISOString();
    console.log(
      `daily job ${visitReminders.name} FAILED (${seconds1(started)}): ${(error as Error).message}`,
    );
    await ctx.db
      .insertInto('job_runs')
      .values({
        job: visitReminders.name,
        run_on: dateInShanghai(new Date()),
        started_at: now,
        finished_at: now,
      })
      .onConflict((oc) => oc.columns(['job', 'run_on']).doNothing())
      .execute();
  }
}

/** Logs in through the real HTTP endpoint; returns the headers every request of `username` carries. */
export async function login(base: string, username: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login as ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('jiceng_sid='));
  if (!cookie) throw new Error('login set no session cookie');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

/** The real server's environment: production mode, the demo off, logins not rate-limited. */
export function serverEnvironment(dataDir: string, port: number, pgUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    JICENG_DATA_DIR: dataDir,
    JICENG_DATA_KEY: DATA_KEY,
    DATABASE_URL: pgUrl,
    JICENG_DEMO: '0',
    LOG_LEVEL: 'warn',
    JICENG_LOGIN_RATE_LIMIT: '1000000',
  };
}
