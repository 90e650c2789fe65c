import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { rowCount, type TestClient, type TestEnv } from './harness.js';

/** Helpers of the bad-input suites: bad input is refused in the one error shape, never with a 5xx, and changes nothing. */

export const CJK = /[\u4e00-\u9fff]/;
export const LIMIT = 1024 * 1024;
export const generous = { config: { loginRateLimit: { maxAttempts: 100_000, windowMinutes: 5 } } };

export async function fingerprint(env: TestEnv) {
  const { db } = env.ctx;
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'scope', 'disabled', 'password_hash', 'updated_at'])
    .orderBy('id')
    .execute();
  const regions = await db.selectFrom('regions').select(['code', 'name']).orderBy('code').execute();
  return JSON.stringify({
    users,
    regions,
    sessions: await rowCount(env, 'sessions'),
    audit: await rowCount(env, 'audit_log'),
  });
}

/** Stack frames, SQL and driver words must never reach a client. */
export const LEAK =
  /\bat [\w.<>[\] ]+ \(|\.[cm]?[jt]s:\d+|\bselect\b.*\bfrom\b|\binsert into\b|sqlite|relation "|syntax error|node_modules|kysely|\bpg\b/i;

export function expectErrorShape(response: LightMyRequestResponse, label = '') {
  expect(response.statusCode, `${label} ${response.body}`).toBeLessThan(500);
  if (response.statusCode < 400) return;
  expect(response.headers['content-type'], label).toMatch(/^application\/json/);
  const body = response.json();
  expect(Object.keys(body), label).toEqual(['error']);
  expect(body.error.code, label).toMatch(/^[A-Z][A-Z_]+$/);
  expect(typeof body.error.message, label).toBe('string');
  expect(body.error.message.length, label).toBeGreaterThan(0);
  // A detail's path may echo a property name the client sent; the rest is ours.
  const ours = JSON.stringify({
    ...body.error,
    details: body.error.details?.map((d: { message: string }) => d.message),
  });
  expect(ours, label).not.toMatch(LEAK);
}

export const json = (client: TestClient, method: 'POST' | 'PATCH', url: string, raw: string, headers = {}) =>
  client.request({ method, url, payload: raw, headers: { 'content-type': 'application/json', ...headers } });
