import type { Readable } from 'node:stream';
import { lockKey } from '../../db/locks.js';
import type { OrganisationRow } from '../../db/registry-types.js';
import { auditMany } from '../../platform/audit/audit.js';
import { isoNow } from '../../platform/clock.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { type Lang, message } from '../../platform/i18n.js';
import { parseCreditCode } from '../../platform/identifiers/credit-code.js';
import { parseMobile } from '../../platform/identifiers/phone.js';
import { maskPhone } from '../../platform/pii.js';
import {
  type ImportColumn,
  type ImportFieldProblem,
  importAllOrNothing,
} from '../../platform/xlsx-import.js';
import {
  buildingsNumbered,
  firstRows,
  gridsInScope,
  labelsOf,
  limitedText,
  oneOf,
  type Parsed,
  pickBuilding,
  text,
} from './import-cells.js';
// Loads the organisations' messages (CREDIT_CODE_*, DUPLICATE_ORGANISATION) the import reports.
import './organisations.service.js';
import { ORGANISATION_KINDS } from './registry.vocabulary.js';

type Key =
  | 'grid'
  | 'kind'
  | 'name'
  | 'creditCode'
  | 'category'
  | 'contactName'
  | 'contactPhone'
  | 'address'
  | 'estate'
  | 'building';

/** The organisations and shops template; rules as in organisations.service.ts. */
export function organisationColumns(lang: Lang): ImportColumn<Key>[] {
  const creditCode = (raw: string): Parsed => {
    const parsed = parseCreditCode(raw);
    if (!('problem' in parsed)) return { value: parsed.creditCode };
    return {
      error: message(parsed.problem === 'format' ? 'CREDIT_CODE_FORMAT' : 'CREDIT_CODE_CHECKSUM', lang),
    };
  };
  const phone = (raw: string): Parsed => {
    const parsed = parseMobile(raw);
    return 'problem' in parsed ? { error: message('MOBILE_FORMAT', lang) } : { value: parsed.phone };
  };
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
      key: 'kind',
      header: '类别',
      required: true,
      example: '商铺',
      note: labelsOf('organisationKind', ORGANISATION_KINDS),
      parse: oneOf('organisationKind', ORGANISATION_KINDS, lang),
    },
    { key: 'name', header: '名称', required: true, example: '枣林西便民超市', parse: limitedText(100, lang) },
    {
      key: 'creditCode',
      header: '统一社会信用代码',
      example: '91620105MA71234567',
      note: '18位，按 GB 32100 校验；一个代码只能登记一次',
      parse: creditCode,
    },
    { key: 'category', header: '行业/分类', example: '零售', parse: limitedText(40, lang) },
    { key: 'contactName', header: '联系人', example: '张丽', parse: limitedText(40, lang) },
    { key: 'contactPhone', header: '联系电话', example: '13912345678', note: '11位手机号', parse: phone },
    { key: 'address', header: '地址', example: '枣林西路128号底商', parse: limitedText(200, lang) },
    {
      key: 'estate',
      header: '小区',
      example: '枣林西苑',
      note: '只用于找到楼栋：网格内有同号楼栋时填写',
      parse: text(60),
    },
    {
      key: 'building',
      header: '楼栋号',
      example: '1号楼',
      note: '单位所在的已登记楼栋，须在所填网格内；可不填',
      parse: limitedText(20, lang),
    },
  ];
}

/**
 * Imports organisations and shops from an .xlsx upload, all or nothing: a grid in scope, a
 * building (when given) in that grid, a credit code valid and held by no other live
 * organisation nor by another row. Contact numbers are stored encrypted and audited masked.
 */
export async function importOrganisations(ctx: AppContext, actor: Actor, file: Readable, lang: Lang) {
  const columns = organisationColumns(lang);
  const grids = await gridsInScope(ctx, actor.scope);
  const codes = firstRows();
  const locked = new Set<string>();

  return importAllOrNothing(ctx, file, columns, lang, {
    check: (v, row) => {
      const problems: ImportFieldProblem<Key>[] = [];
      if (!grids.get(String(v.grid)))
        problems.push({ column: 'grid', message: message('IMPORT_GRID_UNKNOWN', lang) });
      const first = v.creditCode === null ? undefined : codes.repeated(String(v.creditCode), row);
      if (first !== undefined)
        problems.push({ column: 'creditCode', message: message('IMPORT_SAME_ROW', lang, { row: first }) });
      return problems;
    },
    batch: async (tx, rows) => {
      const found = await buildingsNumbered(
        tx,
        actor.scope,
        rows.flatMap((r) => (r.values.building === null ? [] : [String(r.values.building)])),
      );
      // A credit code names one legal entity anywhere, as for a single create (and its lock).
      const batchCodes = [
        ...new Set(rows.flatMap((r) => (r.values.creditCode === null ? [] : [String(r.values.creditCode)]))),
      ];
      for (const code of batchCodes.filter((c) => !locked.has(c)).sort()) {
        await lockKey(tx.db, `credit-code:${code}`);
        locked.add(code);
      }
      const registered = new Set(
        batchCodes.length === 0
          ? []
          : (
              await tx.db
                .selectFrom('organisations')
                .select('credit_code')
                .where('credit_code', 'in', batchCodes)
                .where('deleted_at', 'is', null)
                .execute()
            ).map((o) => o.credit_code),
      );

      const problems: (ImportFieldProblem<Key> & { row: number })[] = [];
      const records: Omit<OrganisationRow, 'id'>[] = [];
      const now = isoNow(tx.clock);
      for (const r of rows) {
        const v = r.values;
        const regionCode = grids.get(String(v.grid)) as string;
        const creditCode = v.creditCode as string | null;
        if (creditCode !== null && registered.has(creditCode))
          problems.push({
            row: r.row,
            column: 'creditCode',
            message: message('DUPLICATE_ORGANISATION', lang),
          });
        let buildingId: number | null = null;
        if (v.building !== null) {
          const picked = pickBuilding(
            found,
            { number: String(v.building), estate: v.estate as string | null, grid: regionCode },
            lang,
          );
          if ('error' in picked) problems.push({ row: r.row, column: 'building', message: picked.error });
          else buildingId = picked.building.id;
        }
        const phone = v.contactPhone as string | null;
        records.push({
          region_code: regionCode,
          kind: String(v.kind),
          name: String(v.name),
          credit_code: creditCode,
          category: v.category as string | null,
          contact_name: v.contactName as string | null,
          contact_phone_enc: phone === null ? null : tx.pii.encrypt(phone),
          address: v.address as string | null,
          building_id: buildingId,
          lat: null,
          lng: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        });
      }
      return {
        problems,
        write: async () => {
          const inserted = await tx.db.insertInto('organisations').values(records).returningAll().execute();
          await auditMany(
            tx,
            actor,
            inserted.map((o) => ({
              action: 'organisation.import',
              entity: 'organisation',
              entityId: o.id,
              regionCode: o.region_code,
              after: {
                id: o.id,
                regionCode: o.region_code,
                kind: o.kind,
                name: o.name,
                creditCode: o.credit_code,
                category: o.category,
                contactName: o.contact_name,
                contactPhone:
                  o.contact_phone_enc === null ? null : maskPhone(tx.pii.decrypt(o.contact_phone_enc)),
                address: o.address,
                buildingId: o.building_id,
              },
            })),
          );
        },
      };
    },
  });
}
