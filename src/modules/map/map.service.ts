import { audit } from '../../platform/audit/audit.js';
import { isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { AppError, notFound, refused } from '../../platform/errors.js';
import { addMessages } from '../../platform/i18n.js';
import { narrowScope } from '../../platform/scope.js';
import * as repo from './map.repository.js';
import { MAX_OUTLINE_POSITIONS, type OutlineGeometry } from './map.schemas.js';

addMessages({
  MAP_REGION_TOO_WIDE: {
    zh: '地图一次只显示一个街道（乡镇）及以下的区域，请先选择街道、社区或网格',
    en: 'The map shows one street (town) or less at a time: choose a street, community or grid first',
  },
  MAP_OUTLINE_LEVEL: {
    zh: '只能为社区或网格绘制轮廓',
    en: 'Outlines can be drawn for communities and grids only',
  },
  MAP_RING_NOT_CLOSED: {
    zh: '轮廓未闭合：最后一个点必须与第一个点相同',
    en: 'The ring is not closed: its last position must repeat the first',
  },
  MAP_TOO_MANY_POSITIONS: {
    zh: `轮廓的点数过多（最多 ${MAX_OUTLINE_POSITIONS} 个）`,
    en: `The outline has too many positions (at most ${MAX_OUTLINE_POSITIONS})`,
  },
  MAP_BBOX_INVALID: {
    zh: '范围应为 最小经度,最小纬度,最大经度,最大纬度',
    en: 'bbox must be minLng,minLat,maxLng,maxLat',
  },
});

/**
 * The layers of one map stay small enough for a phone: a street holds a few thousand buildings;
 * a district of 50,000 would be megabytes of markers nobody can read. Regions below a street
 * have longer codes (street 9 digits, community 12, grid 15).
 */
const NARROWEST_WIDE_REGION = 9;

/** Outlines may be drawn for these; a street's or a district's boundary is official, not ours. */
const OUTLINE_LEVELS = new Set(['community', 'grid']);

/**
 * The region the map shows: the caller's scope narrowed by the requested region, or null when
 * the two do not overlap (an empty map, exactly as for a region with nothing on it).
 */
function mapScope(actor: Actor, regionCode: string | undefined): string | null {
  const scope = narrowScope(actor.scope, regionCode);
  if (scope !== null && scope.length < NARROWEST_WIDE_REGION) throw refused('MAP_REGION_TOO_WIDE');
  return scope;
}

/**
 * What the web map needs before drawing: the background, and where to look: the middle of the
 * located buildings of the region, or of the whole scope when the region has none yet (a grid
 * about to be mapped lies among the others).
 */
export async function mapSettings(ctx: AppContext, actor: Actor, regionCode: string | undefined) {
  const scope = narrowScope(actor.scope, regionCode);
  let center = scope === null ? null : await repo.buildingsCentroid(ctx.db, scope);
  if (scope !== null && center === null && scope !== actor.scope) {
    center = await repo.buildingsCentroid(ctx.db, actor.scope);
  }
  const { tileUrl, tileCrs, attribution } = ctx.config.map;
  return { tileUrl, tileCrs, attribution, center };
}

export async function gridLayer(ctx: AppContext, actor: Actor, regionCode: string | undefined) {
  const scope = mapScope(actor, regionCode);
  if (scope === null) return [];
  const [regions, counts] = await Promise.all([
    repo.mapRegions(ctx.db, scope),
    repo.countsByRegion(ctx.db, scope, isoNow(ctx.clock)),
  ]);
  return regions.map((region) => {
    const own = { residents: 0, caredFor: 0, overdue: 0 };
    // A community's figures are those of everything kept under it.
    for (const [code, c] of counts) {
      if (!code.startsWith(region.code)) continue;
      own.residents += c.residents;
      own.caredFor += c.caredFor;
      own.overdue += c.overdue;
    }
    return {
      code: region.code,
      name: region.name,
      level: region.level as 'community' | 'grid',
      geometry: region.geometry === null ? null : (JSON.parse(region.geometry) as OutlineGeometry),
      ...own,
    };
  });
}

export function parseBBox(text: string | undefined): repo.BBox | undefined {
  if (text === undefined) return undefined;
  const [minLng = Number.NaN, minLat = Number.NaN, maxLng = Number.NaN, maxLat = Number.NaN] = text
    .split(',')
    .map(Number);
  const ordered = minLng <= maxLng && minLat <= maxLat;
  const inRange =
    [minLng, maxLng].every((v) => Math.abs(v) <= 180) && [minLat, maxLat].every((v) => Math.abs(v) <= 90);
  if (!ordered || !inRange) {
    throw new AppError(400, 'VALIDATION_FAILED', {}, [{ path: '/bbox', message: 'MAP_BBOX_INVALID' }]);
  }
  return { minLng, minLat, maxLng, maxLat };
}

export async function buildingLayer(
  ctx: AppContext,
  actor: Actor,
  input: { regionCode?: string; bbox?: string },
) {
  const bbox = parseBBox(input.bbox);
  const scope = mapScope(actor, input.regionCode);
  if (scope === null) return [];
  return repo.locatedBuildings(ctx.db, scope, isoNow(ctx.clock), bbox);
}

/** Seven decimals of a degree are about a centimetre: finer than anyone draws or taps. */
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

const invalid = (path: string, code: string) =>
  new AppError(400, 'VALIDATION_FAILED', {}, [{ path, message: code }]);

/**
 * What the schema cannot say about an outline: every ring closed, and not too many positions in
 * all. Ranges, ring lengths and types are the schema's. Returns the geometry as stored, rounded.
 */
export function checkOutline(geometry: OutlineGeometry): OutlineGeometry {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const prefix = geometry.type === 'Polygon' ? '/geometry/coordinates' : '/geometry/coordinates/';
  let positions = 0;
  polygons.forEach((rings, p) => {
    rings.forEach((ring, r) => {
      positions += ring.length;
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
        const at = geometry.type === 'Polygon' ? `${prefix}/${r}` : `${prefix}${p}/${r}`;
        throw invalid(at, 'MAP_RING_NOT_CLOSED');
      }
    });
  });
  if (positions > MAX_OUTLINE_POSITIONS) throw invalid('/geometry/coordinates', 'MAP_TOO_MANY_POSITIONS');
  const roundRings = (rings: [number, number][][]) =>
    rings.map((ring) => ring.map(([lng, lat]) => [round7(lng), round7(lat)] as [number, number]));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: roundRings(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(roundRings) };
}

/** A community or grid in the caller's scope, for its outline; 404 for anything else out of sight. */
async function outlineRegion(ctx: AppContext, actor: Actor, regionCode: string) {
  const region = await repo.findRegion(ctx.db, regionCode, actor.scope);
  if (!region) throw notFound();
  if (!OUTLINE_LEVELS.has(region.level)) throw refused('MAP_OUTLINE_LEVEL');
  return region;
}

export async function saveOutline(ctx: AppContext, actor: Actor, regionCode: string, input: OutlineGeometry) {
  const geometry = checkOutline(input);
  return inTransaction(ctx, async (tx) => {
    await outlineRegion(tx, actor, regionCode);
    const before = await repo.findShape(tx.db, regionCode);
    const shape = {
      region_code: regionCode,
      geometry: JSON.stringify(geometry),
      updated_at: isoNow(tx.clock),
      updated_by: actor.username,
    };
    await repo.upsertShape(tx.db, shape);
    await audit(tx, actor, {
      action: before ? 'region_shape.update' : 'region_shape.create',
      entity: 'region_shape',
      entityId: regionCode,
      regionCode,
      ...(before ? { before: { geometry: JSON.parse(before.geometry) } } : {}),
      after: { geometry },
    });
    return { regionCode, geometry, updatedAt: shape.updated_at, updatedBy: shape.updated_by };
  });
}

export async function deleteOutline(ctx: AppContext, actor: Actor, regionCode: string) {
  return inTransaction(ctx, async (tx) => {
    await outlineRegion(tx, actor, regionCode);
    const before = await repo.findShape(tx.db, regionCode);
    if (!before) throw notFound();
    await repo.deleteShape(tx.db, regionCode);
    await audit(tx, actor, {
      action: 'region_shape.delete',
      entity: 'region_shape',
      entityId: regionCode,
      regionCode,
      before: { geometry: JSON.parse(before.geometry) },
    });
  });
}

export async function locateBuilding(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { lat: number; lng: number },
) {
  const location = { lat: round7(input.lat), lng: round7(input.lng) };
  return inTransaction(ctx, async (tx) => {
    const building = await repo.findBuilding(tx.db, id, actor.scope);
    if (!building) throw notFound();
    await repo.setBuildingLocation(tx.db, id, location, isoNow(tx.clock));
    await audit(tx, actor, {
      action: 'building.locate',
      entity: 'building',
      entityId: id,
      regionCode: building.region_code,
      before: { lat: building.lat, lng: building.lng },
      after: location,
    });
    return { id, regionCode: building.region_code, ...location };
  });
}
