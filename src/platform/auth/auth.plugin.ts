import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { csrfMatches, findSession, SESSION_COOKIE, type Session } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Logging in replaces whatever session the browser had, so it needs no token from the old one.
const CSRF_EXEMPT = new Set(['/api/auth/login']);

/** Finds the session behind the cookie and refuses mutations that lack its CSRF token. */
export const authPlugin = fp(async (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.session = (await findSession(ctx, token)) ?? null;
    if (!request.session) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    // Checked before the body is even read: a forged request gets nothing parsed or validated.
    if (SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(request.routeOptions.url ?? '')) return;
    if (!csrfMatches(request.session, request.headers['x-csrf-token']))
      throw new AppError(403, 'CSRF_INVALID');
  });
});
