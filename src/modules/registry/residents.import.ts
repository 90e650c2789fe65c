import type { Readable } from 'node:stream';
import type { NewResident } from '../../db/registry-types.js';
import { auditMany } from '../../platform/audit/audit.js';
import { dateInShanghai, isoNow } from '../../platform/clock.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { addMessages, type Lang, message } from '../../platform/i18n.js';
import { parseIdNumber } from '../../platform/identifiers/id-number.js';
import { parseMobile } from '../../platform/identifiers/phone.js';
import { maskIdNumber, maskPhone } from '../../platform/pii.js';
import { nameSearchKeys } from '../../platform/pinyin.js';
import { whereInScope } from '../../platform/scope.js';
import { type ImportColumn, type ImportRow, importAllOrNothing } from '../../platform/xlsx-import.js';
import { date, gridsInScope, labelsOf, oneOf, text } from './import-cells.js';
import { HUKOU, POLITICAL, RELATIONS, RESIDENT_STATUS } from './registry.vocabulary.js';

addMessages({
  IMPORT_HOUSE_UNKNOWN: {
    zh: '该网格中没有这个房屋，请先导入房屋或改正地址',
    en: 'No such house in this grid; import the houses first or correct the address',
  },
  IMPORT_ADDRESS_INCOMPLETE: {
    zh: '填写地址时楼栋和房号都要填',
    en: 'An address needs a building and a room',
  },
  IMPORT_SAME_PERSON: { zh: '与第 {row} 行是同一身份证号', en: 'Same ID number as row {row}' },
  IMPORT_PERSON_EXISTS: {
    zh: '此身份证号已登记，一人只能有一条档案',
    en: 'This ID number is already registered; one person has one record',
  },
  IMPORT_BIRTH_DATE_MISMATCH: {
    zh: '出生日期与身份证号不符',
    en: 'The birth date does not match the ID number',
  },
});

type Key =
  | 'name'
  | 'idNumber'
  | 'phone'
  | 'grid'
  | 'hukou'
  | 'status'
  | 'relation'
  | 'political'
  | 'work'
  | 'moveInDate'
  | 'birthDate'
  | 'estate'
  | 'building'
  | 'unit'
  | 'room'
  | 'note';

/** The residents template and what each of its columns accepts. */
export function residentColumns(lang: Lang, today: string): ImportColumn<Key>[] {
  const idNumber = (raw: string) => {
    const parsed = parseIdNumber(raw, today);
    return 'problem' in parsed
      ? { error: message(`ID_NUMBER_${parsed.problem.toUpperCase()}`, lang) }
      : { value: parsed };
  };
  const phone = (raw: string) => {
    const parsed = parseMobile(raw);
    return 'problem' in parsed ? { error: message('MOBILE_FORMAT', lang) } : { value: parsed.phone };
  };
  return [
    { key: 'name', header: '姓名', required: true, example: '王小明', parse: text(40) },
    {
      key: 'idNumber',
      header: '身份证号',
      required: true,
      example: '11010519491231002X',
      note: '18位，末位X大小写均可；出生日期和性别由号码得出',
      parse: idNumber,
    },
    { key: 'phone', header: '手机号', example: '13812345678', note: '11位手机号', parse: phone },
    {
      key: 'grid',
      header: '网格',
      required: true,
      example: '第一网格',
      note: '网格名称或15位网格编码',
      parse: text(40),
    },
    {
      key: 'hukou',
      header: '户籍',
      required: true,
      example: '本地户籍',
      note: labelsOf('hukou', HUKOU),
      parse: oneOf('hukou', HUKOU, lang),
    },
    {
      key: 'status',
      header: '居住状态',
      example: '常住',
      note: `${labelsOf('status', RESIDENT_STATUS)}；不填为常住`,
      parse: oneOf('status', RESIDENT_STATUS, lang),
    },
    {
      key: 'relation',
      header: '与户主关系',
      example: '户主',
      note: labelsOf('relation', RELATIONS),
      parse: oneOf('relation', RELATIONS, lang),
    },
    {
      key: 'political',
      header: '政治面貌',
      example: '群众',
      note: labelsOf('political', POLITICAL),
      parse: oneOf('political', POLITICAL, lang),
    },
    { key: 'work', header: '工作单位', example: '兰州石化', parse: text(100) },
    {
      key: 'moveInDate',
      header: '迁入日期',
      example: '2020-05-01',
      note: '格式 2020-05-01',
      parse: date(lang),
    },
    {
      key: 'birthDate',
      header: '出生日期',
      example: '1949-12-31',
      note: '可不填；填写时须与身份证号一致',
      parse: date(lang),
    },
    { key: 'estate', header: '小区', example: '枣林西苑', parse: text(60) },
    { key: 'building', header: '楼栋', example: '3号楼', parse: text(20) },
    { key: 'unit', header: '单元', example: '2单元', parse: text(20) },
    { key: 'room', header: '房号', example: '301', parse: text(20) },
    { key: 'note', header: '备注', parse: text(500) },
  ];
}

interface Facts {
  idNumber: string;
  birthDate: string;
  gender: string;
}

const addressKey = (grid: string, estate: unknown, building: unknown, unit: unknown, room: unknown) =>
  [grid, estate ?? '', building, unit ?? '', room].join('\u0000');

/** The houses a batch refers to, found in one query by building number within the scope. */
async function housesFor(ctx: AppContext, scope: string, rows: ImportRow<Key>[]) {
  const numbers = [...new Set(rows.flatMap((r) => (r.values.building ? [String(r.values.building)] : [])))];
  const found = new Map<string, number>();
  if (numbers.length === 0) return found;
  const houses = await whereInScope(
    ctx.db
      .selectFrom('houses')
      .innerJoin('buildings', 'buildings.id', 'houses.building_id')
      .leftJoin('estates', 'estates.id', 'buildings.estate_id')
      .select([
        'houses.id',
        'houses.region_code',
        'houses.unit',
        'houses.room',
        'buildings.number',
        'estates.name',
      ]),
    'houses.region_code',
    scope,
  )
    .where('buildings.number', 'in', numbers)
    .where('houses.deleted_at', 'is', null)
    .execute();
  for (const h of houses) {
    found.set(addressKey(h.region_code, h.name, h.number, h.unit, h.room), h.id);
    // Leaving the estate blank matches when the building number alone is enough.
    found.set(addressKey(h.region_code, null, h.number, h.unit, h.room), h.id);
  }
  return found;
}

/**
 * Imports residents from an .xlsx upload, all or nothing: every row is checked (cells, the
 * grid, the address, the same person twice in the file or already registered) in one
 * transaction, and any problem rolls back everything and answers the full list of problems.
 */
export async function importResidents(ctx: AppContext, actor: Actor, file: Readable, lang: Lang) {
  const today = dateInShanghai(ctx.clock.now());
  const columns = residentColumns(lang, today);
  const grids = await gridsInScope(ctx, actor.scope);
  const seen = new Map<string, number>();
  return importAllOrNothing(ctx, file, columns, lang, {
    check: (values, row) => {
      const problems: { column?: Key; message: string }[] = [];
      const grid = grids.get(String(values.grid));
      if (!grid) problems.push({ column: 'grid', message: message('IMPORT_GRID_UNKNOWN', lang) });
      const facts = values.idNumber as Facts;
      if (values.birthDate !== null && values.birthDate !== facts.birthDate)
        problems.push({ column: 'birthDate', message: message('IMPORT_BIRTH_DATE_MISMATCH', lang) });
      if ((values.building === null) !== (values.room === null))
        problems.push({ column: 'room', message: message('IMPORT_ADDRESS_INCOMPLETE', lang) });
      const index = ctx.pii.blindIndex(facts.idNumber);
      const first = seen.get(index);
      if (first !== undefined)
        problems.push({ column: 'idNumber', message: message('IMPORT_SAME_PERSON', lang, { row: first }) });
      else seen.set(index, row);
      return problems;
    },
    batch: async (tx, rows) => {
      const indexes = rows.map((r) => tx.pii.blindIndex((r.values.idNumber as Facts).idNumber));
      const [existing, houses] = await Promise.all([
        tx.db
          .selectFrom('residents')
          .select('id_number_index')
          .where('id_number_index', 'in', indexes)
          .execute(),
        housesFor(tx, actor.scope, rows),
      ]);
      const registered = new Set(existing.map((e) => e.id_number_index));
      const problems: { row: number; column?: Key; message: string }[] = [];
      const records: NewResident[] = [];
      const masked = new Map<string, object>();
      rows.forEach((r, i) => {
        const v = r.values;
        const regionCode = grids.get(String(v.grid)) as string;
        if (registered.has(indexes[i] as string))
          problems.push({ row: r.row, column: 'idNumber', message: message('IMPORT_PERSON_EXISTS', lang) });
        let houseId: number | null = null;
        if (v.building !== null) {
          houseId = houses.get(addressKey(regionCode, v.estate, v.building, v.unit, v.room)) ?? null;
          if (houseId === null)
            problems.push({ row: r.row, column: 'room', message: message('IMPORT_HOUSE_UNKNOWN', lang) });
        }
        const record = residentRecord(tx, v, regionCode, houseId, indexes[i] as string);
        records.push(record);
        masked.set(record.id_number_index, {
          name: record.name,
          idNumber: maskIdNumber((v.idNumber as Facts).idNumber),
          phone: v.phone === null ? null : maskPhone(String(v.phone)),
          regionCode,
          hukou: record.hukou,
          status: record.status,
        });
      });
      return { problems, write: () => insertAll(tx, actor, records, masked) };
    },
  });
}

function residentRecord(
  ctx: AppContext,
  v: Record<Key, unknown>,
  regionCode: string,
  houseId: number | null,
  index: string,
): NewResident {
  const facts = v.idNumber as Facts;
  const phone = v.phone as string | null;
  const name = String(v.name);
  const keys = nameSearchKeys(name);
  const now = isoNow(ctx.clock);
  return {
    region_code: regionCode,
    household_id: null,
    house_id: houseId,
    relation: v.relation as string | null,
    name,
    name_pinyin: keys.full,
    name_initials: keys.initials,
    id_number_enc: ctx.pii.encrypt(facts.idNumber),
    id_number_index: index,
    phone_enc: phone === null ? null : ctx.pii.encrypt(phone),
    phone_index: phone === null ? null : ctx.pii.blindIndex(phone),
    phone_tail: phone === null ? null : phone.slice(-4),
    birth_date: facts.birthDate,
    gender: facts.gender,
    hukou: v.hukou as string,
    status: (v.status as string | null) ?? 'resident',
    political: v.political as string | null,
    work: v.work as string | null,
    move_in_date: v.moveInDate as string | null,
    move_out_date: null,
    note: v.note as string | null,
    created_at: now,
    updated_at: now,
  };
}

/** Writes a batch and its audit records (masked, one per person, as a single create would). */
async function insertAll(ctx: AppContext, actor: Actor, records: NewResident[], masked: Map<string, object>) {
  const inserted = await ctx.db
    .insertInto('residents')
    .values(records)
    .returning(['id', 'region_code', 'id_number_index'])
    .execute();
  await auditMany(
    ctx,
    actor,
    inserted.map((r) => ({
      action: 'resident.import',
      entity: 'resident',
      entityId: r.id,
      regionCode: r.region_code,
      after: masked.get(r.id_number_index),
    })),
  );
}
