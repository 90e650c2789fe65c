import http from 'node:http';
import autocannon from 'autocannon';

/** One side's figures for one scenario, pooled over its rounds. */
export interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, connection errors and timeouts: any at all makes the figures worthless. */
  failed: number;
}

export interface Target {
  url: string;
  headers: Record<string, string>;
  /** A write: the JSON body of the next request, POSTed (each request its own). */
  body?: () => string;
}

export interface Plan {
  connections: number;
  /** Measured seconds per side, split into `rounds` slices. */
  seconds: number;
  warmup: number;
  rounds: number;
  /**
   * Requests per second offered over all connections, or 0 to send as fast as answers come
   * back (saturation). At saturation every request waits for the 49 ahead of it, so p99 is
   * about connections ÷ throughput; at a given rate it shows what one request costs under load.
   */
  rate: number;
}

interface Pool {
  requests: number;
  seconds: number;
  latencies: number[];
  failed: number;
}

function drive(target: Target, plan: Plan, seconds: number, pool?: Pool): Promise<void> {
  if (plan.rate > 0) return driveAtRate(target, plan, seconds, pool);
  if (target.body) return driveWrites(target, plan, seconds, pool);
  return new Promise((resolve, reject) => {
    const options = {
      url: target.url,
      headers: target.headers,
      connections: plan.connections,
      duration: seconds,
    };
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      if (pool) {
        pool.requests += result.requests.total;
        pool.seconds += result.duration;
        pool.failed += result.non2xx + result.errors + result.timeouts;
      }
      resolve();
    });
    // Every latency, so that percentiles can be computed over all rounds together.
    if (pool) instance.on('response', (_client, _status, _bytes, ms) => pool.latencies.push(ms));
  });
}

/**
 * Open loop: a request every 1/rate seconds, evenly spaced, over at most `connections` kept-alive
 * connections, whether or not earlier ones have been answered. (autocannon's own rate limit sends
 * each second's quota in a burst at its start, which measures the burst's queue.) A latency runs
 * from the moment the request was due, so a request kept waiting for a free connection counts
 * its wait too.
 */
async function driveAtRate(target: Target, plan: Plan, seconds: number, pool?: Pool): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections });
  const interval = 1000 / plan.rate;
  const total = Math.round(seconds * plan.rate);
  const started = performance.now();
  const pending: Promise<void>[] = [];
  const one = async (due: number) => record(pool, due, await send(target, agent));
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(one(due));
  }
  await Promise.all(pending);
  agent.destroy();
  if (pool) {
    pool.requests += total;
    pool.seconds += (performance.now() - started) / 1000;
  }
}

/**
 * Closed loop for writes: `connections` clients, each sending its next request as soon as the
 * last is answered (as autocannon does), and at the end of a slice waiting for the answers still
 * due. autocannon drops its connections at the end while the server goes on with their requests
 * into the next slice: harmless for reads, but a write then overlaps the other side's, and two
 * processes writing one SQLite file fail each other's transactions (SQLITE_BUSY).
 */
async function driveWrites(target: Target, plan: Plan, seconds: number, pool?: Pool): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections });
  const started = performance.now();
  const end = started + seconds * 1000;
  let requests = 0;
  const client = async () => {
    while (performance.now() < end) {
      const sent = performance.now();
      record(pool, sent, await send(target, agent));
      requests++;
    }
  };
  await Promise.all(Array.from({ length: plan.connections }, client));
  agent.destroy();
  if (pool) {
    pool.requests += requests;
    pool.seconds += (performance.now() - started) / 1000;
  }
}

/** One request (a POST when the target has a body); its status once answered, 0 for an error or timeout. */
function send(target: Target, agent: http.Agent): Promise<number> {
  return new Promise((resolve) => {
    const body = target.body?.();
    const headers =
      body === undefined ? target.headers : { ...target.headers, 'content-type': 'application/json' };
    const request = http.request(
      target.url,
      { agent, headers, method: body === undefined ? 'GET' : 'POST' },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.setTimeout(10_000, () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve(0));
    request.end(body);
  });
}

/** A latency from `since`, and a failure unless the answer was a 2xx. */
function record(pool: Pool | undefined, since: number, status: number) {
  if (!pool) return;
  pool.latencies.push(performance.now() - since);
  if (status < 200 || status >= 300) pool.failed += 1;
}

function figures(pool: Pool): Figures {
  const sorted = pool.latencies.sort((a, b) => a - b);
  const percentile = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return {
    requestsPerSecond: pool.requests / pool.seconds,
    p50: percentile(0.5),
    p99: percentile(0.99),
    failed: pool.failed,
  };
}

/**
 * Warms both sides up, then measures them in alternating slices (server, baseline, server, …).
 * On a shared machine the load of other processes drifts; alternating puts each server slice
 * beside a baseline slice taken under the same load, which keeps the ratio honest.
 */
export async function compare(server: Target, baseline: Target, plan: Plan) {
  await drive(server, plan, plan.warmup);
  await drive(baseline, plan, plan.warmup);
  const pools = [server, baseline].map((): Pool => ({ requests: 0, seconds: 0, latencies: [], failed: 0 }));
  const slice = plan.seconds / plan.rounds;
  for (let round = 0; round < plan.rounds; round++) {
    await drive(server, plan, slice, pools[0]);
    await drive(baseline, plan, slice, pools[1]);
  }
  const [s, b] = pools.map((p) => figures(p as Pool)) as [Figures, Figures];
  return { server: s, baseline: b };
}
