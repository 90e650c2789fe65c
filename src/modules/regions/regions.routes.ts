import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOfRequest, requirePermission } from '../../platform/auth/guards.js';
import { ErrorResponse } from '../../platform/schemas.js';
import { regionsPolicy } from './regions.policy.js';
import {
  CreateGridBody,
  presentRegion,
  RegionDetail,
  RegionList,
  RegionListQuery,
  RegionParams,
  RegionSearchQuery,
  RenameGridBody,
} from './regions.schemas.js';
import { createGrid, getRegion, listRegions, renameGrid, searchRegions } from './regions.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export async function regionsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;
  const read = requirePermission(regionsPolicy, 'read');
  const write = requirePermission(regionsPolicy, 'createGrid');

  app.get(
    '/api/regions',
    {
      schema: { tags: ['regions'], querystring: RegionListQuery, response: { 200: RegionList, ...errors } },
      preHandler: read,
    },
    async (request) => {
      const items = await listRegions(ctx, actorOfRequest(request), request.query.parent);
      return { items: items.map(presentRegion) };
    },
  );

  app.get(
    '/api/regions/search',
    {
      schema: { tags: ['regions'], querystring: RegionSearchQuery, response: { 200: RegionList, ...errors } },
      preHandler: read,
    },
    async (request) => {
      const items = await searchRegions(ctx, actorOfRequest(request), request.query.q);
      return { items: items.map(presentRegion) };
    },
  );

  app.get(
    '/api/regions/:code',
    {
      schema: { tags: ['regions'], params: RegionParams, response: { 200: RegionDetail, ...errors } },
      preHandler: read,
    },
    async (request) => {
      const region = await getRegion(ctx, actorOfRequest(request), request.params.code);
      return {
        ...presentRegion(region),
        path: region.path.map((r) => ({ code: r.code, name: r.name, level: r.level })),
      };
    },
  );

  app.post(
    '/api/regions',
    {
      schema: {
        tags: ['regions'],
        body: CreateGridBody,
        response: { 201: { $ref: 'Region' }, ...errors, 409: ErrorResponse, 422: ErrorResponse },
      },
      preHandler: write,
    },
    async (request, reply) => {
      const region = await createGrid(ctx, actorOfRequest(request), request.body);
      return reply.status(201).send(presentRegion(region));
    },
  );

  app.patch(
    '/api/regions/:code',
    {
      schema: {
        tags: ['regions'],
        params: RegionParams,
        body: RenameGridBody,
        response: { 200: { $ref: 'Region' }, ...errors, 409: ErrorResponse, 422: ErrorResponse },
      },
      preHandler: write,
    },
    async (request) =>
      presentRegion(await renameGrid(ctx, actorOfRequest(request), request.params.code, request.body)),
  );
}
