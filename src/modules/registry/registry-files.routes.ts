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
import { exportVisits, VisitExportQuery } from '../visits/visits.export.js';
import { visitsPolicy } from '../visits/visits.policy.js';
import { buildingColumns, importBuildings } from './buildings.import.js';
import { houseColumns, importHouses } from './houses.import.js';
import { importOrganisations, organisationColumns } from './organisations.import.js';
import { OrganisationListQuery } from './organisations.schemas.js';
import { exportBuildings, exportHouses, exportOrganisations, HouseExportQuery } from './places.export.js';
import { BuildingListQuery } from './places.schemas.js';
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

/** The places' imports: the same template download and upload as the residents'. */
const PLACE_IMPORTS = {
  buildings: {
    title: 'buildings',
    sheet: '楼栋',
    filename: '楼栋导入模板.xlsx',
    columns: buildingColumns,
    run: importBuildings,
  },
  houses: {
    title: 'houses',
    sheet: '房屋',
    filename: '房屋导入模板.xlsx',
    columns: houseColumns,
    run: importHouses,
  },
  organisations: {
    title: 'organisations and shops',
    sheet: '单位商铺',
    filename: '单位商铺导入模板.xlsx',
    columns: organisationColumns,
    run: importOrganisations,
  },
} as const;

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

  for (const [kind, spec] of Object.entries(PLACE_IMPORTS)) {
    app.get(
      `/api/imports/templates/${kind}.xlsx`,
      {
        schema: { tags, summary: `the ${spec.title} import template, Chinese headers`, produces: [XLSX] },
        preHandler: requirePermission(registryPolicy, 'import'),
      },
      async (request, reply) => {
        const columns = spec.columns(langOf(request.headers['accept-language']));
        const body = await writeTemplate(columns, { sheet: spec.sheet, notesSheet: '填写说明' });
        return reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename="${kind}.xlsx"; filename*=UTF-8''${encodeURIComponent(spec.filename)}`,
          )
          .send(body);
      },
    );
    app.post(
      `/api/imports/${kind}`,
      {
        schema: {
          tags,
          summary: `import ${spec.title} from the template (multipart, field "file"); all or nothing`,
          consumes: ['multipart/form-data'],
          response: { 200: ImportResponse, ...importErrors },
        },
        preHandler: requirePermission(registryPolicy, 'import'),
      },
      async (request) =>
        spec.run(
          ctx,
          actorOfRequest(request),
          await uploadedFile(request),
          langOf(request.headers['accept-language']),
        ),
    );
  }

  app.get(
    '/api/exports/buildings.xlsx',
    {
      schema: {
        tags,
        summary: 'the building list as .xlsx, same filters',
        querystring: BuildingListQuery,
        produces: [XLSX],
      },
      preHandler: requirePermission(registryPolicy, 'read'),
    },
    async (request, reply) =>
      sendXlsx(reply, await exportBuildings(ctx, actorOfRequest(request), request.query)),
  );

  app.get(
    '/api/exports/houses.xlsx',
    {
      schema: {
        tags,
        summary: 'the houses of the buildings the filters select (or of one building) as .xlsx',
        querystring: HouseExportQuery,
        produces: [XLSX],
      },
      preHandler: requirePermission(registryPolicy, 'read'),
    },
    async (request, reply) =>
      sendXlsx(reply, await exportHouses(ctx, actorOfRequest(request), request.query)),
  );

  app.get(
    '/api/exports/organisations.xlsx',
    {
      schema: {
        tags,
        summary: 'the organisation and shop list as .xlsx, same filters, phones masked',
        querystring: OrganisationListQuery,
        produces: [XLSX],
      },
      preHandler: requirePermission(registryPolicy, 'read'),
    },
    async (request, reply) =>
      sendXlsx(reply, await exportOrganisations(ctx, actorOfRequest(request), request.query)),
  );

  app.get(
    '/api/exports/visits.xlsx',
    {
      schema: {
        tags: ['visits'],
        summary: 'the visits GET /api/visits lists, same filters, as .xlsx',
        querystring: VisitExportQuery,
        produces: [XLSX],
      },
      preHandler: requirePermission(visitsPolicy, 'read'),
    },
    async (request, reply) =>
      sendXlsx(reply, await exportVisits(ctx, actorOfRequest(request), request.query)),
  );
}

/** The uploaded file as a stream: read while it arrives, never held whole in memory. */
async function uploadedFile(request: FastifyRequest) {
  const part = await request.file();
  if (part?.fieldname !== 'file') throw new AppError(400, 'IMPORT_NO_FILE');
  return part.file;
}
