import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOfRequest, requirePermission } from '../../platform/auth/guards.js';
import { ErrorResponse } from '../../platform/schemas.js';
import { ResidentParams } from '../registry/residents.schemas.js';
import { visitsPolicy } from './visits.policy.js';
import {
  DueResidentPage,
  RecordVisitBody,
  RecordVisitResponse,
  ResidentVisitsQuery,
  SummaryQuery,
  VisitListQuery,
  VisitPage,
  VisitSummary,
} from './visits.schemas.js';
import { listVisitsOrDue, recordVisit, residentVisits, visitSummary } from './visits.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const tags = ['visits'];

export async function visitsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;
  const read = requirePermission(visitsPolicy, 'read');

  app.post(
    '/api/residents/:id/visits',
    {
      schema: {
        tags,
        params: ResidentParams,
        body: RecordVisitBody,
        response: { 201: RecordVisitResponse, ...errors },
      },
      preHandler: requirePermission(visitsPolicy, 'record'),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordVisit(ctx, actorOfRequest(request), request.params.id, request.body)),
  );

  app.get(
    '/api/residents/:id/visits',
    {
      schema: {
        tags,
        params: ResidentParams,
        querystring: ResidentVisitsQuery,
        response: { 200: VisitPage, ...errors },
      },
      preHandler: read,
    },
    async (request) => residentVisits(ctx, actorOfRequest(request), request.params.id, request.query),
  );

  app.get(
    '/api/visits',
    {
      schema: {
        tags,
        description:
          'Visits recorded, newest first; with `overdue=true` or `due=today|week`, the residents whose visit is overdue or due, most overdue first.',
        querystring: VisitListQuery,
        response: { 200: Type.Union([VisitPage, DueResidentPage]), ...errors },
      },
      preHandler: read,
    },
    async (request) => listVisitsOrDue(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    '/api/visits/summary',
    {
      schema: { tags, querystring: SummaryQuery, response: { 200: VisitSummary, ...errors } },
      preHandler: read,
    },
    async (request) => visitSummary(ctx, actorOfRequest(request), request.query.regionCode),
  );
}
