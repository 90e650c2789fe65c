import { expect, it } from 'vitest';
import { describeEachDatabase } from './test/harness.js';

describeEachDatabase('health and API docs', (env) => {
  it('reports health and the database in use, without a session', async () => {
    const response = await env().anonymous().get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: env().dialect });
    expect(env().ctx.database.dialect).toBe(env().dialect);
  });

  it('serves an OpenAPI document listing every platform route', async () => {
    const response = await env().anonymous().get('/api/docs/json');
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toContain('Jiceng');
    const routes: [string, string][] = [
      ['get', '/api/health'],
      ['post', '/api/auth/login'],
      ['get', '/api/auth/me'],
      ['post', '/api/auth/logout'],
      ['post', '/api/auth/password'],
      ['get', '/api/regions'],
      ['post', '/api/regions'],
      ['get', '/api/regions/search'],
      ['get', '/api/regions/{code}'],
      ['patch', '/api/regions/{code}'],
      ['get', '/api/roles'],
      ['get', '/api/users'],
      ['post', '/api/users'],
      ['get', '/api/users/{id}'],
      ['patch', '/api/users/{id}'],
      ['post', '/api/users/{id}/unlock'],
      ['post', '/api/users/{id}/reset-password'],
      ['get', '/api/audit'],
      ['get', '/api/audit/export.xlsx'],
    ];
    for (const [method, path] of routes) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    // Request schemas are published: the login body names its fields.
    const login = doc.paths['/api/auth/login'].post;
    expect(JSON.stringify(login.requestBody)).toContain('username');
    expect(doc.paths['/api/users'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'role', 'scope', 'page', 'pageSize']),
    );
    // No route the platform does not have.
    expect(doc.paths['/api/audit'].delete).toBeUndefined();
  });

  it('serves the docs UI', async () => {
    const response = await env().anonymous().get('/api/docs');
    expect([200, 302]).toContain(response.statusCode);
  });

  it('answers an unknown API path with 404 in the error shape', async () => {
    for (const url of ['/api/nothing', '/api/users/1/nothing', '/api/regions/62/x']) {
      const response = await env().anonymous().get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: '未找到该记录' } });
    }
  });
});
