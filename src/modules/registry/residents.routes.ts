import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOfRequest, requirePermission } from '../../platform/auth/guards.js';
import { ErrorResponse } from '../../platform/schemas.js';
import { regionOverview } from './overview.service.js';
import { registryPolicy } from './registry.policy.js';
import { residentHistory } from './residents.history.js';
import {
  CreateResidentBody,
  HistoryResponse,
  MoveInBody,
  MoveOutBody,
  OverviewQuery,
  OverviewResponse,
  ResidentListQuery,
  ResidentPage,
  ResidentParams,
  RevealBody,
  RevealResponse,
  UpdateResidentBody,
} from './residents.schemas.js';
import {
  createResident,
  deleteResident,
  getResident,
  listResidents,
  moveIn,
  moveOut,
  restoreResident,
  revealResident,
  updateResident,
} from './residents.service.js';
import {
  EndTagBody,
  ResidentTagBody,
  ResidentTagList,
  ResidentTagParams,
  ResidentTagSchema,
} from './tags.schemas.js';
import { endResidentTag, residentTags, tagResident } from './tags.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const writeErrors = { ...errors, 409: ErrorResponse, 422: ErrorResponse };
const resident = { $ref: 'Resident' };
const tags = ['registry'];

export async function residentsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;
  const read = requirePermission(registryPolicy, 'read');
  const write = requirePermission(registryPolicy, 'write');

  app.get(
    '/api/residents',
    {
      schema: { tags, querystring: ResidentListQuery, response: { 200: ResidentPage, ...errors } },
      preHandler: read,
    },
    async (request) => listResidents(ctx, actorOfRequest(request), request.query),
  );

  app.post(
    '/api/residents',
    {
      schema: { tags, body: CreateResidentBody, response: { 201: resident, ...writeErrors } },
      preHandler: write,
    },
    async (request, reply) =>
      reply.status(201).send(await createResident(ctx, actorOfRequest(request), request.body)),
  );

  app.post(
    '/api/residents/move-in',
    {
      schema: {
        tags,
        summary: '迁入: take in a person who moved out of another community',
        body: MoveInBody,
        response: { 200: resident, ...writeErrors },
      },
      preHandler: write,
    },
    async (request) => moveIn(ctx, actorOfRequest(request), request.body),
  );

  app.get(
    '/api/registry/overview',
    {
      schema: {
        tags,
        summary: 'figures of a region (default: your scope) and of each region under it',
        querystring: OverviewQuery,
        response: { 200: OverviewResponse, ...errors },
      },
      preHandler: read,
    },
    async (request) => regionOverview(ctx, actorOfRequest(request), request.query.regionCode),
  );

  app.get(
    '/api/residents/:id',
    { schema: { tags, params: ResidentParams, response: { 200: resident, ...errors } }, preHandler: read },
    async (request) => getResident(ctx, actorOfRequest(request), request.params.id),
  );

  app.patch(
    '/api/residents/:id',
    {
      schema: {
        tags,
        params: ResidentParams,
        body: UpdateResidentBody,
        response: { 200: resident, ...writeErrors },
      },
      preHandler: write,
    },
    async (request) => updateResident(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  app.delete(
    '/api/residents/:id',
    {
      schema: {
        tags,
        summary: 'soft delete',
        params: ResidentParams,
        response: { 200: resident, ...errors },
      },
      preHandler: write,
    },
    async (request) => deleteResident(ctx, actorOfRequest(request), request.params.id),
  );

  app.post(
    '/api/residents/:id/restore',
    {
      schema: { tags, params: ResidentParams, response: { 200: resident, ...writeErrors } },
      preHandler: write,
    },
    async (request) => restoreResident(ctx, actorOfRequest(request), request.params.id),
  );

  app.post(
    '/api/residents/:id/reveal',
    {
      schema: {
        tags,
        summary: 'show one number in full (audited; some roles only)',
        params: ResidentParams,
        body: RevealBody,
        response: { 200: RevealResponse, ...errors },
      },
      preHandler: read,
    },
    async (request) => revealResident(ctx, actorOfRequest(request), request.params.id, request.body.field),
  );

  app.post(
    '/api/residents/:id/move-out',
    {
      schema: {
        tags,
        summary: '迁出',
        params: ResidentParams,
        body: MoveOutBody,
        response: { 200: resident, ...writeErrors },
      },
      preHandler: write,
    },
    async (request) => moveOut(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  app.get(
    '/api/residents/:id/history',
    {
      schema: { tags, params: ResidentParams, response: { 200: HistoryResponse, ...errors } },
      preHandler: read,
    },
    async (request) => residentHistory(ctx, actorOfRequest(request), request.params.id),
  );

  app.get(
    '/api/residents/:id/tags',
    {
      schema: { tags, params: ResidentParams, response: { 200: ResidentTagList, ...errors } },
      preHandler: read,
    },
    async (request) => residentTags(ctx, actorOfRequest(request), request.params.id),
  );

  app.post(
    '/api/residents/:id/tags',
    {
      schema: {
        tags,
        params: ResidentParams,
        body: ResidentTagBody,
        response: { 201: ResidentTagSchema, ...writeErrors },
      },
      preHandler: write,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await tagResident(ctx, actorOfRequest(request), request.params.id, request.body)),
  );

  app.post(
    '/api/residents/:id/tags/:assignmentId/end',
    {
      schema: {
        tags,
        params: ResidentTagParams,
        body: EndTagBody,
        response: { 200: ResidentTagSchema, ...writeErrors },
      },
      preValidation: async (request) => {
        request.body ??= {};
      },
      preHandler: write,
    },
    async (request) =>
      endResidentTag(
        ctx,
        actorOfRequest(request),
        request.params.id,
        request.params.assignmentId,
        request.body,
      ),
  );
}
