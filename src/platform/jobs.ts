import type { FastifyBaseLogger } from 'fastify';
import { dateInShanghai, isoNow } from './clock.js';
import type { AppContext } from './context.js';

/** A job that runs once a day, at or after an hour of the Shanghai clock. */
export interface DailyJob {
  name: string;
  /** 0–23, Asia/Shanghai. */
  hour: number;
  run(ctx: AppContext, day: string): Promise<void>;
}

const shanghaiHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  hourCycle: 'h23',
});

/**
 * Runs each job whose hour has come and that has not run today. The `job_runs` row is the lock:
 * when several servers share a database, the one whose insert succeeds runs the job. A failed
 * run gives its row back, so the next tick tries again. Answers the names of the jobs it ran.
 */
export async function runDueDailyJobs(ctx: AppContext, jobs: DailyJob[]): Promise<string[]> {
  const now = ctx.clock.now();
  const day = dateInShanghai(now);
  const hour = Number(shanghaiHour.format(now));
  const ran: string[] = [];
  for (const job of jobs) {
    if (hour < job.hour) continue;
    const claimed = await ctx.db
      .insertInto('job_runs')
      .values({ job: job.name, run_on: day, started_at: isoNow(ctx.clock), finished_at: null })
      .onConflict((oc) => oc.columns(['job', 'run_on']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    try {
      await job.run(ctx, day);
    } catch (err) {
      await ctx.db.deleteFrom('job_runs').where('job', '=', job.name).where('run_on', '=', day).execute();
      throw err;
    }
    await ctx.db
      .updateTable('job_runs')
      .set({ finished_at: isoNow(ctx.clock) })
      .where('job', '=', job.name)
      .where('run_on', '=', day)
      .execute();
    ran.push(job.name);
  }
  return ran;
}

/** Checks every minute (and once at start) for daily jobs that are due. */
export function startDailyJobs(ctx: AppContext, jobs: DailyJob[], log: FastifyBaseLogger): () => void {
  const tick = () => {
    runDueDailyJobs(ctx, jobs).catch((err: unknown) => log.error({ err }, 'daily job failed'));
  };
  tick();
  const timer = setInterval(tick, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
