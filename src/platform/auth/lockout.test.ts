import { expect, it } from 'vitest';
import { DEMO_PASSWORD, describeEachDatabase, type TestEnv, userIdOf as userId } from '../../test/harness.js';

const WRONG = 'Wrong-Password-1';

/** Every test logs in from an address of its own, so per-IP limits never mix between tests. */
let nextIp = 1;
const freshIp = () => `10.23.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;

function clientFrom(env: TestEnv, ip = freshIp()) {
  const client = env.anonymous();
  client.ip = ip;
  return client;
}

async function adminFrom(env: TestEnv) {
  const admin = clientFrom(env);
  expect((await admin.login('admin')).statusCode).toBe(200);
  return admin;
}

async function auditOf(env: TestEnv, action: string, entityId: number) {
  return env.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
}

describeEachDatabase('account lockout', (env) => {
  it('lets a user in after 4 failures, and the success starts the count again', async () => {
    const client = clientFrom(env());
    for (let i = 0; i < 4; i++) {
      const r = await client.login('volunteer', WRONG);
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    expect((await client.login('volunteer')).statusCode).toBe(200);
    // Without the reset, the next failure would be the 5th within 15 minutes and lock.
    for (let i = 0; i < 4; i++) expect((await client.login('volunteer', WRONG)).statusCode).toBe(401);
    expect((await client.login('volunteer')).statusCode).toBe(200);
    const id = await userId(env(), 'volunteer');
    expect(await auditOf(env(), 'user.lock', id)).toHaveLength(0);
  });

  it('locks at the 5th failure within 15 minutes: 423 with retryAfterSeconds and Retry-After', async () => {
    const client = clientFrom(env());
    for (let i = 0; i < 4; i++) expect((await client.login('party', WRONG)).statusCode).toBe(401);
    const fifth = await client.login('party', WRONG);
    expect(fifth.statusCode).toBe(423);
    const error = fifth.json().error;
    expect(error.code).toBe('ACCOUNT_LOCKED');
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(890);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(900);
    expect(fifth.headers['retry-after']).toBe(String(error.retryAfterSeconds));
    expect(error.message).toContain('15 分钟');
  });

  it('answers 423 while locked whatever the password, even from another address, until 15 minutes pass', async () => {
    const client = clientFrom(env());
    for (let i = 0; i < 5; i++) await client.login('canteen', WRONG);
    const right = await clientFrom(env()).login('canteen');
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(right.cookies.find((c) => c.name === 'jiceng_sid')).toBeUndefined();
    // A wrong password during the lock gets the same answer: the lock reveals nothing.
    const wrong = await client.login('canteen', WRONG);
    expect(wrong.statusCode).toBe(423);
    expect(wrong.json().error.code).toBe('ACCOUNT_LOCKED');

    env().clock.advanceMinutes(14);
    const later = await client.login('canteen');
    expect(later.statusCode).toBe(423);
    expect(later.json().error.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(later.json().error.retryAfterSeconds).toBeGreaterThan(0);
    expect(later.json().error.message).toContain('1 分钟');

    env().clock.advanceMinutes(1);
    const after = await client.login('canteen');
    expect(after.statusCode).toBe(200);
    expect(after.json().user.lockedUntil).toBeNull();
  });

  it('does not lock when the failures are spread over more than 15 minutes', async () => {
    const client = clientFrom(env());
    for (let i = 0; i < 4; i++) {
      expect((await client.login('reporter', WRONG)).statusCode).toBe(401);
      env().clock.advanceMinutes(4);
    }
    // Five failures in 16 minutes, but never five within 15.
    const fifth = await client.login('reporter', WRONG);
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await client.login('reporter')).statusCode).toBe(200);
  });

  it('lets an admin unlock at once; the lock and the unlock are audited', async () => {
    const id = await userId(env(), 'reviewer');
    const attacker = clientFrom(env());
    for (let i = 0; i < 5; i++) await attacker.login('reviewer', WRONG);
    expect((await clientFrom(env()).login('reviewer')).statusCode).toBe(423);

    const admin = await adminFrom(env());
    const shown = await admin.get(`/api/users/${id}`);
    expect(shown.json().lockedUntil).not.toBeNull();
    const unlocked = await admin.post(`/api/users/${id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().lockedUntil).toBeNull();

    // The earlier failures no longer count: one more wrong password is a plain 401.
    expect((await attacker.login('reviewer', WRONG)).statusCode).toBe(401);
    const user = clientFrom(env());
    expect((await user.login('reviewer')).statusCode).toBe(200);

    const locks = await auditOf(env(), 'user.lock', id);
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatchObject({
      actor_name: 'system',
      role: 'system',
      entity: 'user',
      region_code: '53',
      ip: attacker.ip,
    });
    expect(JSON.parse(locks[0]?.after ?? '{}')).toMatchObject({ username: 'reviewer', failures: 5 });
    const unlocks = await auditOf(env(), 'user.unlock', id);
    expect(unlocks).toHaveLength(1);
    expect(unlocks[0]).toMatchObject({ actor_name: 'admin', role: 'admin', entity: 'user', ip: admin.ip });
    expect(JSON.parse(unlocks[0]?.before ?? '{}').lockedUntil).toEqual(expect.any(String));
    expect(JSON.parse(unlocks[0]?.after ?? '{}')).toEqual({ lockedUntil: null });
  });

  it('writes one lock record however many attempts follow while locked', async () => {
    const id = await userId(env(), 'county');
    const client = clientFrom(env());
    for (let i = 0; i < 9; i++) await client.login('county', WRONG);
    expect(await auditOf(env(), 'user.lock', id)).toHaveLength(1);
    // An admin unlocks so that the account is usable again.
    const admin = await adminFrom(env());
    expect((await admin.post(`/api/users/${id}/unlock`)).statusCode).toBe(200);
  });

  it('writes one lock record when failures arrive at the same time', async () => {
    const id = await userId(env(), 'secretary');
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => clientFrom(env()).login('secretary', WRONG)),
    );
    const statuses = responses.map((r) => r.statusCode);
    // Each failure sees the ones before it: exactly 4 pass as wrong passwords, the rest are locked out.
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 423)).toHaveLength(4);
    const locks = await auditOf(env(), 'user.lock', id);
    expect(locks).toHaveLength(1);
    const row = await env()
      .ctx.db.selectFrom('users')
      .select('locked_until')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.locked_until).toBe(JSON.parse(locks[0]?.after ?? '{}').lockedUntil);
    const admin = await adminFrom(env());
    expect((await admin.post(`/api/users/${id}/unlock`)).statusCode).toBe(200);
  });

  it('never locks or reveals unknown usernames', async () => {
    const client = clientFrom(env());
    const known = await client.login('district', WRONG);
    for (let i = 0; i < 7; i++) {
      const r = await client.login('no-such-user', WRONG);
      expect(r.statusCode).toBe(401);
      expect(r.body).toBe(known.body);
    }
  });

  it('a password reset by an admin also lifts a lock', async () => {
    const id = await userId(env(), 'street');
    const client = clientFrom(env());
    for (let i = 0; i < 5; i++) await client.login('street', WRONG);
    expect((await client.login('street')).statusCode).toBe(423);
    const admin = await adminFrom(env());
    const reset = await admin.post(`/api/users/${id}/reset-password`, {});
    expect(reset.statusCode).toBe(200);
    const again = await clientFrom(env()).login('street', reset.json().temporaryPassword);
    expect(again.statusCode).toBe(200);
    expect(again.json().user.mustChangePassword).toBe(true);
  });
});

describeEachDatabase(
  'login rate limit per IP',
  (env) => {
    it('answers 429 RATE_LIMITED past the limit from one address, whatever the account', async () => {
      const client = clientFrom(env());
      // Only failures count: an office behind one address logs in as often as it needs.
      for (let i = 0; i < 6; i++) expect((await client.login('admin')).statusCode).toBe(200);
      expect((await client.login('nobody-1', WRONG)).statusCode).toBe(401);
      expect((await client.login('nobody-2', WRONG)).statusCode).toBe(401);
      expect((await client.login('staff', WRONG)).statusCode).toBe(401);
      expect((await client.login('nobody-3', WRONG)).statusCode).toBe(401);
      // The limit (4) is reached: the next attempt is refused before the password is even checked.
      const limited = await client.login('staff');
      expect(limited.statusCode).toBe(429);
      const error = limited.json().error;
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(300);
      expect(limited.headers['retry-after']).toBe(String(error.retryAfterSeconds));
      expect(limited.cookies.find((c) => c.name === 'jiceng_sid')?.value || undefined).toBeUndefined();
      // Another address is not affected.
      expect((await clientFrom(env()).login('staff')).statusCode).toBe(200);
    });

    it('cannot be dodged with X-Forwarded-For when no proxy is trusted', async () => {
      const client = clientFrom(env());
      for (let i = 0; i < 4; i++) await client.login(`nobody-${i}`, WRONG);
      const spoofed = await client.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'staff', password: DEMO_PASSWORD },
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      expect(spoofed.statusCode).toBe(429);
    });

    it('does not count rate-limited attempts against the account, and lifts after the window', async () => {
      const client = clientFrom(env());
      for (let i = 0; i < 4; i++) await client.login(`nobody-${i}`, WRONG);
      // These wrong passwords are refused before they are checked: they cannot lock 'grid'.
      for (let i = 0; i < 6; i++) expect((await client.login('grid', WRONG)).statusCode).toBe(429);
      env().clock.advanceMinutes(5);
      const after = await client.login('grid');
      expect(after.statusCode).toBe(200);
    });
  },
  { config: { loginRateLimit: { maxAttempts: 4, windowMinutes: 5 } } },
);
