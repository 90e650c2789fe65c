import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ErrorResponse } from '../schemas.js';
import { LoginBody, PasswordBody, SessionResponse } from './auth.schemas.js';
import { changePassword, login, logout } from './auth.service.js';
import { actorOfRequest, requireUser, sessionOf } from './guards.js';
import { presentUser } from './present-user.js';
import { SESSION_COOKIE } from './sessions.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  423: ErrorResponse,
  429: ErrorResponse,
};

export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.production,
  } as const;

  app.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], body: LoginBody, response: { 200: SessionResponse, ...errors } } },
    async (request, reply) => {
      const result = await login(ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
        previousSessionId: request.session?.id,
      });
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return { user: await presentUser(ctx, result.user), csrfToken: result.csrfToken };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], response: { 200: SessionResponse, 401: ErrorResponse } },
      preHandler: requireUser({ allowPasswordChangePending: true }),
    },
    async (request) => {
      const session = sessionOf(request);
      return { user: await presentUser(ctx, session.user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], response: { 204: Type.Null(), ...errors } },
      preHandler: requireUser({ allowPasswordChangePending: true }),
    },
    async (request, reply) => {
      const session = sessionOf(request);
      await logout(ctx, actorOfRequest(request), session.id, session.user.scope);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], body: PasswordBody, response: { 204: Type.Null(), ...errors } },
      preHandler: requireUser({ allowPasswordChangePending: true }),
    },
    async (request, reply) => {
      const session = sessionOf(request);
      await changePassword(ctx, session.user, session.id, { ...request.body, ip: request.ip });
      return reply.status(204).send(null);
    },
  );
}
