import type { Readable } from 'node:stream';
import { lockKey } from '../../db/locks.js';
import type { BuildingRow } from '../../db/registry-types.js';
import { auditMany } from '../../platform/audit/audit.js';
import { isoNow } from '../../platform/clock.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { addMessages, type Lang, message } from '../../platform/i18n.js';
import { inScope, whereInScope } from '../../platform/scope.js';
import {
  type ImportColumn,
  type ImportFieldProblem,
  importAllOrNothing,
} from '../../platform/xlsx-import.js';
import {
  decimal,
  firstRows,
  gridsInScope,
  integer,
  labelsOf,
  limitedText,
  oneOf,
  problemsOf,
  text,
} from './import-cells.js';
import { type BuildingPlace, buildingPlaceLock } from './places.repository.js';
import { checkCoordinates } from './places.service.js';
import { BUILDING_KINDS } from './registry.vocabulary.js';

addMessages({
  IMPORT_ESTATE_AMBIGUOUS: {
    zh: '您的管辖范围内有 {count} 个同名小区都包含该网格，请先在系统中改名区分',
    en: '{count} estates of this name within your scope hold the grid; rename one of them first',
  },
});

type Key =
  | 'grid'
  | 'estate'
  | 'number'
  | 'kind'
  | 'floors'
  | 'units'
  | 'elevators'
  | 'address'
  | 'lat'
  | 'lng';

/**
 * The buildings template. The bounds are those of the API (places.schemas.ts): a building is
 * the same record whether typed into the form or imported.
 */
export function buildingColumns(lang: Lang): ImportColumn<Key>[] {
  return [
    {
      key: 'grid',
      header: '网格',
      required: true,
      example: '第一网格',
      note: '网格名称或15位网格编码',
      parse: text(40),
    },
    {
      key: 'estate',
      header: '小区',
      example: '枣林西苑',
      note: '已登记的小区名称；不属于任何小区的楼栋不填',
      parse: text(60),
    },
    {
      key: 'number',
      header: '楼栋号',
      required: true,
      example: '3号楼',
      note: '同一小区内不能重复，最多20个字',
      parse: limitedText(20, lang),
    },
    {
      key: 'kind',
      header: '类型',
      example: '住宅',
      note: `${labelsOf('buildingKind', BUILDING_KINDS)}；不填为住宅`,
      parse: oneOf('buildingKind', BUILDING_KINDS, lang),
    },
    { key: 'floors', header: '层数', example: '6', note: '0–200 的整数', parse: integer(0, 200, lang) },
    { key: 'units', header: '单元数', example: '3', note: '0–100 的整数', parse: integer(0, 100, lang) },
    { key: 'elevators', header: '电梯数', example: '0', note: '0–100 的整数', parse: integer(0, 100, lang) },
    {
      key: 'address',
      header: '地址',
      example: '兰州市安宁区枣林西路128号',
      parse: limitedText(200, lang),
    },
    {
      key: 'lat',
      header: '纬度',
      example: '36.1098',
      note: 'WGS-84（GPS）纬度，-90–90；与经度同时填写或同时不填',
      parse: decimal(-90, 90, 15, lang),
    },
    {
      key: 'lng',
      header: '经度',
      example: '103.7122',
      note: 'WGS-84（GPS）经度，-180–180；与纬度同时填写或同时不填',
      parse: decimal(-180, 180, 15, lang),
    },
  ];
}

interface Estate {
  id: number;
  name: string;
  region_code: string;
}

/** The live estates under the scope, by name: the few of a community are read once. */
async function estatesInScope(ctx: AppContext, scope: string) {
  const rows = await whereInScope(
    ctx.db.selectFrom('estates').select(['id', 'name', 'region_code']).where('deleted_at', 'is', null),
    'region_code',
    scope,
  ).execute();
  const byName = new Map<string, Estate[]>();
  for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  return byName;
}

/** A building number as unique as it must be: in its estate, or in its grid outside estates. */
const placeKey = (place: BuildingPlace) => `${buildingPlaceLock(place)}\u0000${place.number}`;

/**
 * Imports buildings from an .xlsx upload, all or nothing. Every row is checked as a single
 * create would be (a grid in scope, an estate holding that grid, coordinates in pairs, one number
 * per estate or, outside estates, per grid, in the file and among the buildings already registered) inside one transaction;
 * any problem rolls everything back and answers the full list.
 */
export async function importBuildings(ctx: AppContext, actor: Actor, file: Readable, lang: Lang) {
  const columns = buildingColumns(lang);
  const [grids, estates] = await Promise.all([
    gridsInScope(ctx, actor.scope),
    estatesInScope(ctx, actor.scope),
  ]);
  /** The estate a row names, among those whose region holds the row's grid. */
  const estateOf = (name: string, grid: string): Estate | { error: string } => {
    const named = estates.get(name) ?? [];
    const holding = named.filter((e) => inScope(e.region_code, grid));
    const [only] = holding;
    if (only && holding.length === 1) return only;
    if (holding.length > 1)
      return { error: message('IMPORT_ESTATE_AMBIGUOUS', lang, { count: holding.length }) };
    return { error: message(named.length > 0 ? 'ESTATE_REGION_MISMATCH' : 'ESTATE_UNKNOWN', lang) };
  };
  const numbers = firstRows();
  const locked = new Set<string>();

  return importAllOrNothing(ctx, file, columns, lang, {
    check: (v, row) => {
      const problems: ImportFieldProblem<Key>[] = problemsOf(lang, { lat: 'lat', lng: 'lng' }, () =>
        checkCoordinates(v.lat as number | null, v.lng as number | null),
      );
      const grid = grids.get(String(v.grid));
      if (!grid) return [...problems, { column: 'grid', message: message('IMPORT_GRID_UNKNOWN', lang) }];
      const estate = v.estate === null ? null : estateOf(String(v.estate), grid);
      if (estate && 'error' in estate) return [...problems, { column: 'estate', message: estate.error }];
      const place = { estateId: estate?.id ?? null, regionCode: grid, number: String(v.number) };
      const first = numbers.repeated(placeKey(place), row);
      if (first !== undefined)
        problems.push({ column: 'number', message: message('IMPORT_SAME_ROW', lang, { row: first }) });
      return problems;
    },
    batch: async (tx, rows) => {
      const now = isoNow(tx.clock);
      const records = rows.map((r) => {
        const v = r.values;
        const regionCode = grids.get(String(v.grid)) as string;
        const estate = v.estate === null ? null : (estateOf(String(v.estate), regionCode) as Estate);
        const record: Omit<BuildingRow, 'id'> = {
          region_code: regionCode,
          estate_id: estate?.id ?? null,
          number: String(v.number),
          kind: (v.kind as string | null) ?? 'residential',
          floors: v.floors as number | null,
          units: v.units as number | null,
          elevators: v.elevators as number | null,
          address: v.address as string | null,
          lat: v.lat as number | null,
          lng: v.lng as number | null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        };
        return { row: r.row, record, estateName: estate?.name ?? null };
      });

      // One number per estate (or grid, outside estates): the lock is the one a single create
      // takes, so that a clerk adding the same building meanwhile waits for this import to end.
      const places = records.map((r) => ({
        estateId: r.record.estate_id,
        regionCode: r.record.region_code,
        number: r.record.number,
      }));
      for (const key of [...new Set(places.map(buildingPlaceLock))].filter((k) => !locked.has(k)).sort()) {
        await lockKey(tx.db, key);
        locked.add(key);
      }
      const numbered = [...new Set(places.map((p) => p.number))];
      const estateIds = [...new Set(places.flatMap((p) => (p.estateId === null ? [] : [p.estateId])))];
      const looseGrids = [...new Set(places.flatMap((p) => (p.estateId === null ? [p.regionCode] : [])))];
      const existing = await tx.db
        .selectFrom('buildings')
        .select(['estate_id', 'region_code', 'number'])
        .where('number', 'in', numbered)
        .where('deleted_at', 'is', null)
        .where((eb) =>
          eb.or([
            ...(estateIds.length ? [eb('estate_id', 'in', estateIds)] : []),
            ...(looseGrids.length
              ? [eb.and([eb('estate_id', 'is', null), eb('region_code', 'in', looseGrids)])]
              : []),
          ]),
        )
        .execute();
      const taken = new Set(
        existing.map((b) => placeKey({ estateId: b.estate_id, regionCode: b.region_code, number: b.number })),
      );
      const problems = records.flatMap((r, i) =>
        taken.has(placeKey(places[i] as BuildingPlace))
          ? [{ row: r.row, column: 'number' as const, message: message('BUILDING_EXISTS', lang) }]
          : [],
      );
      return {
        problems,
        write: async () => {
          const inserted = await tx.db
            .insertInto('buildings')
            .values(records.map((r) => r.record))
            .returningAll()
            .execute();
          const estateNames = new Map(records.map((r) => [r.record.estate_id, r.estateName]));
          await auditMany(
            tx,
            actor,
            inserted.map((b) => ({
              action: 'building.import',
              entity: 'building',
              entityId: b.id,
              regionCode: b.region_code,
              after: {
                id: b.id,
                regionCode: b.region_code,
                estateId: b.estate_id,
                estateName: estateNames.get(b.estate_id) ?? null,
                number: b.number,
                kind: b.kind,
                floors: b.floors,
                units: b.units,
                elevators: b.elevators,
                address: b.address,
                lat: b.lat,
                lng: b.lng,
              },
            })),
          );
        },
      };
    },
  });
}
