import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOfRequest, requirePermission } from '../../platform/auth/guards.js';
import { langOf } from '../../platform/i18n.js';
import { ErrorResponse, Id } from '../../platform/schemas.js';
import { sendWorkbook, sendXlsx, XLSX_TYPE } from '../../platform/xlsx.js';
import { exportFigures, exportVisits } from './fieldvisits.export.js';
import { fieldVisitsPolicy } from './fieldvisits.policy.js';
import {
  AssignReporterBody,
  ReporterView,
  UnitView,
  VisitListQuery,
  VisitPage,
} from './fieldvisits.schemas.js';
import { CalendarQuery, CalendarView, FiguresQuery, FiguresView, OverdueQuery } from './figures.schemas.js';
import { fieldVisitFigures, overdueResults, visitCalendar } from './figures.service.js';
import { assignReporter, listReporters, myUnit } from './units.service.js';

const tags = ['field-visits'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** 调研报备 seen from above: calendar, figures, overdue results, exports; and who files for whom. */
export async function fieldVisitFiguresRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;
  const read = requirePermission(fieldVisitsPolicy, 'read');
  const manage = requirePermission(fieldVisitsPolicy, 'manageUnits');

  app.get(
    '/api/field-visits/calendar',
    {
      schema: {
        tags,
        summary: 'how many visits start on each day of a month',
        querystring: CalendarQuery,
        response: { 200: CalendarView, ...errors },
      },
      preHandler: read,
    },
    async (request) => visitCalendar(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    '/api/field-visits/figures',
    {
      schema: {
        tags,
        summary: 'filings by unit, county and month, warnings, share reviewed; before/after a date',
        querystring: FiguresQuery,
        response: { 200: FiguresView, ...errors },
      },
      preHandler: read,
    },
    async (request) => fieldVisitFigures(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    '/api/field-visits/figures/export.xlsx',
    {
      schema: {
        tags,
        summary: 'the figures as .xlsx, a sheet each',
        querystring: FiguresQuery,
        produces: [XLSX_TYPE],
      },
      preHandler: read,
    },
    async (request, reply) => {
      const { filename, sheets } = await exportFigures(ctx, actorOfRequest(request), request.query);
      return sendWorkbook(reply, filename, sheets);
    },
  );

  app.get(
    '/api/field-visits/export.xlsx',
    {
      schema: {
        tags,
        summary: 'the list as .xlsx, same filters',
        querystring: VisitListQuery,
        produces: [XLSX_TYPE],
      },
      preHandler: read,
    },
    async (request, reply) =>
      sendXlsx(reply, await exportVisits(ctx, actorOfRequest(request), request.query)),
  );

  app.get(
    '/api/field-visits/results/overdue',
    {
      schema: {
        tags,
        summary: 'visits whose result is past its due date, the most overdue first',
        querystring: OverdueQuery,
        response: { 200: VisitPage, ...errors },
      },
      preHandler: read,
    },
    async (request) =>
      overdueResults(ctx, actorOfRequest(request), request.query, langOf(request.headers['accept-language'])),
  );

  app.get(
    '/api/field-visits/me',
    {
      schema: {
        tags,
        summary: 'the unit (and department) the caller files for; null if none',
        response: {
          200: Type.Object({
            unit: Type.Union([
              Type.Object({
                ...UnitView.properties,
                departmentId: Type.Union([Type.Integer(), Type.Null()]),
              }),
              Type.Null(),
            ]),
          }),
          ...errors,
        },
      },
      preHandler: requirePermission(fieldVisitsPolicy, 'readUnits'),
    },
    async (request) => myUnit(ctx, actorOfRequest(request)),
  );

  app.get(
    '/api/field-visits/reporters',
    {
      schema: {
        tags,
        summary: 'reporter accounts and the unit each files for',
        response: { 200: Type.Object({ items: Type.Array(ReporterView) }), ...errors },
      },
      preHandler: manage,
    },
    async () => ({ items: await listReporters(ctx) }),
  );

  app.put(
    '/api/field-visits/reporters/:userId',
    {
      schema: {
        tags,
        summary: 'set the unit (and department) a reporter files for',
        params: Type.Object({ userId: Id }),
        body: AssignReporterBody,
        response: { 200: ReporterView, ...errors },
      },
      preHandler: manage,
    },
    async (request) => assignReporter(ctx, actorOfRequest(request), request.params.userId, request.body),
  );
}
