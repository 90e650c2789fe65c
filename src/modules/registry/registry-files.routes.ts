import type { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { actorOfRequest, requirePermission } from '../../platform/auth/guards.js';
import { dateInShanghai } from '../../platform/clock.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { addMessages, type Lang, langOf } from '../../platform/i18n.js';
import { ErrorResponse } from '../../platform/schemas.js';
import { sendXlsx, XLSX_TYPE as XLSX, type XlsxDownload } from '../../platform/xlsx.js';
import type { ImportColumn } from '../../platform/xlsx-import.js';
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

const tags = ['registry'];

interface ImportKind {
  title: string;
  /** The template's sheet and the Chinese name it downloads as. */
  sheet: string;
  filename: string;
  /** `today` bounds birth dates; the places' columns do not need it. */
  columns: (lang: Lang, today: string) => ImportColumn<string>[];
  run: (ctx: AppContext, actor: Actor, file: Readable, lang: Lang) => Promise<{ imported: number }>;
}

/** What `/api/imports/<kind>` takes, with its template at `/api/imports/templates/<kind>.xlsx`. */
const IMPORTS: Record<string, ImportKind> = {
  residents: {
    title: 'residents',
    sheet: '居民',
    filename: '居民导入模板.xlsx',
    columns: residentColumns,
    run: importResidents,
  },
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
};

/** Registry spreadsheets: exports of lists (masked, audited), import templates and imports. */
export async function registryFilesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = fastify;

  for (const [kind, spec] of Object.entries(IMPORTS)) {
    app.get(
      `/api/imports/templates/${kind}.xlsx`,
      {
        schema: { tags, summary: `the ${spec.title} import template, Chinese headers`, produces: [XLSX] },
        preHandler: requirePermission(registryPolicy, 'import'),
      },
      async (request, reply) => {
        const lang = langOf(request.headers['accept-language']);
        const columns = spec.columns(lang, dateInShanghai(ctx.clock.now()));
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

  /** `GET /api/exports/<kind>.xlsx`: a list as .xlsx, with the list's own filters. */
  const exportRoute = <Q extends TSchema, Row>(
    kind: string,
    route: { summary: string; querystring: Q; preHandler: preHandlerHookHandler; tags?: string[] },
    run: (actor: Actor, query: Static<Q>) => Promise<XlsxDownload<Row>>,
  ) =>
    app.get(
      `/api/exports/${kind}.xlsx`,
      {
        schema: {
          tags: route.tags ?? tags,
          summary: route.summary,
          querystring: route.querystring,
          produces: [XLSX],
        },
        preHandler: route.preHandler,
      },
      async (request, reply) =>
        sendXlsx(reply, await run(actorOfRequest(request), request.query as Static<Q>)),
    );
  const preHandler = requirePermission(registryPolicy, 'read');
  exportRoute(
    'residents',
    { summary: 'the resident list as .xlsx, same filters', querystring: ResidentListQuery, preHandler },
    (actor, query) => exportResidents(ctx, actor, query),
  );
  exportRoute(
    'buildings',
    { summary: 'the building list as .xlsx, same filters', querystring: BuildingListQuery, preHandler },
    (actor, query) => exportBuildings(ctx, actor, query),
  );
  exportRoute(
    'houses',
    {
      summary: 'the houses of the buildings the filters select (or of one building) as .xlsx',
      querystring: HouseExportQuery,
      preHandler,
    },
    (actor, query) => exportHouses(ctx, actor, query),
  );
  exportRoute(
    'organisations',
    {
      summary: 'the organisation and shop list as .xlsx, same filters, phones masked',
      querystring: OrganisationListQuery,
      preHandler,
    },
    (actor, query) => exportOrganisations(ctx, actor, query),
  );
  exportRoute(
    'visits',
    {
      summary: 'the visits GET /api/visits lists, same filters, as .xlsx',
      querystring: VisitExportQuery,
      preHandler: requirePermission(visitsPolicy, 'read'),
      tags: ['visits'],
    },
    (actor, query) => exportVisits(ctx, actor, query),
  );
}

/** The uploaded file as a stream: read while it arrives, never held whole in memory. */
async function uploadedFile(request: FastifyRequest) {
  const part = await request.file();
  if (part?.fieldname !== 'file') throw new AppError(400, 'IMPORT_NO_FILE');
  return part.file;
}
