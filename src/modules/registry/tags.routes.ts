import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOfRequest, requirePermission, requireUser } from '../../platform/auth/guards.js';
import { forbidden } from '../../platform/errors.js';
import { ErrorResponse } from '../../platform/schemas.js';
import { registryPolicy } from './registry.policy.js';
import { CreateTagBody, TagList, TagParams, TagSchema, UpdateTagBody } from './tags.schemas.js';
import { createTag, listTags, updateTag } from './tags.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const tags = ['registry'];

export async function tagsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;
  const manage = requirePermission(registryPolicy, 'manageTags');

  app.get(
    '/api/tags',
    {
      schema: {
        tags,
        summary: 'the care tag catalog (重点人群)',
        response: { 200: TagList, 401: ErrorResponse, 403: ErrorResponse },
      },
      preHandler: requireUser(),
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const canManage = registryPolicy.allows(actor.role, 'manageTags');
      if (!canManage && !registryPolicy.allows(actor.role, 'read')) throw forbidden();
      return listTags(ctx, actor, canManage);
    },
  );

  app.post(
    '/api/tags',
    {
      schema: { tags, body: CreateTagBody, response: { 201: TagSchema, ...errors, 409: ErrorResponse } },
      preHandler: manage,
    },
    async (request, reply) =>
      reply.status(201).send(await createTag(ctx, actorOfRequest(request), request.body)),
  );

  app.patch(
    '/api/tags/:id',
    {
      schema: { tags, params: TagParams, body: UpdateTagBody, response: { 200: TagSchema, ...errors } },
      preHandler: manage,
    },
    async (request) => updateTag(ctx, actorOfRequest(request), request.params.id, request.body),
  );
}
