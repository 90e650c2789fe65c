import type { RegionLevel } from '../../db/types.js';
import { audit } from '../../platform/audit/audit.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { addMessages } from '../../platform/i18n.js';
import { inScope } from '../../platform/scope.js';
import { findRegions } from '../regions/regions.repository.js';
import { audited } from './places.present.js';
import * as repo from './places.repository.js';

/** The rules every place shares (regions, coordinates, buildings referred to) and their messages. */
addMessages({
  REGION_UNKNOWN: { zh: '没有这个区域，或它不在您的管辖范围内', en: 'No such region within your scope' },
  REGION_NOT_GRID: { zh: '请选择一个网格', en: 'Choose a grid' },
  HOUSE_UNKNOWN: { zh: '没有这个房屋，或它不在您的管辖范围内', en: 'No such house within your scope' },
  REGION_NOT_COMMUNITY_OR_GRID: { zh: '请选择一个社区或网格', en: 'Choose a community or a grid' },
  REGION_REQUIRED: { zh: '请选择网格或房屋', en: 'Give a grid or a house' },
  COORDINATES_INCOMPLETE: {
    zh: '经度和纬度须同时填写或同时留空',
    en: 'Give both latitude and longitude, or neither',
  },
  ESTATE_UNKNOWN: { zh: '没有这个小区，或它不在您的管辖范围内', en: 'No such estate within your scope' },
  ESTATE_REGION_MISMATCH: {
    zh: '楼栋所在网格不在该小区所属区域内',
    en: 'The building’s grid is outside the estate’s region',
  },
  ESTATE_BUILDINGS_OUTSIDE: {
    zh: '该小区有楼栋不在新的区域内，请先调整这些楼栋',
    en: 'Some buildings of the estate lie outside that region; move them first',
  },
  ESTATE_NOT_EMPTY: {
    zh: '该小区下还有楼栋，不能删除',
    en: 'The estate still has buildings; it cannot be deleted',
  },
  BUILDING_UNKNOWN: { zh: '没有这栋楼，或它不在您的管辖范围内', en: 'No such building within your scope' },
  BUILDING_EXISTS: {
    zh: '已有同一楼栋号的楼栋（同一小区内，或同一网格不属于小区的楼栋中）',
    en: 'A building of that number exists already in the estate (or, outside estates, in the grid)',
  },
  BUILDING_NOT_EMPTY: {
    zh: '该楼栋下还有房屋或单位，不能删除或改变所属网格',
    en: 'The building still has houses or organisations; it cannot be deleted or moved to another grid',
  },
  HOUSE_EXISTS: { zh: '该楼栋已有这个单元和房号的房屋', en: 'The building already has this unit and room' },
  HOUSE_NOT_EMPTY: {
    zh: '该房屋还有住户或居民，不能删除',
    en: 'People still live in this house; it cannot be deleted',
  },
  HOUSE_REGION_MISMATCH: {
    zh: '所填网格与房屋所在网格不一致',
    en: 'The grid differs from the house’s grid',
  },
  HOUSEHOLD_NOT_EMPTY: {
    zh: '该户还有在册成员，请先迁出或调整成员',
    en: 'The household still has members; move them out first',
  },
});

export const trimmed = <T extends string | null | undefined>(value: T) =>
  (typeof value === 'string' ? value.trim() : value) as T;
/** The new value when the request names the field (null clears it), else the current one. */
export const merged = <T>(given: T | undefined, current: T): T => (given === undefined ? current : given);

/** A region of one of the levels under the caller's scope; anything else names the field. */
export async function requireRegion(
  ctx: AppContext,
  actor: Actor,
  path: string,
  code: string,
  levels: readonly RegionLevel[] = ['grid'],
) {
  const [region] = inScope(actor.scope, code) ? await findRegions(ctx.db, [code]) : [];
  if (!region) throw invalidField(path, 'REGION_UNKNOWN');
  if (!levels.includes(region.level))
    throw invalidField(path, levels.length === 1 ? 'REGION_NOT_GRID' : 'REGION_NOT_COMMUNITY_OR_GRID');
  return region;
}

/** WGS-84 coordinates come in pairs. */
export function checkCoordinates(lat: number | null, lng: number | null): void {
  if (lat === null && lng !== null) throw invalidField('/lat', 'COORDINATES_INCOMPLETE');
  if (lat !== null && lng === null) throw invalidField('/lng', 'COORDINATES_INCOMPLETE');
}

/** A live building under the caller's scope, for a field that refers to one. */
export async function requireBuilding(ctx: AppContext, actor: Actor, id: number, path = '/buildingId') {
  const building = await repo.findBuilding(ctx.db, actor.scope, id);
  if (!building) throw invalidField(path, 'BUILDING_UNKNOWN');
  return building;
}

export const found = <T>(row: T | undefined): T => {
  if (!row) throw notFound();
  return row;
};

/** Writes the audit record of a change to a place, from presented views. */
export function record(
  ctx: AppContext,
  actor: Actor,
  entity: string,
  verb: string,
  before?: object,
  after?: object,
) {
  const view = (after ?? before) as { id: number; regionCode: string };
  return audit(ctx, actor, {
    action: `${entity}.${verb}`,
    entity,
    entityId: view.id,
    regionCode: view.regionCode,
    ...(before ? { before: audited(before) } : {}),
    ...(after ? { after: audited(after) } : {}),
  });
}
