import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isPostgresUrl } from '../src/db/database.js';
import { runImportBenchmark } from './import.js';
import { compare } from './measure.js';
import { freePort, onExit, startNode, stopAll } from './processes.js';
import { markdownTable, type Row, textTable } from './report.js';
import { type Scenario, scenarios } from './scenarios.js';
import { DATA_KEY, login, prepareDatabase, root, serverEnvironment } from './setup.js';

/**
 * `npm run bench`: the real server on a generated district, driven by autocannon, beside the
 * bare baseline (bench/baseline.ts) in the same run. See docs/benchmarks.md.
 */
const env = process.env;
const seconds = Number(env.BENCH_SECONDS || 10);
const warmup = Number(env.BENCH_WARMUP || 3);
const connections = Number(env.BENCH_CONNECTIONS || 50);
const rounds = Number(env.BENCH_ROUNDS || 5);
const rate = Number(env.BENCH_RATE || 0);
const pgUrl = env.BENCH_DATABASE_URL || '';
const only = env.BENCH_ONLY || '';
if (pgUrl && !isPostgresUrl(pgUrl)) throw new Error('BENCH_DATABASE_URL must be a postgres:// URL');

/**
 * Both sides must answer 200 with as many rows (and, for an overview, as many residents), or
 * the figures compare different work.
 */
async function check(scenario: Scenario, server: string, baseline: string, headers: Record<string, string>) {
  const get = async (url: string, h?: Record<string, string>) => {
    const response = await fetch(url, { headers: h });
    if (response.status !== 200) throw new Error(`${scenario.name}: ${url} → ${response.status}`);
    const body = (await response.json()) as { items?: unknown[]; total?: number; residents?: number };
    return `${body.items?.length}/${body.total}/${body.residents}`;
  };
  const a = await get(`${server}${scenario.path}`, headers);
  const b = await get(`${baseline}${scenario.baselinePath}`);
  if (a !== b)
    throw new Error(`${scenario.name}: server and baseline disagree (rows/total/residents ${a} vs ${b})`);
  return a;
}

async function main() {
  if (process.argv.includes('--import')) return runImportBenchmark(pgUrl);
  // A given folder is kept (the SQLite district takes minutes to generate); a temp one is removed.
  const dataDir = env.BENCH_DATA_DIR
    ? path.resolve(env.BENCH_DATA_DIR)
    : fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-bench-'));
  fs.mkdirSync(dataDir, { recursive: true });
  if (!env.BENCH_DATA_DIR) onExit(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  try {
    const [serverPort, baselinePort] = [await freePort(), await freePort()];
    const serverEnv = serverEnvironment(dataDir, serverPort, pgUrl);
    const { url: dbUrl, sample } = await prepareDatabase(serverEnv);
    const server = `http://127.0.0.1:${serverPort}`;
    const baseline = `http://127.0.0.1:${baselinePort}`;
    const logFile = path.join(dataDir, 'bench.log');
    fs.rmSync(logFile, { force: true });
    await startNode(path.join(root, 'src/server.ts'), serverEnv, `${server}/api/health`, logFile);
    await startNode(
      path.join(root, 'bench/baseline.ts'),
      {
        ...env,
        NODE_ENV: 'production',
        PORT: String(baselinePort),
        BENCH_BASELINE_DB: dbUrl,
        BENCH_BASELINE_DATA_KEY: DATA_KEY,
      },
      `${baseline}/health`,
      logFile,
    );
    const selected = scenarios(sample).filter((s) => only.split('|').some((o) => s.name.includes(o)));
    const sessions = new Map<string, Record<string, string>>();
    for (const user of new Set(selected.flatMap((s) => (s.anonymous || !s.user ? [] : [s.user]))))
      sessions.set(user, await login(server, user));

    const cpus = os.cpus();
    console.log(
      `machine: ${cpus.length} cores (${cpus[0]?.model.trim()}), node ${process.version}, ` +
        `load average ${os.loadavg()[0]?.toFixed(1)}, database: ${pgUrl ? 'postgres' : 'sqlite'}, ` +
        `${connections} connections${rate > 0 ? ` offering ${rate} req/s` : ''}, ` +
        `${seconds} s per side in ${rounds} alternating rounds after ${warmup} s warm-up`,
    );
    const rows: Row[] = [];
    for (const scenario of selected) {
      const asCaller = scenario.anonymous ? {} : (sessions.get(scenario.user ?? '') ?? {});
      const shape = await check(scenario, server, baseline, asCaller);
      const figures = await compare(
        { url: `${server}${scenario.path}`, headers: asCaller },
        { url: `${baseline}${scenario.baselinePath}`, headers: {} },
        { connections, seconds, warmup, rounds, rate },
      );
      rows.push({ name: scenario.name, ...figures });
      const perSecond = (side: keyof typeof figures) => Math.round(figures[side].requestsPerSecond);
      console.log(
        `  ${scenario.name} (rows/total ${shape.replace(/\/undefined/g, '')}): ` +
          `${perSecond('server')} req/s, baseline ${perSecond('baseline')} req/s, load average ${os.loadavg()[0]?.toFixed(1)}`,
      );
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
