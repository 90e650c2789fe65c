import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOfRequest, requirePermission } from '../../platform/auth/guards.js';
import { ErrorResponse, PageQuery } from '../../platform/schemas.js';
import * as buildings from './buildings.service.js';
import * as estates from './estates.service.js';
import * as houses from './houses.service.js';
import { organisationsRoutes } from './organisations.routes.js';
import {
  BuildingListQuery,
  BuildingPage,
  BuildingView,
  CreateBuildingBody,
  CreateEstateBody,
  CreateHouseBody,
  CreateHouseholdBody,
  EstateListQuery,
  EstatePage,
  EstateView,
  HouseDetail,
  HouseholdView,
  HousePage,
  HouseView,
  IdParams,
  UpdateBuildingBody,
  UpdateEstateBody,
  UpdateHouseBody,
  UpdateHouseholdBody,
} from './places.schemas.js';
import { registryPolicy } from './registry.policy.js';

const tags = ['registry'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const writeErrors = { ...errors, 409: ErrorResponse };
const deleted = { 204: Type.Null({ description: 'deleted (kept, marked deleted)' }), ...writeErrors };

/**
 * Estates 小区, buildings 楼栋, houses 房屋 and households 户 (and, registered from here,
 * organisations and shops). Reads need `registry.read`, changes `registry.write`; rows outside
 * the caller's scope answer 404 like rows that do not exist.
 */
export async function placesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;
  const read = requirePermission(registryPolicy, 'read');
  const write = requirePermission(registryPolicy, 'write');

  // ---- estates
  app.get(
    '/api/estates',
    {
      schema: { tags, querystring: EstateListQuery, response: { 200: EstatePage, ...errors } },
      preHandler: read,
    },
    async (request) => estates.listEstates(ctx, actorOfRequest(request), request.query),
  );
  app.post(
    '/api/estates',
    {
      schema: { tags, body: CreateEstateBody, response: { 201: EstateView, ...writeErrors } },
      preHandler: write,
    },
    async (request, reply) =>
      reply.status(201).send(await estates.createEstate(ctx, actorOfRequest(request), request.body)),
  );
  app.get(
    '/api/estates/:id',
    { schema: { tags, params: IdParams, response: { 200: EstateView, ...errors } }, preHandler: read },
    async (request) => estates.getEstate(ctx, actorOfRequest(request), request.params.id),
  );
  app.patch(
    '/api/estates/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateEstateBody,
        response: { 200: EstateView, ...writeErrors },
      },
      preHandler: write,
    },
    async (request) => estates.updateEstate(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.delete(
    '/api/estates/:id',
    { schema: { tags, params: IdParams, response: deleted }, preHandler: write },
    async (request, reply) => {
      await estates.deleteEstate(ctx, actorOfRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- buildings
  app.get(
    '/api/buildings',
    {
      schema: { tags, querystring: BuildingListQuery, response: { 200: BuildingPage, ...errors } },
      preHandler: read,
    },
    async (request) => buildings.listBuildings(ctx, actorOfRequest(request), request.query),
  );
  app.post(
    '/api/buildings',
    {
      schema: { tags, body: CreateBuildingBody, response: { 201: BuildingView, ...writeErrors } },
      preHandler: write,
    },
    async (request, reply) =>
      reply.status(201).send(await buildings.createBuilding(ctx, actorOfRequest(request), request.body)),
  );
  app.get(
    '/api/buildings/:id',
    { schema: { tags, params: IdParams, response: { 200: BuildingView, ...errors } }, preHandler: read },
    async (request) => buildings.getBuilding(ctx, actorOfRequest(request), request.params.id),
  );
  app.patch(
    '/api/buildings/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateBuildingBody,
        response: { 200: BuildingView, ...writeErrors },
      },
      preHandler: write,
    },
    async (request) =>
      buildings.updateBuilding(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.delete(
    '/api/buildings/:id',
    { schema: { tags, params: IdParams, response: deleted }, preHandler: write },
    async (request, reply) => {
      await buildings.deleteBuilding(ctx, actorOfRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/buildings/:id/houses',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: Type.Object(PageQuery),
        response: { 200: HousePage, ...errors },
      },
      preHandler: read,
    },
    async (request) =>
      houses.listHousesOfBuilding(ctx, actorOfRequest(request), request.params.id, request.query),
  );

  // ---- houses
  app.post(
    '/api/houses',
    {
      schema: { tags, body: CreateHouseBody, response: { 201: HouseView, ...writeErrors } },
      preHandler: write,
    },
    async (request, reply) =>
      reply.status(201).send(await houses.createHouse(ctx, actorOfRequest(request), request.body)),
  );
  app.get(
    '/api/houses/:id',
    { schema: { tags, params: IdParams, response: { 200: HouseDetail, ...errors } }, preHandler: read },
    async (request) => houses.getHouse(ctx, actorOfRequest(request), request.params.id),
  );
  app.patch(
    '/api/houses/:id',
    {
      schema: { tags, params: IdParams, body: UpdateHouseBody, response: { 200: HouseView, ...writeErrors } },
      preHandler: write,
    },
    async (request) => houses.updateHouse(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.delete(
    '/api/houses/:id',
    { schema: { tags, params: IdParams, response: deleted }, preHandler: write },
    async (request, reply) => {
      await houses.deleteHouse(ctx, actorOfRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- households
  app.post(
    '/api/households',
    {
      schema: { tags, body: CreateHouseholdBody, response: { 201: HouseholdView, ...writeErrors } },
      preHandler: write,
    },
    async (request, reply) =>
      reply.status(201).send(await houses.createHousehold(ctx, actorOfRequest(request), request.body)),
  );
  app.get(
    '/api/households/:id',
    { schema: { tags, params: IdParams, response: { 200: HouseholdView, ...errors } }, preHandler: read },
    async (request) => houses.getHousehold(ctx, actorOfRequest(request), request.params.id),
  );
  app.patch(
    '/api/households/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateHouseholdBody,
        response: { 200: HouseholdView, ...writeErrors },
      },
      preHandler: write,
    },
    async (request) => houses.updateHousehold(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.delete(
    '/api/households/:id',
    { schema: { tags, params: IdParams, response: deleted }, preHandler: write },
    async (request, reply) => {
      await houses.deleteHousehold(ctx, actorOfRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  await fastify.register(organisationsRoutes);
}
