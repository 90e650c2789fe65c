import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOfRequest, requirePermission } from '../../platform/auth/guards.js';
import { langOf } from '../../platform/i18n.js';
import { ErrorResponse, Id } from '../../platform/schemas.js';
import { fieldVisitsPolicy } from './fieldvisits.policy.js';
import {
  CreateUnitBody,
  FiledVisit,
  FileVisitBody,
  LoadQuery,
  LoadTable,
  NearbyQuery,
  NearbyVisits,
  ReviewBody,
  ReviseVisitBody,
  ThresholdsBody,
  ThresholdsView,
  UnitView,
  VisitListQuery,
  VisitPage,
  VisitView,
} from './fieldvisits.schemas.js';
import { fileVisit, reviseVisit } from './fieldvisits.service.js';
import { cancelVisit, getVisit, listVisits, monthLoad, reviewVisit } from './filed-visits.service.js';
import { nearbyVisits } from './nearby.service.js';
import { getThresholds, setThresholds } from './thresholds.service.js';
import { createUnit, listUnits } from './units.service.js';

const IdParams = Type.Object({ id: Id });

const tags = ['field-visits'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** 调研报备: research visits filed before they happen. */
export async function fieldVisitsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;

  app.get(
    '/api/field-visits/units',
    {
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(UnitView) }), ...errors } },
      preHandler: requirePermission(fieldVisitsPolicy, 'readUnits'),
    },
    async () => ({ items: await listUnits(ctx) }),
  );

  app.post(
    '/api/field-visits/units',
    {
      schema: { tags, body: CreateUnitBody, response: { 201: UnitView, ...errors, 409: ErrorResponse } },
      preHandler: requirePermission(fieldVisitsPolicy, 'manageUnits'),
    },
    async (request, reply) =>
      reply.status(201).send(await createUnit(ctx, actorOfRequest(request), request.body)),
  );

  app.post(
    '/api/field-visits',
    {
      schema: {
        tags,
        summary: 'file a research visit before it starts; judged by the rules, flagged ones go to review',
        body: FileVisitBody,
        response: { 201: FiledVisit, ...errors, 422: ErrorResponse },
      },
      preHandler: requirePermission(fieldVisitsPolicy, 'file'),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await fileVisit(
            ctx,
            actorOfRequest(request),
            request.body,
            langOf(request.headers['accept-language']),
          ),
        ),
  );

  const read = requirePermission(fieldVisitsPolicy, 'read');

  app.get(
    '/api/field-visits',
    {
      schema: { tags, querystring: VisitListQuery, response: { 200: VisitPage, ...errors } },
      preHandler: read,
    },
    async (request) =>
      listVisits(ctx, actorOfRequest(request), request.query, langOf(request.headers['accept-language'])),
  );

  app.get(
    '/api/field-visits/thresholds',
    { schema: { tags, response: { 200: ThresholdsView, ...errors } }, preHandler: read },
    async () => getThresholds(ctx),
  );

  app.put(
    '/api/field-visits/thresholds',
    {
      schema: {
        tags,
        summary: "the rules' figures: a new version, for filings made from now on",
        body: ThresholdsBody,
        response: { 200: ThresholdsView, ...errors },
      },
      preHandler: requirePermission(fieldVisitsPolicy, 'review'),
    },
    async (request) => setThresholds(ctx, actorOfRequest(request), request.body),
  );

  app.get(
    '/api/field-visits/nearby',
    {
      schema: {
        tags,
        summary: "other units' visits to a county within a week of a date, related topics first",
        querystring: NearbyQuery,
        response: { 200: NearbyVisits, ...errors },
      },
      preHandler: read,
    },
    async (request) => nearbyVisits(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    '/api/field-visits/load',
    {
      schema: {
        tags,
        summary: "each county's live filings in a month, green or yellow",
        querystring: LoadQuery,
        response: { 200: LoadTable, ...errors },
      },
      preHandler: read,
    },
    async (request) => monthLoad(ctx, actorOfRequest(request), request.query.month),
  );

  app.get(
    '/api/field-visits/:id',
    { schema: { tags, params: IdParams, response: { 200: VisitView, ...errors } }, preHandler: read },
    async (request) =>
      getVisit(ctx, actorOfRequest(request), request.params.id, langOf(request.headers['accept-language'])),
  );

  app.patch(
    '/api/field-visits/:id',
    {
      schema: {
        tags,
        summary: 'change a filing before the visit starts; it is judged again',
        params: IdParams,
        body: ReviseVisitBody,
        response: { 200: FiledVisit, ...errors, 409: ErrorResponse, 422: ErrorResponse },
      },
      preHandler: requirePermission(fieldVisitsPolicy, 'file'),
    },
    async (request) =>
      reviseVisit(
        ctx,
        actorOfRequest(request),
        request.params.id,
        request.body,
        langOf(request.headers['accept-language']),
      ),
  );

  app.post(
    '/api/field-visits/:id/cancel',
    {
      schema: { tags, params: IdParams, response: { 200: VisitView, ...errors, 409: ErrorResponse } },
      preHandler: requirePermission(fieldVisitsPolicy, 'file'),
    },
    async (request) =>
      cancelVisit(
        ctx,
        actorOfRequest(request),
        request.params.id,
        langOf(request.headers['accept-language']),
      ),
  );

  app.post(
    '/api/field-visits/:id/review',
    {
      schema: {
        tags,
        params: IdParams,
        body: ReviewBody,
        response: { 200: VisitView, ...errors, 409: ErrorResponse },
      },
      preHandler: requirePermission(fieldVisitsPolicy, 'review'),
    },
    async (request) =>
      reviewVisit(
        ctx,
        actorOfRequest(request),
        request.params.id,
        request.body,
        langOf(request.headers['accept-language']),
      ),
  );
}
