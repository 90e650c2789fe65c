import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOfRequest, requirePermission } from '../../platform/auth/guards.js';
import { dateInShanghai } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { addMessages, langOf } from '../../platform/i18n.js';
import { ErrorResponse } from '../../platform/schemas.js';
import { sendXlsx } from '../../platform/xlsx.js';
import { writeTemplate } from '../../platform/xlsx-template.js';
import { registryPolicy } from './registry.policy.js';
import { exportResidents } from './residents.export.js';
import { importResidents, residentColumns } from './residents.import.js';
import { ResidentListQuery } from './residents.schemas.js';

addMessages({
  IMPORT_NO_FILE: {
    zh: '请选择要上传的 .xlsx 文件（表单字段 file）',
    en: 'Attach the .xlsx file (form field "file")',
  },
});

const ImportResponse = Type.Object({ imported: Type.Integer() });
const importErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  413: ErrorResponse,
  422: ErrorResponse,
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['registry'];

/** Registry spreadsheets: exports of lists (masked, audited), import templates and imports. */
export async function registryFilesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;

  app.get(
    '/api/exports/residents.xlsx',
    {
      schema: {
        tags,
        summary: 'the resident list as .xlsx, same filters',
        querystring: ResidentListQuery,
        produces: [XLSX],
      },
      preHandler: requirePermission(registryPolicy, 'read'),
    },
    async (request, reply) =>
      sendXlsx(reply, await exportResidents(ctx, actorOfRequest(request), request.query)),
  );

  app.get(
    '/api/imports/templates/residents.xlsx',
    {
      schema: { tags, summary: 'the residents import template, Chinese headers', produces: [XLSX] },
      preHandler: requirePermission(registryPolicy, 'import'),
    },
    async (request, reply) => {
      const columns = residentColumns(
        langOf(request.headers['accept-language']),
        dateInShanghai(ctx.clock.now()),
      );
      const body = await writeTemplate(columns, { sheet: '居民', notesSheet: '填写说明' });
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="residents.xlsx"; filename*=UTF-8''${encodeURIComponent('居民导入模板.xlsx')}`,
        )
        .send(body);
    },
  );

  app.post(
    '/api/imports/residents',
    {
      schema: {
        tags,
        summary: 'import residents from the template (multipart, field "file"); all or nothing',
        consumes: ['multipart/form-data'],
        response: { 200: ImportResponse, ...importErrors },
      },
      preHandler: requirePermission(registryPolicy, 'import'),
    },
    async (request) =>
      importResidents(
        ctx,
        actorOfRequest(request),
        await uploadedFile(request),
        langOf(request.headers['accept-language']),
      ),
  );
}

/** The uploaded file as a stream: read while it arrives, never held whole in memory. */
async function uploadedFile(request: FastifyRequest) {
  const part = await request.file();
  if (part?.fieldname !== 'file') throw new AppError(400, 'IMPORT_NO_FILE');
  return part.file;
}
