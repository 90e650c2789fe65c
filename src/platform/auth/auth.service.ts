import type { UserRow } from '../../db/types.js';
import { audit } from '../audit/audit.js';
import { isoNow, minutesAgo } from '../clock.js';
import { type Actor, type AppContext, inTransaction, systemActor } from '../context.js';
import { AppError } from '../errors.js';
import { hashPassword, isStrongPassword, verifyNothing, verifyPassword } from './passwords.js';
import { createSession, deleteSession, deleteSessionsOf } from './sessions.js';

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string;
  /** The session the browser had before; logging in replaces it. */
  previousSessionId?: string | undefined;
}

/** Who acts in a failed login: nobody known yet. */
const ANONYMOUS = (ip: string): Actor => ({
  id: null,
  username: 'anonymous',
  displayName: 'anonymous',
  role: 'anonymous',
  scope: '',
  ip,
});

const secondsUntil = (ctx: AppContext, iso: string) =>
  Math.max(1, Math.ceil((Date.parse(iso) - ctx.clock.now().getTime()) / 1000));

function lockedError(ctx: AppContext, lockedUntil: string): AppError {
  const seconds = secondsUntil(ctx, lockedUntil);
  return new AppError(423, 'ACCOUNT_LOCKED', { minutes: Math.ceil(seconds / 60) }, undefined, seconds);
}

/**
 * Per-IP limit on failed logins, whatever the username: slows guessing across accounts. Only
 * failures count, so a busy office behind one address is never stopped by its own logins.
 */
async function checkIpRate(ctx: AppContext, ip: string): Promise<void> {
  const { maxAttempts, windowMinutes } = ctx.config.loginRateLimit;
  const recent = await ctx.db
    .selectFrom('login_attempts')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('at').as('oldest')])
    .where('ip', '=', ip)
    .where('success', '=', 0)
    .where('at', '>', minutesAgo(ctx.clock, windowMinutes))
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= maxAttempts && recent.oldest) {
    const until = new Date(Date.parse(recent.oldest) + windowMinutes * 60_000).toISOString();
    const seconds = secondsUntil(ctx, until);
    throw new AppError(429, 'RATE_LIMITED', { seconds }, undefined, seconds);
  }
}

async function recordAttempt(ctx: AppContext, input: LoginInput, success: boolean) {
  await ctx.db
    .insertInto('login_attempts')
    .values({ at: isoNow(ctx.clock), username: input.username, ip: input.ip, success: success ? 1 : 0 })
    .execute();
}

/**
 * A failed login. The 5th failure within 15 minutes (counted since the last success or unlock)
 * locks the account for 15 minutes and is answered as locked at once.
 */
async function registerFailure(ctx: AppContext, user: UserRow, input: LoginInput): Promise<AppError> {
  const { maxFailures, windowMinutes, lockMinutes } = ctx.config.lockout;
  const windowStart = minutesAgo(ctx.clock, windowMinutes);
  const since =
    user.failures_reset_at && user.failures_reset_at > windowStart ? user.failures_reset_at : windowStart;
  const { n } = await ctx.db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('username', '=', user.username)
    .where('success', '=', 0)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(n) < maxFailures) return new AppError(401, 'INVALID_CREDENTIALS');
  const now = isoNow(ctx.clock);
  const lockedUntil = new Date(ctx.clock.now().getTime() + lockMinutes * 60_000).toISOString();
  // Only the attempt that actually locks records the lock: concurrent failures that passed the
  // lock check before it was set find the account locked here and answer the same.
  const locked = await ctx.db
    .updateTable('users')
    .set({ locked_until: lockedUntil })
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  if (Number(locked.numUpdatedRows) === 0) {
    const current = await ctx.db
      .selectFrom('users')
      .select('locked_until')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    return lockedError(ctx, current.locked_until ?? lockedUntil);
  }
  await audit(ctx, systemActor(input.ip), {
    action: 'user.lock',
    entity: 'user',
    entityId: user.id,
    regionCode: user.scope,
    after: { username: user.username, lockedUntil, failures: Number(n) },
  });
  return lockedError(ctx, lockedUntil);
}

/**
 * Concurrent failures of one account are counted one after the other, so that each sees the
 * ones before it and the 5th locks. On PostgreSQL a row lock on the account does it (until the
 * transaction ends); SQLite runs one transaction at a time anyway.
 */
async function serializeFailuresOf(tx: AppContext, userId: number): Promise<void> {
  const row = tx.db.selectFrom('users').select('id').where('id', '=', userId);
  await (tx.database.dialect === 'postgres' ? row.forUpdate() : row).execute();
}

export async function login(ctx: AppContext, input: LoginInput) {
  await checkIpRate(ctx, input.ip);
  const user = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (user?.locked_until && user.locked_until > isoNow(ctx.clock)) {
    await recordAttempt(ctx, input, false);
    throw lockedError(ctx, user.locked_until);
  }
  let ok = false;
  if (user) ok = await verifyPassword(user.password_hash, input.password);
  else await verifyNothing(input.password);
  if (!user || !ok) {
    const failure = await inTransaction(ctx, async (tx) => {
      await recordAttempt(tx, input, false);
      if (!user) return new AppError(401, 'INVALID_CREDENTIALS');
      await serializeFailuresOf(tx, user.id);
      // Kept with the audit log (login_attempts lives one day): evidence of guessing at an account.
      // Unknown usernames are not kept: people type passwords into the username field.
      await audit(tx, ANONYMOUS(input.ip), {
        action: 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
        regionCode: user.scope,
      });
      return registerFailure(tx, user, input);
    });
    throw failure;
  }
  if (user.disabled) {
    await recordAttempt(ctx, input, false);
    throw new AppError(403, 'ACCOUNT_DISABLED');
  }
  return inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    await recordAttempt(tx, input, true);
    await tx.db
      .updateTable('users')
      .set({ last_login_at: now, failures_reset_at: now, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    if (input.previousSessionId) await deleteSession(tx, input.previousSessionId);
    const session = await createSession(tx, user.id, input.ip, input.userAgent);
    await audit(tx, actorOf(user, input.ip), {
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      regionCode: user.scope,
    });
    return { ...session, user: { ...user, last_login_at: now } };
  });
}

export const actorOf = (user: UserRow, ip: string): Actor => ({
  id: user.id,
  username: user.username,
  displayName: user.display_name,
  role: user.role,
  scope: user.scope,
  ip,
});

export async function logout(ctx: AppContext, actor: Actor, sessionId: string, regionCode: string) {
  await inTransaction(ctx, async (tx) => {
    await deleteSession(tx, sessionId);
    await audit(tx, actor, { action: 'auth.logout', entity: 'user', entityId: actor.id ?? '', regionCode });
  });
}

/** The user changes their own password; other sessions of theirs end. */
export async function changePassword(
  ctx: AppContext,
  user: UserRow,
  sessionId: string,
  input: { currentPassword: string; newPassword: string; ip: string },
) {
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new AppError(400, 'WRONG_PASSWORD');
  if (!isStrongPassword(input.newPassword) || input.newPassword === input.currentPassword) {
    throw new AppError(400, 'PASSWORD_WEAK', {}, [{ path: '/newPassword', message: 'PASSWORD_WEAK' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    await tx.db
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        must_change_password: 0,
        password_changed_at: now,
        updated_at: now,
      })
      .where('id', '=', user.id)
      .execute();
    await deleteSessionsOf(tx, user.id, sessionId);
    await audit(tx, actorOf(user, input.ip), {
      action: 'user.change_password',
      entity: 'user',
      entityId: user.id,
      regionCode: user.scope,
    });
  });
}
