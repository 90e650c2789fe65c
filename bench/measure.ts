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
  const one = (due: number) =>
    new Promise<void>((resolve) => {
      const request = http.get(target.url, { agent, headers: target.headers }, (response) => {
        response.resume();
        response.on('end', () => {
          if (pool) {
            pool.latencies.push(performance.now() - due);
            if ((response.statusCode ?? 0) >= 300) pool.failed += 1;
          }
          resolve();
        });
      });
      request.setTimeout(10_000, () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        if (pool) pool.failed += 1;
        resolve();
      });
    });
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
