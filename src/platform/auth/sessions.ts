import crypto from 'node:crypto';
import type { UserRow } from '../../db/types.js';
import { isoNow, minutesAgo } from '../clock.js';
import type { AppContext } from '../context.js';

export const SESSION_COOKIE = 'jiceng_sid';

export interface Session {
  id: string;
  csrfToken: string;
  user: UserRow;
}

const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');
const randomToken = (bytes: number) => crypto.randomBytes(bytes).toString('base64url');

/** Creates a session; returns the cookie token (shown to the client only) and the CSRF token. */
export async function createSession(ctx: AppContext, userId: number, ip: string, userAgent: string) {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const now = isoNow(ctx.clock);
  await ctx.db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      ip,
      user_agent: userAgent.slice(0, 300),
    })
    .execute();
  return { token, csrfToken };
}

// Touching last_seen_at on every request would turn every read into a write; once a minute
// is precise enough for a 30-minute idle timeout.
const TOUCH_AFTER_MS = 60_000;

/**
 * The live session behind a cookie token, or undefined. A session idle for longer than the
 * configured timeout, or of a disabled account, is deleted here.
 */
export async function findSession(ctx: AppContext, token: string): Promise<Session | undefined> {
  const id = sha256(token);
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.last_seen_at'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { csrf_token, last_seen_at, ...user } = row;
  if (last_seen_at < minutesAgo(ctx.clock, ctx.config.idleMinutes) || user.disabled) {
    await ctx.db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  if (ctx.clock.now().getTime() - Date.parse(last_seen_at) > TOUCH_AFTER_MS) {
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: isoNow(ctx.clock) })
      .where('id', '=', id)
      .execute();
  }
  return { id, csrfToken: csrf_token, user };
}

export async function deleteSession(ctx: AppContext, id: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (password reset, role or scope change, account disabled). */
export async function deleteSessionsOf(ctx: AppContext, userId: number, exceptId?: string): Promise<void> {
  let query = ctx.db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  await query.execute();
}

/** Drops sessions idle past the timeout; run by the periodic job so the table stays small. */
export async function purgeIdleSessions(ctx: AppContext): Promise<number> {
  const result = await ctx.db
    .deleteFrom('sessions')
    .where('last_seen_at', '<', minutesAgo(ctx.clock, ctx.config.idleMinutes))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function csrfMatches(session: Session, header: unknown): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(header);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
