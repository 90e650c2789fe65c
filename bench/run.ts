import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createContext, sqliteFile } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { isPostgresUrl } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { BENCH_ADMIN, seedDistrict } from '../src/db/seed/district.js';
import { compare } from './measure.js';
import { freePort, onExit, startNode, stopAll } from './processes.js';
import { markdownTable, type Row, textTable } from './report.js';
import { SCENARIOS, type Scenario } from './scenarios.js';

/**
 * `npm run bench`: the real server on a generated district, driven by autocannon, beside the
 * bare baseline (bench/baseline.ts) in the same run. See docs/benchmarks.md.
 */
const env = process.env;
const seconds = Number(env.BENCH_SECONDS || 10);
const warmup = Number(env.BENCH_WARMUP || 3);
const connections = Number(env.BENCH_CONNECTIONS || 50);
const rounds = Number(env.BENCH_ROUNDS || 5);
const pgUrl = env.BENCH_DATABASE_URL || '';
const only = env.BENCH_ONLY || '';
if (pgUrl && !isPostgresUrl(pgUrl)) throw new Error('BENCH_DATABASE_URL must be a postgres:// URL');

const PASSWORD = 'Bench@2026x';
// A fixed key: a PostgreSQL database seeded by an earlier run (personal data included, once
// residents are generated) stays readable by the next one.
const DATA_KEY = 'b'.repeat(64);
const root = path.resolve(import.meta.dirname, '..');

/** Migrates and seeds in this process, before any server runs, so seeding is not measured. */
async function prepareDatabase(serverEnv: NodeJS.ProcessEnv): Promise<string> {
  const config = loadConfig(serverEnv);
  const ctx = createContext(config);
  try {
    const started = Date.now();
    await migrateToLatest(ctx.database);
    const seeded = await seedDistrict(ctx, { password: PASSWORD });
    // Autovacuum would analyse the fresh rows (and set the visibility map that index-only scans
    // need) within a minute or so of the load; the benchmark starts sooner, so do it now.
    if (ctx.database.dialect === 'postgres') await sql`vacuum analyze`.execute(ctx.db);
    const what = seeded.regions ? `${seeded.regions} regions, ${seeded.users} users` : 'already there';
    console.log(`district: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await ctx.database.close();
  }
  return config.databaseUrl || sqliteFile(config);
}

/** Logs in through the real HTTP endpoint; returns the headers every scenario request carries. */
async function login(base: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_ADMIN, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login as ${BENCH_ADMIN}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('jiceng_sid='));
  if (!cookie) throw new Error('login set no session cookie');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

/** Both sides must answer 200 with as many rows, or the figures compare different work. */
async function check(scenario: Scenario, server: string, baseline: string, headers: Record<string, string>) {
  const get = async (url: string, h?: Record<string, string>) => {
    const response = await fetch(url, { headers: h });
    if (response.status !== 200) throw new Error(`${scenario.name}: ${url} → ${response.status}`);
    return (await response.json()) as { items?: unknown[]; total?: number };
  };
  const a = await get(`${server}${scenario.path}`, headers);
  const b = await get(`${baseline}${scenario.baselinePath}`);
  if (a.items?.length !== b.items?.length || a.total !== b.total)
    throw new Error(
      `${scenario.name}: server and baseline disagree (${a.items?.length}/${a.total} rows vs ${b.items?.length}/${b.total})`,
    );
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-bench-'));
  onExit(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  try {
    const [serverPort, baselinePort] = [await freePort(), await freePort()];
    const serverEnv: NodeJS.ProcessEnv = {
      ...env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(serverPort),
      JICENG_DATA_DIR: dataDir,
      JICENG_DATA_KEY: DATA_KEY,
      DATABASE_URL: pgUrl,
      JICENG_DEMO: '0',
      LOG_LEVEL: 'warn',
      JICENG_LOGIN_RATE_LIMIT: '1000000',
    };
    const dbUrl = await prepareDatabase(serverEnv);
    const server = `http://127.0.0.1:${serverPort}`;
    const baseline = `http://127.0.0.1:${baselinePort}`;
    const logFile = path.join(dataDir, 'bench.log');
    await startNode(path.join(root, 'src/server.ts'), serverEnv, `${server}/api/health`, logFile);
    await startNode(
      path.join(root, 'bench/baseline.ts'),
      { ...env, NODE_ENV: 'production', PORT: String(baselinePort), BENCH_BASELINE_DB: dbUrl },
      `${baseline}/health`,
      logFile,
    );
    const headers = await login(server);

    const cpus = os.cpus();
    console.log(
      `machine: ${cpus.length} cores (${cpus[0]?.model.trim()}), node ${process.version}, ` +
        `load average ${os.loadavg()[0]?.toFixed(1)}, database: ${pgUrl ? 'postgres' : 'sqlite'}, ` +
        `${connections} connections, ${seconds} s per side in ${rounds} alternating rounds after ${warmup} s warm-up`,
    );
    const rows: Row[] = [];
    for (const scenario of SCENARIOS.filter((s) => s.name.includes(only))) {
      const asCaller = scenario.anonymous ? {} : headers;
      await check(scenario, server, baseline, asCaller);
      const figures = await compare(
        { url: `${server}${scenario.path}`, headers: asCaller },
        { url: `${baseline}${scenario.baselinePath}`, headers: {} },
        { connections, seconds, warmup, rounds },
      );
      rows.push({ name: scenario.name, ...figures });
      const rate = (side: keyof typeof figures) => Math.round(figures[side].requestsPerSecond);
      console.log(`  ${scenario.name}: ${rate('server')} req/s, baseline ${rate('baseline')} req/s`);
    }
    console.log(`\n${textTable(rows)}\n\n${markdownTable(rows)}`);
    // Warnings and errors the children logged (pino writes JSON lines; the start banner is not one).
    const logged = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'));
    if (logged.length > 0) console.log(`\nlogged during the run:\n${logged.slice(-20).join('\n')}`);
  } finally {
    await stopAll();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
