import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOfRequest, requirePermission } from '../../platform/auth/guards.js';
import { ErrorResponse } from '../../platform/schemas.js';
import {
  CreateOrganisationBody,
  OrganisationListQuery,
  OrganisationPage,
  OrganisationView,
  UpdateOrganisationBody,
} from './organisations.schemas.js';
import {
  createOrganisation,
  deleteOrganisation,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
} from './organisations.service.js';
import { IdParams } from './places.schemas.js';
import { registryPolicy } from './registry.policy.js';

const tags = ['registry'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const writeErrors = { ...errors, 409: ErrorResponse };

/** Organisations 单位 and shops 商铺 of the grids (registered by `placesRoutes`). */
export async function organisationsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;
  const read = requirePermission(registryPolicy, 'read');
  const write = requirePermission(registryPolicy, 'write');

  app.get(
    '/api/organisations',
    {
      schema: { tags, querystring: OrganisationListQuery, response: { 200: OrganisationPage, ...errors } },
      preHandler: read,
    },
    async (request) => listOrganisations(ctx, actorOfRequest(request), request.query),
  );
  app.post(
    '/api/organisations',
    {
      schema: { tags, body: CreateOrganisationBody, response: { 201: OrganisationView, ...writeErrors } },
      preHandler: write,
    },
    async (request, reply) =>
      reply.status(201).send(await createOrganisation(ctx, actorOfRequest(request), request.body)),
  );
  app.get(
    '/api/organisations/:id',
    { schema: { tags, params: IdParams, response: { 200: OrganisationView, ...errors } }, preHandler: read },
    async (request) => getOrganisation(ctx, actorOfRequest(request), request.params.id),
  );
  app.patch(
    '/api/organisations/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateOrganisationBody,
        response: { 200: OrganisationView, ...writeErrors },
      },
      preHandler: write,
    },
    async (request) => updateOrganisation(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.delete(
    '/api/organisations/:id',
    {
      schema: { tags, params: IdParams, response: { 204: Type.Null(), ...writeErrors } },
      preHandler: write,
    },
    async (request, reply) => {
      await deleteOrganisation(ctx, actorOfRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
