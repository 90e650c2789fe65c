import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOfRequest, requirePermission } from '../../platform/auth/guards.js';
import { langOf } from '../../platform/i18n.js';
import { ErrorResponse, Id } from '../../platform/schemas.js';
import {
  ClashBody,
  JoinDecisionBody,
  JoinRequestBody,
  JoinRequestList,
  JoinRequestView,
  ResultBody,
} from './coordination.schemas.js';
import { decideJoin, fileResult, flagClash, listJoinRequests, requestJoin } from './coordination.service.js';
import { fieldVisitsPolicy } from './fieldvisits.policy.js';
import { VisitView } from './fieldvisits.schemas.js';

const IdParams = Type.Object({ id: Id });
const tags = ['field-visits'];
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

/** 调研报备 around a filing: joint visits (联合调研), counties' clash flags, and results. */
export async function fieldVisitCoordinationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;
  const file = requirePermission(fieldVisitsPolicy, 'file');

  app.post(
    '/api/field-visits/:id/join-requests',
    {
      schema: {
        tags,
        summary: "ask to join another unit's visit instead of sending a second group (联合调研)",
        params: IdParams,
        body: JoinRequestBody,
        response: { 201: JoinRequestView, ...errors },
      },
      preHandler: file,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requestJoin(ctx, actorOfRequest(request), request.params.id, request.body)),
  );

  app.get(
    '/api/field-visits/join-requests',
    {
      schema: {
        tags,
        summary: "the caller's unit's join requests: to its visits, and by it",
        response: { 200: JoinRequestList, ...errors },
      },
      preHandler: requirePermission(fieldVisitsPolicy, 'read'),
    },
    async (request) => listJoinRequests(ctx, actorOfRequest(request)),
  );

  app.post(
    '/api/field-visits/join-requests/:id/decide',
    {
      schema: {
        tags,
        summary: 'the host unit accepts or declines a request to join its visit',
        params: IdParams,
        body: JoinDecisionBody,
        response: { 200: JoinRequestView, ...errors },
      },
      preHandler: file,
    },
    async (request) => decideJoin(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  app.post(
    '/api/field-visits/:id/clashes',
    {
      schema: {
        tags,
        summary: 'a county flags a clash with something local; the visit goes back to review',
        params: IdParams,
        body: ClashBody,
        response: { 201: VisitView, ...errors },
      },
      preHandler: requirePermission(fieldVisitsPolicy, 'flagClash'),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await flagClash(
            ctx,
            actorOfRequest(request),
            request.params.id,
            request.body,
            langOf(request.headers['accept-language']),
          ),
        ),
  );

  app.post(
    '/api/field-visits/:id/result',
    {
      schema: {
        tags,
        summary: 'the unit files what the visit found and solved (from its start on)',
        params: IdParams,
        body: ResultBody,
        response: { 200: VisitView, ...errors },
      },
      preHandler: file,
    },
    async (request) =>
      fileResult(
        ctx,
        actorOfRequest(request),
        request.params.id,
        request.body,
        langOf(request.headers['accept-language']),
      ),
  );
}
