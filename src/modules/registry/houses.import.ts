import type { Readable } from 'node:stream';
import { lockKey } from '../../db/locks.js';
import type { HouseRow } from '../../db/registry-types.js';
import { auditMany } from '../../platform/audit/audit.js';
import { isoNow } from '../../platform/clock.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { type Lang, message } from '../../platform/i18n.js';
import {
  type ImportColumn,
  type ImportFieldProblem,
  importAllOrNothing,
} from '../../platform/xlsx-import.js';
import {
  buildingsNumbered,
  decimal,
  firstRows,
  gridsInScope,
  integer,
  labelsOf,
  limitedText,
  type NumberedBuilding,
  oneOf,
  pickBuilding,
  text,
} from './import-cells.js';
import { formatAddress } from './places.present.js';
// Loads the places' messages (HOUSE_EXISTS) the import reports in the services' words.
import './places.service.js';
import { HOUSE_USES } from './registry.vocabulary.js';

type Key = 'grid' | 'estate' | 'building' | 'unit' | 'floor' | 'room' | 'area' | 'use';

/** The houses template; bounds as in the API (places.schemas.ts). */
export function houseColumns(lang: Lang): ImportColumn<Key>[] {
  return [
    {
      key: 'grid',
      header: '网格',
      example: '第一网格',
      note: '网格名称或15位网格编码；楼栋号（加小区）能确定楼栋时可不填',
      parse: text(40),
    },
    {
      key: 'estate',
      header: '小区',
      example: '枣林西苑',
      note: '楼栋所在小区；不同小区有同号楼栋时必填',
      parse: text(60),
    },
    {
      key: 'building',
      header: '楼栋号',
      required: true,
      example: '3号楼',
      note: '已登记的楼栋（先导入楼栋）',
      parse: limitedText(20, lang),
    },
    { key: 'unit', header: '单元', example: '2单元', note: '没有单元的楼不填', parse: limitedText(20, lang) },
    {
      key: 'floor',
      header: '楼层',
      example: '3',
      note: '-10–200 的整数，地下为负数',
      parse: integer(-10, 200, lang),
    },
    {
      key: 'room',
      header: '房号',
      required: true,
      example: '301',
      note: '同一楼栋同一单元内不能重复',
      parse: limitedText(20, lang),
    },
    {
      key: 'area',
      header: '面积（㎡）',
      example: '78.5',
      note: '建筑面积，平方米，最多两位小数',
      parse: decimal(0, 1_000_000, 2, lang, { scale: true }),
    },
    {
      key: 'use',
      header: '用途',
      example: '住宅',
      note: `${labelsOf('houseUse', HOUSE_USES)}；不填为住宅`,
      parse: oneOf('houseUse', HOUSE_USES, lang),
    },
  ];
}

const NO_UNIT = '\u0001';
const roomKey = (buildingId: number, unit: string | null, room: string) =>
  `${buildingId}\u0000${unit ?? NO_UNIT}\u0000${room}`;

/**
 * Imports houses from an .xlsx upload, all or nothing. Each row names its building by number
 * (with the estate or grid where the number alone is ambiguous) among the buildings in the
 * caller's scope; a unit and room are one per building, in the file and among the live houses.
 */
export async function importHouses(ctx: AppContext, actor: Actor, file: Readable, lang: Lang) {
  const columns = houseColumns(lang);
  const grids = await gridsInScope(ctx, actor.scope);
  const rooms = firstRows();
  const locked = new Set<number>();

  return importAllOrNothing(ctx, file, columns, lang, {
    check: (v) =>
      v.grid !== null && !grids.get(String(v.grid))
        ? [{ column: 'grid', message: message('IMPORT_GRID_UNKNOWN', lang) }]
        : [],
    batch: async (tx, rows) => {
      const found = await buildingsNumbered(
        tx,
        actor.scope,
        rows.map((r) => String(r.values.building)),
      );
      const problems: (ImportFieldProblem<Key> & { row: number })[] = [];
      const now = isoNow(tx.clock);
      const planned: { row: number; record: Omit<HouseRow, 'id'>; building: NumberedBuilding }[] = [];
      for (const r of rows) {
        const v = r.values;
        const picked = pickBuilding(
          found,
          {
            number: String(v.building),
            estate: v.estate as string | null,
            grid: v.grid === null ? null : (grids.get(String(v.grid)) as string),
          },
          lang,
        );
        if ('error' in picked) {
          problems.push({ row: r.row, column: 'building', message: picked.error });
          continue;
        }
        const { building } = picked;
        const unit = v.unit as string | null;
        const room = String(v.room);
        const first = rooms.repeated(roomKey(building.id, unit, room), r.row);
        if (first !== undefined) {
          problems.push({
            row: r.row,
            column: 'room',
            message: message('IMPORT_SAME_ROW', lang, { row: first }),
          });
          continue;
        }
        planned.push({
          row: r.row,
          building,
          record: {
            region_code: building.region_code,
            building_id: building.id,
            unit,
            floor: v.floor as number | null,
            room,
            area: v.area as number | null,
            use: (v.use as string | null) ?? 'residential',
            created_at: now,
            updated_at: now,
            deleted_at: null,
          },
        });
      }

      // A room is one per unit of a building: the same lock as a single create, then one query.
      const buildingIds = [...new Set(planned.map((p) => p.building.id))];
      for (const id of buildingIds.filter((id) => !locked.has(id)).sort((a, b) => a - b)) {
        await lockKey(tx.db, `building-rooms:${id}`);
        locked.add(id);
      }
      const taken = new Set<string>();
      if (planned.length > 0) {
        const existing = await tx.db
          .selectFrom('houses')
          .select(['building_id', 'unit', 'room'])
          .where('building_id', 'in', buildingIds)
          .where('room', 'in', [...new Set(planned.map((p) => p.record.room))])
          .where('deleted_at', 'is', null)
          .execute();
        for (const h of existing) taken.add(roomKey(h.building_id, h.unit, h.room));
      }
      for (const p of planned) {
        if (taken.has(roomKey(p.building.id, p.record.unit, p.record.room)))
          problems.push({ row: p.row, column: 'room', message: message('HOUSE_EXISTS', lang) });
      }
      return {
        problems,
        write: async () => {
          const inserted = await tx.db
            .insertInto('houses')
            .values(planned.map((p) => p.record))
            .returningAll()
            .execute();
          const buildings = new Map(planned.map((p) => [p.building.id, p.building]));
          await auditMany(
            tx,
            actor,
            inserted.map((h) => {
              const building = buildings.get(h.building_id);
              return {
                action: 'house.import',
                entity: 'house',
                entityId: h.id,
                regionCode: h.region_code,
                after: {
                  id: h.id,
                  regionCode: h.region_code,
                  buildingId: h.building_id,
                  unit: h.unit,
                  floor: h.floor,
                  room: h.room,
                  area: h.area,
                  use: h.use,
                  address: formatAddress({
                    estateName: building?.estate_name,
                    buildingNumber: building?.number,
                    unit: h.unit,
                    room: h.room,
                  }),
                },
              };
            }),
          );
        },
      };
    },
  });
}
