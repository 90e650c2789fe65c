import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOfRequest, requirePermission, requireUser } from '../../platform/auth/guards.js';
import { langOf } from '../../platform/i18n.js';
import { ROLE_NAMES, ROLES } from '../../platform/roles.js';
import { ErrorResponse } from '../../platform/schemas.js';
import { usersPolicy } from './users.policy.js';
import {
  CreateUserBody,
  CreateUserResponse,
  ResetPasswordBody,
  ResetPasswordResponse,
  RoleList,
  UpdateUserBody,
  UserListQuery,
  UserPage,
  UserParams,
} from './users.schemas.js';
import { createUser, getUser, listUsers, resetPassword, unlockUser, updateUser } from './users.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const writeErrors = { ...errors, 409: ErrorResponse, 422: ErrorResponse };
const user = { $ref: 'User' };

export async function usersRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;
  const manage = requirePermission(usersPolicy, 'manage');

  app.get(
    '/api/roles',
    {
      schema: { tags: ['users'], response: { 200: RoleList, 401: ErrorResponse } },
      preHandler: requireUser(),
    },
    async (request) => {
      const lang = langOf(request.headers['accept-language']);
      return { items: ROLES.map((code) => ({ code, name: ROLE_NAMES[code][lang] })) };
    },
  );

  app.get(
    '/api/users',
    {
      schema: { tags: ['users'], querystring: UserListQuery, response: { 200: UserPage, ...errors } },
      preHandler: manage,
    },
    async (request) => listUsers(ctx, actorOfRequest(request), request.query),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        body: CreateUserBody,
        response: { 201: CreateUserResponse, ...writeErrors },
      },
      preHandler: manage,
    },
    async (request, reply) =>
      reply.status(201).send(await createUser(ctx, actorOfRequest(request), request.body)),
  );

  app.get(
    '/api/users/:id',
    {
      schema: { tags: ['users'], params: UserParams, response: { 200: user, ...errors } },
      preHandler: manage,
    },
    async (request) => getUser(ctx, actorOfRequest(request), request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        params: UserParams,
        body: UpdateUserBody,
        response: { 200: user, ...writeErrors },
      },
      preHandler: manage,
    },
    async (request) => updateUser(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: { tags: ['users'], params: UserParams, response: { 200: user, ...errors } },
      preHandler: manage,
    },
    async (request) => unlockUser(ctx, actorOfRequest(request), request.params.id),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        params: UserParams,
        body: ResetPasswordBody,
        response: { 200: ResetPasswordResponse, ...errors },
      },
      // The body is optional (no body: a generated password); validation needs an object.
      preValidation: async (request) => {
        request.body ??= {};
      },
      preHandler: manage,
    },
    async (request) => resetPassword(ctx, actorOfRequest(request), request.params.id, request.body),
  );
}
