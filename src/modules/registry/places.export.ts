import { type Static, Type } from 'typebox';
import { audit } from '../../platform/audit/audit.js';
import { dateInShanghai } from '../../platform/clock.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { allPages } from '../../platform/pagination.js';
import { Id } from '../../platform/schemas.js';
import { narrowScope } from '../../platform/scope.js';
import type { XlsxColumn } from '../../platform/xlsx.js';
import { listBuildings } from './buildings.service.js';
import { listHousesOfBuilding } from './houses.service.js';
import type { OrganisationListQuery, OrganisationView } from './organisations.schemas.js';
import { listOrganisations } from './organisations.service.js';
import { findBuilding } from './places.repository.js';
import { BuildingListQuery } from './places.schemas.js';
import { REGISTRY_LABELS } from './registry.vocabulary.js';

/**
 * Exports of the places' lists (buildings, houses, organisations): the rows the list's filters
 * select, through the list's own service (same scope, same filters, same order, numbers
 * masked), a page at a time so that memory holds one page; audited with the filters used.
 */

const label = (list: string, code: string | null) =>
  code === null ? '' : (REGISTRY_LABELS[list]?.[code] ?? code);

function exportAudit(ctx: AppContext, actor: Actor, entity: string, filters: object) {
  return audit(ctx, actor, {
    action: `${entity}.export`,
    entity,
    entityId: '',
    regionCode: actor.scope,
    after: filters,
  });
}

const today = (ctx: AppContext) => dateInShanghai(ctx.clock.now());

// ---- buildings

type BuildingView = Awaited<ReturnType<typeof listBuildings>>['items'][number];

/** Headers as in the import template where the two share a column, so an export reads back. */
const BUILDING_COLUMNS: XlsxColumn<BuildingView>[] = [
  { header: '网格', value: (b) => b.regionName, width: 12 },
  { header: '网格编码', value: (b) => b.regionCode, width: 17 },
  { header: '小区', value: (b) => b.estateName, width: 16 },
  { header: '楼栋号', value: (b) => b.number, width: 10 },
  { header: '类型', value: (b) => label('buildingKind', b.kind), width: 10 },
  { header: '层数', value: (b) => b.floors, width: 6 },
  { header: '单元数', value: (b) => b.units, width: 8 },
  { header: '电梯数', value: (b) => b.elevators, width: 8 },
  { header: '地址', value: (b) => b.address, width: 30 },
  { header: '纬度', value: (b) => b.lat, width: 11 },
  { header: '经度', value: (b) => b.lng, width: 11 },
  { header: '房屋数', value: (b) => b.counts.houses, width: 8 },
  { header: '户数', value: (b) => b.counts.households, width: 8 },
  { header: '居民数', value: (b) => b.counts.residents, width: 8 },
];

export async function exportBuildings(ctx: AppContext, actor: Actor, query: BuildingListQuery) {
  const { page: _page, pageSize: _size, ...filters } = query;
  await exportAudit(ctx, actor, 'building', filters);
  return {
    filename: `楼栋信息-${today(ctx)}.xlsx`,
    sheet: '楼栋信息',
    columns: BUILDING_COLUMNS,
    batches: allPages((page) => listBuildings(ctx, actor, { ...filters, ...page })),
  };
}

// ---- houses

/** The houses of the buildings the buildings list's filters select, or of one building. */
export const HouseExportQuery = Type.Object({
  regionCode: BuildingListQuery.properties.regionCode,
  estateId: BuildingListQuery.properties.estateId,
  q: BuildingListQuery.properties.q,
  buildingId: Type.Optional(Id),
});
export type HouseExportQuery = Static<typeof HouseExportQuery>;

type HouseView = Awaited<ReturnType<typeof listHousesOfBuilding>>['items'][number];

const HOUSE_COLUMNS: XlsxColumn<HouseView>[] = [
  { header: '网格', value: (h) => h.regionName, width: 12 },
  { header: '网格编码', value: (h) => h.regionCode, width: 17 },
  { header: '小区', value: (h) => h.estateName, width: 16 },
  { header: '楼栋号', value: (h) => h.buildingNumber, width: 10 },
  { header: '单元', value: (h) => h.unit, width: 8 },
  { header: '楼层', value: (h) => h.floor, width: 6 },
  { header: '房号', value: (h) => h.room, width: 8 },
  { header: '面积（㎡）', value: (h) => (h.area === null ? null : h.area / 100), width: 10 },
  { header: '用途', value: (h) => label('houseUse', h.use), width: 8 },
  { header: '地址', value: (h) => h.address, width: 30 },
];

export async function exportHouses(ctx: AppContext, actor: Actor, query: HouseExportQuery) {
  const { buildingId, ...filters } = query;
  await exportAudit(ctx, actor, 'house', query);
  async function* buildingIds(): AsyncGenerator<number[]> {
    if (buildingId === undefined) {
      for await (const page of allPages((page) => listBuildings(ctx, actor, { ...filters, ...page })))
        yield page.map((b) => b.id);
      return;
    }
    // One building: within the caller's scope and any region or estate also asked for.
    const scope = narrowScope(actor.scope, filters.regionCode);
    const building = scope === null ? undefined : await findBuilding(ctx.db, scope, buildingId);
    if (building && (filters.estateId === undefined || building.estate_id === filters.estateId))
      yield [building.id];
  }
  async function* batches() {
    for await (const ids of buildingIds()) {
      for (const id of ids) yield* allPages((page) => listHousesOfBuilding(ctx, actor, id, page));
    }
  }
  return {
    filename: `房屋信息-${today(ctx)}.xlsx`,
    sheet: '房屋信息',
    columns: HOUSE_COLUMNS,
    batches: batches(),
  };
}

// ---- organisations

const ORGANISATION_COLUMNS: XlsxColumn<OrganisationView>[] = [
  { header: '网格', value: (o) => o.regionName, width: 12 },
  { header: '网格编码', value: (o) => o.regionCode, width: 17 },
  { header: '类别', value: (o) => label('organisationKind', o.kind), width: 8 },
  { header: '名称', value: (o) => o.name, width: 24 },
  { header: '统一社会信用代码', value: (o) => o.creditCode, width: 21 },
  { header: '行业/分类', value: (o) => o.category, width: 12 },
  { header: '联系人', value: (o) => o.contactName, width: 10 },
  { header: '联系电话', value: (o) => o.contactPhone, width: 14 },
  { header: '地址', value: (o) => o.address, width: 30 },
  { header: '纬度', value: (o) => o.lat, width: 11 },
  { header: '经度', value: (o) => o.lng, width: 11 },
];

export async function exportOrganisations(ctx: AppContext, actor: Actor, query: OrganisationListQuery) {
  const { page: _page, pageSize: _size, ...filters } = query;
  await exportAudit(ctx, actor, 'organisation', filters);
  return {
    filename: `单位商铺-${today(ctx)}.xlsx`,
    sheet: '单位商铺',
    columns: ORGANISATION_COLUMNS,
    batches: allPages((page) => listOrganisations(ctx, actor, { ...filters, ...page })),
  };
}
