import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, describeEachDatabase } from '../../test/harness.js';

describeEachDatabase('auth', (env) => {
  it('logs in, reports the user with permissions, and sets an httpOnly SameSite=Lax cookie', async () => {
    const client = env().anonymous();
    const response = await client.login('admin');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user.username).toBe('admin');
    expect(body.user.permissions).toContain('users.manage');
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(typeof body.csrfToken).toBe('string');
    const cookie = response.cookies.find((c) => c.name === 'jiceng_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('admin');
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS, in Chinese by default and English on request', async () => {
    const client = env().anonymous();
    const zh = await client.login('staff', 'wrong-Password1');
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(zh.json().error.message).toBe('用户名或密码不正确');
    const en = await client.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'x' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.statusCode).toBe(401);
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('answers 401 without a session and after logout', async () => {
    const client = await env().login('street');
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
    expect((await env().anonymous().get('/api/regions')).statusCode).toBe(401);
  });
});

describe('demo password', () => {
  it('meets the password policy it asks of everyone', async () => {
    const { isStrongPassword } = await import('./passwords.js');
    expect(isStrongPassword(DEMO_PASSWORD)).toBe(true);
  });
});
