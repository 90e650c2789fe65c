import { expect, it } from 'vitest';
import { describeEachDatabase, userIdOf as idOf, type TestClient, type TestEnv } from '../../test/harness.js';

const sessionCount = async (env: TestEnv, userId: number) =>
  Number(
    (
      await env.ctx.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function expectLoggedOut(client: TestClient) {
  const me = await client.get('/api/auth/me');
  expect(me.statusCode).toBe(401);
  expect(me.json().error.code).toBe('UNAUTHENTICATED');
}

describeEachDatabase(
  'sessions',
  (env) => {
    it('stores only a hash of the cookie token', async () => {
      const client = await env().login('staff');
      const rows = await env().ctx.db.selectFrom('sessions').select(['id', 'csrf_token']).execute();
      expect(client.cookie).toBeTruthy();
      expect(rows.map((r) => r.id)).not.toContain(client.cookie);
      expect(rows.map((r) => r.csrf_token)).toContain(client.csrfToken);
    });

    it('ends after 30 idle minutes: 401, the row is gone and the cookie is cleared', async () => {
      const id = await idOf(env(), 'grid');
      const before = await sessionCount(env(), id);
      const client = await env().login('grid');
      expect(await sessionCount(env(), id)).toBe(before + 1);
      env().clock.advanceMinutes(30);
      const me = await client.get('/api/auth/me');
      expect(me.statusCode).toBe(401);
      expect(me.json().error.code).toBe('UNAUTHENTICATED');
      expect(me.cookies.find((c) => c.name === 'jiceng_sid')?.value).toBe('');
      expect(await sessionCount(env(), id)).toBe(before);
      // A mutation with the dead session is refused as unauthenticated too.
      const write = await client.post('/api/auth/logout');
      expect(write.statusCode).toBe(401);
    });

    it('stays alive while used within the window: 29 minutes, a request, 29 more, still in', async () => {
      const client = await env().login('secretary');
      for (let i = 0; i < 3; i++) {
        env().clock.advanceMinutes(29);
        const me = await client.get('/api/regions');
        expect(me.statusCode, `after ${29 * (i + 1)} minutes`).toBe(200);
      }
      env().clock.advanceMinutes(31);
      await expectLoggedOut(client);
    });

    it('ends every other session of a user who changes their password, and keeps the current one', async () => {
      const a = await env().login('street');
      const b = await env().login('street');
      const changed = await a.post('/api/auth/password', {
        currentPassword: 'Jiceng@2026',
        newPassword: 'Street-Changed-1',
      });
      expect(changed.statusCode).toBe(204);
      expect((await a.get('/api/auth/me')).statusCode).toBe(200);
      await expectLoggedOut(b);
      expect(await sessionCount(env(), await idOf(env(), 'street'))).toBe(1);
      expect((await env().anonymous().login('street')).statusCode).toBe(401);
      expect((await env().anonymous().login('street', 'Street-Changed-1')).statusCode).toBe(200);
    });

    it('ends all sessions of a user whose password an admin resets', async () => {
      const a = await env().login('district');
      const b = await env().login('district');
      const admin = await env().login('admin');
      const reset = await admin.post(`/api/users/${await idOf(env(), 'district')}/reset-password`, {});
      expect(reset.statusCode).toBe(200);
      await expectLoggedOut(a);
      await expectLoggedOut(b);
      expect(await sessionCount(env(), await idOf(env(), 'district'))).toBe(0);
    });

    it('ends the sessions of a user whose role or scope an admin changes', async () => {
      const admin = await env().login('admin');
      const county = await env().login('county');
      const countyId = await idOf(env(), 'county');
      const role = await admin.patch(`/api/users/${countyId}`, { role: 'visit_reviewer' });
      expect(role.statusCode).toBe(200);
      await expectLoggedOut(county);

      const reporter = await env().login('reporter');
      const scope = await admin.patch(`/api/users/${await idOf(env(), 'reporter')}`, { scope: '5301' });
      expect(scope.statusCode).toBe(200);
      await expectLoggedOut(reporter);
    });

    it('keeps the sessions when only the display name changes', async () => {
      const admin = await env().login('admin');
      const volunteer = await env().login('volunteer');
      const renamed = await admin.patch(`/api/users/${await idOf(env(), 'volunteer')}`, {
        displayName: '刘志愿（改）',
      });
      expect(renamed.statusCode).toBe(200);
      const me = await volunteer.get('/api/auth/me');
      expect(me.statusCode).toBe(200);
      expect(me.json().user.displayName).toBe('刘志愿（改）');
    });

    it('ends the sessions of a disabled user, whose session cannot come back when re-enabled', async () => {
      const admin = await env().login('admin');
      const canteen = await env().login('canteen');
      const id = await idOf(env(), 'canteen');
      expect((await admin.patch(`/api/users/${id}`, { disabled: true })).statusCode).toBe(200);
      await expectLoggedOut(canteen);
      expect(await sessionCount(env(), id)).toBe(0);
      expect((await admin.patch(`/api/users/${id}`, { disabled: false })).statusCode).toBe(200);
      await expectLoggedOut(canteen);
      expect((await env().anonymous().login('canteen')).statusCode).toBe(200);
    });

    it('deletes the session row on logout, and the old cookie is dead', async () => {
      const client = await env().login('party');
      const cookie = client.cookie;
      const id = await idOf(env(), 'party');
      const before = await sessionCount(env(), id);
      const out = await client.post('/api/auth/logout');
      expect(out.statusCode).toBe(204);
      expect(out.cookies.find((c) => c.name === 'jiceng_sid')?.value).toBe('');
      expect(await sessionCount(env(), id)).toBe(before - 1);
      const replay = env().anonymous();
      replay.cookie = cookie;
      await expectLoggedOut(replay);
    });

    it('refuses a made-up cookie', async () => {
      const client = env().anonymous();
      client.cookie = 'not-a-real-session-token';
      await expectLoggedOut(client);
    });
  },
  { config: { loginRateLimit: { maxAttempts: 1000, windowMinutes: 5 } } },
);
