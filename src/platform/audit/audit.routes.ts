import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { actorOfRequest, requirePermission } from '../auth/guards.js';
import { dateInShanghai } from '../clock.js';
import { langOf } from '../i18n.js';
import { DateString, ErrorResponse, PageQuery, pageOf, RegionCode } from '../schemas.js';
import { sendXlsx, XLSX_TYPE } from '../xlsx.js';
import { audit } from './audit.js';
import { auditPolicy } from './audit.policy.js';
import { AUDIT_COLUMNS, presentAudit } from './audit.present.js';
import { searchAudit, streamAudit } from './audit.repository.js';

const Filter = {
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  entity: Type.Optional(Type.String({ maxLength: 64 })),
  entityId: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  regionCode: Type.Optional(RegionCode),
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
};
const AuditQuery = Type.Object({ ...Filter, ...PageQuery });
const ExportQuery = Type.Object(Filter);

const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  actorName: Type.String(),
  role: Type.String(),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  regionCode: Type.String(),
  ip: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

export async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;
  const read = requirePermission(auditPolicy, 'read');

  app.get(
    '/api/audit',
    {
      schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: pageOf(AuditEntry), ...errors } },
      preHandler: read,
    },
    async (request) => {
      const page = await searchAudit(ctx.db, actorOfRequest(request).scope, request.query);
      return { ...page, items: page.items.map(presentAudit) };
    },
  );

  app.get(
    '/api/audit/export.xlsx',
    {
      schema: {
        tags: ['audit'],
        querystring: ExportQuery,
        produces: [XLSX_TYPE],
      },
      preHandler: read,
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const filter: Static<typeof ExportQuery> = request.query;
      // Exporting is itself recorded, with the filter used, before any row leaves.
      await audit(ctx, actor, {
        action: 'audit.export',
        entity: 'audit',
        entityId: '',
        regionCode: actor.scope,
        after: filter,
      });
      const lang = langOf(request.headers['accept-language']);
      return sendXlsx(reply, {
        filename: `${lang === 'en' ? 'audit-log' : '审计日志'}-${dateInShanghai(ctx.clock.now())}.xlsx`,
        sheet: lang === 'en' ? 'Audit log' : '审计日志',
        columns: AUDIT_COLUMNS[lang],
        batches: streamAudit(ctx.db, actor.scope, filter),
      });
    },
  );
}
