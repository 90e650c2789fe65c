import type { FastifyBaseLogger } from 'fastify';
import { purgeIdleSessions } from './auth/sessions.js';
import { minutesAgo } from './clock.js';
import type { AppContext } from './context.js';

const EVERY_MS = 10 * 60_000;

/**
 * Periodic clean-up that keeps the session and login-attempt tables small. Idempotent, so it is
 * safe when several servers run it on one database.
 */
export async function runHousekeeping(ctx: AppContext): Promise<void> {
  await purgeIdleSessions(ctx);
  // Attempts only matter within the lockout and rate windows; a day is plenty.
  await ctx.db
    .deleteFrom('login_attempts')
    .where('at', '<', minutesAgo(ctx.clock, 24 * 60))
    .execute();
}

export function startHousekeeping(ctx: AppContext, log: FastifyBaseLogger): () => void {
  const timer = setInterval(() => {
    runHousekeeping(ctx).catch((err: unknown) => log.error({ err }, 'housekeeping failed'));
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
