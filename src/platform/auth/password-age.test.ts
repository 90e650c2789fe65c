import { expect, it } from 'vitest';
import { DEMO_PASSWORD, describeEachDatabase } from '../../test/harness.js';

describeEachDatabase('password age', (env) => {
  it('asks for a new password once the current one is older than 90 days, and not a day before', async () => {
    env().clock.advanceMinutes(90 * 24 * 60 - 5);
    const early = await env().login('staff');
    expect((await early.get('/api/regions')).statusCode).toBe(200);
    expect((await early.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);

    env().clock.advanceMinutes(10);
    const late = await env().login('staff');
    const refused = await late.get('/api/regions');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await late.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);

    const changed = await late.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Renewed#2027',
    });
    expect(changed.statusCode).toBe(204);
    expect((await late.get('/api/regions')).statusCode).toBe(200);
    expect((await late.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
  });
});

describeEachDatabase(
  'password age disabled',
  (env) => {
    it('never expires passwords when the maximum age is 0', async () => {
      env().clock.advanceMinutes(5 * 365 * 24 * 60);
      const client = await env().login('staff');
      expect((await client.get('/api/regions')).statusCode).toBe(200);
    });
  },
  { config: { passwordMaxAgeDays: 0 } },
);
