import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isPostgresUrl } from '../src/db/database.js';
import { runImportBenchmark } from './import.js';
import { compare, type Target } from './measure.js';
import { freePort, onExit, startNode, stopAll } from './processes.js';
import { markdownTable, type Row, textTable } from './report.js';
import { fieldVisitScenarios, type Scenario, scenarios } from './scenarios.js';
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
// `--field-visits`: issue 4's scenarios on a database of their own (bench/fieldvisits-setup.ts).
const fieldVisits = process.argv.includes('--field-visits');
const filings = Number(env.BENCH_FV_FILINGS || 1_000_000);
if (pgUrl && !isPostgresUrl(pgUrl)) throw new Error('BENCH_DATABASE_URL must be a postgres:// URL');

/** A side's next request body, numbered from 0 over the whole run (the check, warm-up, rounds). */
function bodies(body: ((n: number) => unknown) | undefined) {
  if (!body) return undefined;
  let n = 0;
  return () => JSON.stringify(body(n++));
}

/**
 * Both sides must answer 200 with as many rows (and, for an overview, as many residents), or
 * the figures compare different work. A write must be answered 201 by both with the filing's id
 * and status (each side files for its own unit and months, so their warnings may differ).
 */
async function check(scenario: Scenario, server: Target, baseline: Target) {
  const send = async ({ url, headers, body }: Target) => {
    const payload = body?.();
    const response = await fetch(url, {
      headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(payload === undefined ? {} : { method: 'POST', body: payload }),
    });
    const expected = payload === undefined ? 200 : 201;
    if (response.status !== expected)
      throw new Error(
        `${scenario.name}: ${url} → ${response.status} ${(await response.text()).slice(0, 500)}`,
      );
    const answer = (await response.json()) as {
      items?: unknown[];
      total?: number;
      residents?: number;
      id?: number;
      status?: string;
      warnings?: { code: string }[];
    };
    if (payload !== undefined) {
      if (typeof answer.id !== 'number' || !answer.status)
        throw new Error(`${scenario.name}: ${url} answered no filing`);
      return `${answer.status} [${answer.warnings?.map((w) => w.code).join(' ')}]`;
    }
    return `${answer.items?.length}/${answer.total}/${answer.residents}`;
  };
  const a = await send(server);
  const b = await send(baseline);
  if (server.body) return `server ${a}, baseline ${b}`;
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
    const { url: dbUrl, sample } = await prepareDatabase(
      serverEnv,
      fieldVisits ? { fieldVisits: filings } : {},
    );
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
    const all = sample.fieldVisits ? fieldVisitScenarios(sample.fieldVisits) : scenarios(sample);
    const selected = all.filter((s) => only.split('|').some((o) => s.name.includes(o)));
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
      const targets: [Target, Target] = [
        { url: `${server}${scenario.path}`, headers: asCaller },
        { url: `${baseline}${scenario.baselinePath}`, headers: {} },
      ];
      const [serverBody, baselineBody] = [bodies(scenario.body), bodies(scenario.baselineBody)];
      if (serverBody) targets[0].body = serverBody;
      if (baselineBody) targets[1].body = baselineBody;
      const shape = await check(scenario, ...targets);
      const figures = await compare(...targets, { connections, seconds, warmup, rounds, rate });
      rows.push({ name: scenario.name, ...figures });
      const perSecond = (side: keyof typeof figures) => Math.round(figures[side].requestsPerSecond);
      console.log(
        `  ${scenario.name} (${scenario.body ? shape : `rows/total ${shape.replace(/\/undefined/g, '')}`}): ` +
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
