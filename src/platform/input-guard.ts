import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/**
 * The JSON pointer of the first value no schema keyword can refuse, if any:
 * - a non-finite number: ajv coerces the string "1e400" (or "Infinity") to Infinity, which then
 *   passes `integer` and skips `maximum` (ajv-validator/ajv#2212);
 * - a string holding U+0000, which PostgreSQL cannot store and SQLite would: refused on both so
 *   that the two databases keep the same data.
 */
function invalidPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path || '/';
  if (typeof value === 'string') return value.includes('\u0000') ? path || '/' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = invalidPath(item, `${path}/${key}`);
    if (found) return found;
  }
  return undefined;
}

/** Refuses, after schema validation and before any handler, the inputs described above. */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preHandler', async (request) => {
    const path =
      invalidPath(request.params, '') ?? invalidPath(request.query, '') ?? invalidPath(request.body, '');
    if (path) throw new AppError(400, 'VALIDATION_FAILED', {}, [{ path, message: 'VALIDATION_FAILED' }]);
  });
}
