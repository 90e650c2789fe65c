import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { addMessages, hasMessage, type Lang, message } from '../../platform/i18n.js';
import { whereInScope } from '../../platform/scope.js';
import type { ImportFieldProblem } from '../../platform/xlsx-import.js';
import { REGISTRY_LABELS } from './registry.vocabulary.js';

/**
 * Cell parsers and lookups the registry's imports share (residents, buildings, houses,
 * organisations). A parser turns a non-empty, trimmed cell into the stored value or a message in
 * the caller's language; the import engine reports it at the cell's row and column.
 */

addMessages({
  IMPORT_ONE_OF: { zh: '应为以下之一：{values}', en: 'Must be one of: {values}' },
  IMPORT_DATE: { zh: '日期格式应为 2024-05-01', en: 'Dates are written 2024-05-01' },
  IMPORT_GRID_UNKNOWN: {
    zh: '没有这个网格，或它不在您的管辖范围内（可填网格名称或15位网格编码）',
    en: 'No such grid within your scope (give the grid name or its 15-digit code)',
  },
  IMPORT_INTEGER: {
    zh: '应为 {min} 到 {max} 之间的整数',
    en: 'Must be a whole number from {min} to {max}',
  },
  IMPORT_DECIMAL: {
    zh: '应为 {min} 到 {max} 之间的数，最多 {places} 位小数',
    en: 'Must be a number from {min} to {max} with at most {places} decimal places',
  },
  IMPORT_TOO_LONG: { zh: '最多 {max} 个字', en: 'At most {max} characters' },
  IMPORT_SAME_ROW: { zh: '与第 {row} 行重复', en: 'Same as row {row}' },
  IMPORT_BUILDING_UNKNOWN: {
    zh: '没有这个楼栋，或它不在您的管辖范围内，请先导入楼栋或改正楼栋号、小区',
    en: 'No such building within your scope; import the buildings first or correct the number or estate',
  },
  IMPORT_BUILDING_AMBIGUOUS: {
    zh: '有 {count} 个楼栋是这个楼栋号，请填写小区或网格加以区分',
    en: '{count} buildings have this number; give the estate or the grid to tell them apart',
  },
  IMPORT_BUILDING_OTHER_GRID: {
    zh: '该楼栋不在所填网格中',
    en: 'The building is not in the grid given',
  },
});

export type Parsed = { value: unknown } | { error: string };

/** A vocabulary cell: the Chinese name as in the template, or the stored English code. */
export function oneOf(list: string, codes: readonly string[], lang: Lang) {
  const labels = REGISTRY_LABELS[list] ?? {};
  const byText = new Map<string, string>(
    codes.flatMap((c) => [[c, c] as const, [labels[c] ?? c, c] as const]),
  );
  const names = codes.map((c) => labels[c] ?? c).join('、');
  return (text: string): Parsed => {
    const code = byText.get(text);
    return code ? { value: code } : { error: message('IMPORT_ONE_OF', lang, { values: names }) };
  };
}

/** The Chinese names of a vocabulary, for a template's notes: `住宅、商业、商住混合`. */
export const labelsOf = (list: string, codes: readonly string[]) =>
  codes.map((c) => REGISTRY_LABELS[list]?.[c] ?? c).join('、');

export const date =
  (lang: Lang) =>
  (text: string): Parsed =>
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(Date.parse(text)) &&
    new Date(text).toISOString().startsWith(text)
      ? { value: text }
      : { error: message('IMPORT_DATE', lang) };

/** Free text, cut to the column's length (the residents import's rule). */
export const text = (max: number) => (value: string) => ({ value: value.slice(0, max) });

/** Free text that must fit the column: a name or number cut short would be a different one. */
export const limitedText =
  (max: number, lang: Lang) =>
  (value: string): Parsed =>
    [...value].length <= max ? { value } : { error: message('IMPORT_TOO_LONG', lang, { max }) };

/** A whole number within the bounds the API's schema sets for the field. */
export const integer =
  (min: number, max: number, lang: Lang) =>
  (value: string): Parsed => {
    const n = /^-?\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
    return Number.isInteger(n) && n >= min && n <= max
      ? { value: n }
      : { error: message('IMPORT_INTEGER', lang, { min, max }) };
  };

/**
 * A decimal number with at most `places` decimals, read from its digits (not through a float, so
 * 85.35 m² is exactly 8535 hundredths). `scale` multiplies the stored value by 10^places:
 * areas are kept as integer hundredths of a square metre.
 */
export function decimal(
  min: number,
  max: number,
  places: number,
  lang: Lang,
  options: { scale?: boolean } = {},
) {
  const pattern = new RegExp(`^(-?)(\\d{1,9})(?:\\.(\\d{1,${places}}))?$`);
  return (value: string): Parsed => {
    const match = pattern.exec(value);
    const refuse = { error: message('IMPORT_DECIMAL', lang, { min, max, places }) };
    if (!match) return refuse;
    const [, sign = '', whole = '0', fraction = ''] = match;
    const n = Number(`${sign}${whole}.${fraction || '0'}`);
    if (n < min || n > max) return refuse;
    if (!options.scale) return { value: n };
    const scaled = Number(whole) * 10 ** places + Number(fraction.padEnd(places, '0'));
    return { value: sign === '-' ? -scaled : scaled };
  };
}

/** The grids under the caller's scope by code and by name (a name shared by two grids is ambiguous). */
export async function gridsInScope(ctx: AppContext, scope: string) {
  const rows = await whereInScope(ctx.db.selectFrom('regions').select(['code', 'name']), 'code', scope)
    .where('level', '=', 'grid')
    .execute();
  const byKey = new Map<string, string | null>();
  for (const r of rows) {
    byKey.set(r.code, r.code);
    byKey.set(r.name, byKey.has(r.name) ? null : r.code);
  }
  return byKey;
}

/**
 * Runs one of the services' own checks (which throw a 400 naming the field, such as
 * `checkCoordinates`) and answers its refusal as import problems: a JSON pointer `/lat` names
 * the column keyed `lat`. The rule stays in one place; the import only reports it per row.
 */
export function problemsOf<K extends string>(
  lang: Lang,
  columns: Partial<Record<string, K>>,
  check: () => void,
): ImportFieldProblem<K>[] {
  try {
    check();
    return [];
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 400 || !err.details) throw err;
    return err.details.map((d) => {
      const column = columns[d.path.replace(/^\//, '')];
      const text = hasMessage(d.message) ? message(d.message, lang) : d.message;
      return column === undefined ? { message: text } : { column, message: text };
    });
  }
}

/**
 * Remembers the first row of each key (a credit code, a building's unit and room), so that a
 * second row with the same key is reported as repeating the first.
 */
export function firstRows() {
  const seen = new Map<string, number>();
  return {
    /** The earlier row with this key, or undefined after recording this one as the first. */
    repeated(key: string, row: number): number | undefined {
      const first = seen.get(key);
      if (first !== undefined) return first;
      seen.set(key, row);
      return undefined;
    },
  };
}

/** A live building as the imports that refer to one by its number see it. */
export interface NumberedBuilding {
  id: number;
  region_code: string;
  number: string;
  estate_name: string | null;
}

/** The live buildings under the scope carrying any of the numbers, by number: one query per batch. */
export async function buildingsNumbered(ctx: AppContext, scope: string, numbers: readonly string[]) {
  const byNumber = new Map<string, NumberedBuilding[]>();
  const distinct = [...new Set(numbers)];
  if (distinct.length === 0) return byNumber;
  const rows = await whereInScope(
    ctx.db
      .selectFrom('buildings as b')
      .leftJoin('estates as e', 'e.id', 'b.estate_id')
      .select(['b.id', 'b.region_code', 'b.number', 'e.name as estate_name']),
    'b.region_code',
    scope,
  )
    .where('b.number', 'in', distinct)
    .where('b.deleted_at', 'is', null)
    .execute();
  for (const r of rows) byNumber.set(r.number, [...(byNumber.get(r.number) ?? []), r]);
  return byNumber;
}

/**
 * The one building a row names by number, narrowed by the estate's name and the grid when the
 * row gives them; a number shared by several buildings needs one of the two.
 */
export function pickBuilding(
  found: Map<string, NumberedBuilding[]>,
  row: { number: string; estate: string | null; grid: string | null },
  lang: Lang,
): { building: NumberedBuilding } | { error: string } {
  const named = (found.get(row.number) ?? []).filter(
    (b) => row.estate === null || b.estate_name === row.estate,
  );
  const inGrid = row.grid === null ? named : named.filter((b) => b.region_code === row.grid);
  const [only] = inGrid;
  if (only && inGrid.length === 1) return { building: only };
  if (inGrid.length > 1)
    return { error: message('IMPORT_BUILDING_AMBIGUOUS', lang, { count: inGrid.length }) };
  if (named.length > 0) return { error: message('IMPORT_BUILDING_OTHER_GRID', lang) };
  return { error: message('IMPORT_BUILDING_UNKNOWN', lang) };
}
