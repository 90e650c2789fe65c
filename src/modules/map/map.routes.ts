import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOfRequest, requirePermission } from '../../platform/auth/guards.js';
import { ErrorResponse } from '../../platform/schemas.js';
import { registryPolicy } from '../registry/registry.policy.js';
import {
  BuildingFeatureCollection,
  BuildingParams,
  BuildingsQuery,
  GridFeatureCollection,
  LocationBody,
  LocationResponse,
  MapConfigResponse,
  MapRegionQuery,
  OutlineBody,
  OutlineParams,
  OutlineResponse,
} from './map.schemas.js';
import {
  buildingLayer,
  deleteOutline,
  gridLayer,
  locateBuilding,
  mapSettings,
  saveOutline,
} from './map.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const GEOJSON = 'application/geo+json; charset=utf-8';

/** The map's GeoJSON layers (民情地图) and the editing of outlines and building locations. */
export async function mapRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;
  const read = requirePermission(registryPolicy, 'read');
  const edit = requirePermission(registryPolicy, 'editMap');

  app.get(
    '/api/map/config',
    {
      schema: { tags: ['map'], querystring: MapRegionQuery, response: { 200: MapConfigResponse, ...errors } },
      preHandler: read,
    },
    async (request) => mapSettings(ctx, actorOfRequest(request), request.query.regionCode),
  );

  app.get(
    '/api/map/grids.geojson',
    {
      schema: {
        tags: ['map'],
        description:
          'The communities and grids under the caller’s scope narrowed by regionCode (street level or below), ' +
          'each with its outline (null when none is drawn) and the counts of its residents.',
        querystring: MapRegionQuery,
        response: { 200: GridFeatureCollection, ...errors, 422: ErrorResponse },
      },
      preHandler: read,
    },
    async (request, reply) => {
      const grids = await gridLayer(ctx, actorOfRequest(request), request.query.regionCode);
      reply.type(GEOJSON);
      return {
        type: 'FeatureCollection' as const,
        features: grids.map(({ geometry, ...properties }) => ({
          type: 'Feature' as const,
          id: properties.code,
          geometry,
          properties,
        })),
      };
    },
  );

  app.get(
    '/api/map/buildings.geojson',
    {
      schema: {
        tags: ['map'],
        description:
          'The located buildings under the caller’s scope narrowed by regionCode (street level or below; ' +
          '422 MAP_REGION_TOO_WIDE above), optionally inside bbox, with the counts of their residents.',
        querystring: BuildingsQuery,
        response: { 200: BuildingFeatureCollection, ...errors, 422: ErrorResponse },
      },
      preHandler: read,
    },
    async (request, reply) => {
      const buildings = await buildingLayer(ctx, actorOfRequest(request), request.query);
      reply.type(GEOJSON);
      return {
        type: 'FeatureCollection' as const,
        features: buildings.map(({ lat, lng, ...properties }) => ({
          type: 'Feature' as const,
          id: properties.id,
          geometry: { type: 'Point' as const, coordinates: [lng, lat] as [number, number] },
          properties,
        })),
      };
    },
  );

  app.put(
    '/api/map/outlines/:regionCode',
    {
      schema: {
        tags: ['map'],
        params: OutlineParams,
        body: OutlineBody,
        response: { 200: OutlineResponse, ...errors, 422: ErrorResponse },
      },
      preHandler: edit,
    },
    async (request) =>
      saveOutline(ctx, actorOfRequest(request), request.params.regionCode, request.body.geometry),
  );

  app.delete(
    '/api/map/outlines/:regionCode',
    {
      schema: {
        tags: ['map'],
        params: OutlineParams,
        response: { 204: Type.Null(), ...errors, 422: ErrorResponse },
      },
      preHandler: edit,
    },
    async (request, reply) => {
      await deleteOutline(ctx, actorOfRequest(request), request.params.regionCode);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/map/buildings/:id/location',
    {
      schema: {
        tags: ['map'],
        params: BuildingParams,
        body: LocationBody,
        response: { 200: LocationResponse, ...errors },
      },
      preHandler: edit,
    },
    async (request) => locateBuilding(ctx, actorOfRequest(request), request.params.id, request.body),
  );
}
