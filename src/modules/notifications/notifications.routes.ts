import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOfRequest, requireUser } from '../../platform/auth/guards.js';
import { langOf } from '../../platform/i18n.js';
import { ErrorResponse, Id } from '../../platform/schemas.js';
import { NotificationInbox, Unread } from './notifications.schemas.js';
import { listNotifications, markNotificationsRead } from './notifications.service.js';

const errors = { 401: ErrorResponse, 404: ErrorResponse };
const tags = ['notifications'];

/** Every account reads its own notifications; nobody reads another's. */
export async function notificationsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;

  app.get(
    '/api/notifications',
    { schema: { tags, response: { 200: NotificationInbox, ...errors } }, preHandler: requireUser() },
    async (request) =>
      listNotifications(ctx, actorOfRequest(request), langOf(request.headers['accept-language'])),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: { tags, params: Type.Object({ id: Id }), response: { 200: Unread, ...errors } },
      preHandler: requireUser(),
    },
    async (request) => markNotificationsRead(ctx, actorOfRequest(request), request.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    { schema: { tags, response: { 200: Unread, ...errors } }, preHandler: requireUser() },
    async (request) => markNotificationsRead(ctx, actorOfRequest(request)),
  );
}
