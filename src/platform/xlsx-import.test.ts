import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  type ImportColumn,
  ImportFileError,
  type ImportOptions,
  type ImportRow,
  importMessages,
  importProblemsError,
  readImport,
} from './xlsx-import.js';
import { writeTemplate } from './xlsx-template.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-xlsx-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
const tmpFile = () => path.join(dir, `t${++fileCount}.xlsx`);

type Key = 'name' | 'idNumber' | 'birthDate' | 'phone' | 'size' | 'remark';
const ID = '620105199001011234';
const columns: ImportColumn<Key>[] = [
  { key: 'name', header: '姓名', required: true, note: '与身份证一致', example: '张三' },
  {
    key: 'idNumber',
    header: '身份证号',
    required: true,
    example: ID,
    parse: (t) => (/^\d{17}[\dX]$/.test(t) ? { value: t } : { error: '身份证号应为 18 位' }),
  },
  {
    key: 'birthDate',
    header: '出生日期',
    example: '1990-01-01',
    parse: (t) => (/^\d{4}-\d{2}-\d{2}$/.test(t) ? { value: t } : { error: '日期应为 YYYY-MM-DD' }),
  },
  { key: 'phone', header: '手机号' },
  {
    key: 'size',
    header: '户人数',
    parse: (t) => (/^\d+$/.test(t) ? { value: Number(t) } : { error: '应为整数' }),
  },
  { key: 'remark', header: '备注' },
];
const HEADERS = ['姓名*', '身份证号*', '出生日期', '手机号', '户人数', '备注'];

type Writer = 'workbook' | 'stream-inline' | 'stream-shared';

/** Writes rows (row 1 = headers) with one of ExcelJS's two writers; a null row stays empty. */
async function writeXlsx(file: string, rows: Iterable<unknown[] | null>, writer: Writer = 'workbook') {
  if (writer === 'workbook') {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('居民');
    let n = 0;
    for (const row of rows) {
      n++;
      if (row) sheet.getRow(n).values = row as ExcelJS.CellValue[];
    }
    await workbook.xlsx.writeFile(file);
    return file;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: writer === 'stream-shared',
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('居民');
  let n = 0;
  for (const row of rows) {
    n++;
    if (row) {
      const r = sheet.getRow(n);
      r.values = row as ExcelJS.CellValue[];
      r.commit();
    }
  }
  sheet.commit();
  await workbook.commit();
  return file;
}

/** A zip with its entries stored, in the order given: to build files no ExcelJS writer makes. */
function zip(entries: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const fileName = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    central.push(entry, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
/**
 * An .xlsx laid out unlike Excel's: shared strings and styles ahead of the sheets (so ExcelJS
 * streams the sheet straight from the zip) and workbook.xml last. Cells are shared strings,
 * numbers, or dates given as { serial } (styled with the built-in date format 14).
 */
function handMadeXlsx(sheets: (string | number | { serial: number })[][][]): Buffer {
  const strings: string[] = [];
  const col = (i: number) => String.fromCharCode(65 + i);
  const sheetXml = (rows: (string | number | { serial: number })[][]) =>
    `<worksheet ${NS}><sheetData>${rows
      .map(
        (row, r) =>
          `<row r="${r + 1}">${row
            .map((v, c) => {
              const ref = `${col(c)}${r + 1}`;
              if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
              if (typeof v === 'object') return `<c r="${ref}" s="1"><v>${v.serial}</v></c>`;
              strings.push(v);
              return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
            })
            .join('')}</row>`,
      )
      .join('')}</sheetData></worksheet>`;
  const sheetParts = sheets.map((rows, i): [string, string] => [
    `xl/worksheets/sheet${i + 1}.xml`,
    sheetXml(rows),
  ]);
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip([
    ['_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`],
    [
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('')}</Relationships>`,
    ],
    [
      'xl/sharedStrings.xml',
      `<sst ${NS}>${strings.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join('')}</sst>`,
    ],
    [
      'xl/styles.xml',
      `<styleSheet ${NS}><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ],
    ...sheetParts,
    [
      'xl/workbook.xml',
      `<workbook ${NS} xmlns:r="${rel}"><sheets>${sheets
        .map((_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ],
  ]);
}

async function importFile(file: string | Readable, options: Partial<ImportOptions<Key>> = {}) {
  const rows: ImportRow<Key>[] = [];
  const batchSizes: number[] = [];
  const result = await readImport(typeof file === 'string' ? fs.createReadStream(file) : file, columns, {
    ...options,
    onBatch: async (batch, progress) => {
      batchSizes.push(batch.length);
      rows.push(...batch);
      return options.onBatch?.(batch, progress);
    },
  });
  return { result, rows, batchSizes };
}

const person = (i: number): unknown[] => [
  `居民${i}`,
  ID,
  '1990-01-01',
  `138${String(i).padStart(8, '0')}`,
  3,
  '',
];

describe('readImport', () => {
  it.each<Writer>(['stream-inline', 'stream-shared'])(
    'keeps Chinese text whole where a character falls across two chunks of the file (%s)',
    async (writer) => {
      // ExcelJS 4.4 decoded each chunk on its own and broke such characters in two; the fix is
      // patches/exceljs+4.4.0.patch. Thousands of Chinese cells are sure to straddle a boundary.
      const rows = Array.from({ length: 5000 }, (_, i) => [
        `社区居民王秀兰${i}`,
        ID,
        null,
        null,
        null,
        '独居老人，需送餐',
      ]);
      const file = await writeXlsx(tmpFile(), [HEADERS, ...rows], writer);
      const { result, rows: read } = await importFile(file);
      expect(result.problems).toEqual([]);
      expect(read.filter((r) => r.values.name !== `社区居民王秀兰${r.row - 2}`)).toEqual([]);
      expect(read.filter((r) => r.values.remark !== '独居老人，需送餐')).toEqual([]);
    },
  );

  it.each<Writer>(['workbook', 'stream-inline', 'stream-shared'])(
    'reads every row of a valid file (%s writer) in batches, with cell values as text',
    async (writer) => {
      const file = await writeXlsx(
        tmpFile(),
        [
          HEADERS,
          ['  张三 ', ID, new Date(Date.UTC(1990, 0, 2)), 13812345678, 4, 0.1 + 0.2],
          null,
          ['', ' ', '', '', '', ''],
          [
            // ExcelJS's reader keeps only the last run of an inline rich string; Excel and WPS
            // always write shared strings, where rich text reads whole.
            writer === 'stream-inline'
              ? '李四'
              : { richText: [{ text: '李' }, { text: '四', font: { bold: true } }] },
            { formula: 'CONCAT("62010519","9001011234")', result: ID },
            '1985-12-31',
            { text: '13900000000', hyperlink: 'tel:13900000000' },
            { formula: '1+1', result: 2 },
            'x',
          ],
          ...Array.from({ length: 1200 }, (_, i) => person(i)),
        ],
        writer,
      );
      const { result, rows, batchSizes } = await importFile(file);
      expect(result).toEqual({ rows: 1202, problems: [], truncated: 0 });
      expect(batchSizes).toEqual([500, 500, 202]);
      expect(rows[0]).toEqual({
        row: 2,
        values: {
          name: '张三',
          idNumber: ID,
          birthDate: '1990-01-02',
          phone: '13812345678',
          size: 4,
          remark: '0.3',
        },
      });
      // Rows 3 and 4 are empty (the second only has blanks) and are skipped, numbering kept.
      expect(rows[1]).toEqual({
        row: 5,
        values: {
          name: '李四',
          idNumber: ID,
          birthDate: '1985-12-31',
          phone: '13900000000',
          size: 2,
          remark: 'x',
        },
      });
      expect(rows[1201]).toEqual({
        row: 1205,
        values: {
          name: '居民1199',
          idNumber: ID,
          birthDate: '1990-01-01',
          phone: '13800001199',
          size: 3,
          remark: null,
        },
      });
    },
  );

  it('matches headers by text in any order, ignoring unknown columns and the required mark', async () => {
    const file = await writeXlsx(tmpFile(), [
      ['说明', ' 手机号 ', '身份证号 *', '户人数', '姓名＊', '出生日期'],
      ['随便写', '13800000000', ID, '2', '王五', '2000-02-29'],
    ]);
    const { result, rows } = await importFile(file);
    expect(result.problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        values: {
          name: '王五',
          idNumber: ID,
          birthDate: '2000-02-29',
          phone: '13800000000',
          size: 2,
          remark: null,
        },
      },
    ]);
  });

  it('reports a missing required column on row 1 and reads no rows', async () => {
    const file = await writeXlsx(tmpFile(), [
      ['姓名', '手机号'],
      ['王五', '13800000000'],
    ]);
    const { result, batchSizes } = await importFile(file);
    expect(result).toEqual({
      rows: 0,
      problems: [{ row: 1, column: '身份证号', message: '缺少必填列“身份证号”' }],
      truncated: 0,
    });
    expect(batchSizes).toEqual([]);
  });

  it('leaves no temp files behind, however reading ends', async () => {
    // ExcelJS parks a sheet that comes before the shared strings (as Excel writes them) in a
    // temp file named tmp-<pid>-…; patches/exceljs+4.4.0.patch removes it however reading ends,
    // and readImport ends ExcelJS's reading when it stops early. The unlink is asynchronous.
    const parked = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));
    const before = parked();
    const whole = await writeXlsx(tmpFile(), [HEADERS, person(1), person(2)]);
    expect((await importFile(whole)).result.rows).toBe(2);
    const headless = await writeXlsx(tmpFile(), [['姓名', '手机号'], person(1), person(2)]);
    expect((await importFile(headless)).result.rows).toBe(0);
    const failure = new Error('database is down');
    const throwing = importFile(whole, {
      onBatch: async () => {
        throw failure;
      },
    });
    await expect(throwing).rejects.toBe(failure);
    await expect.poll(() => parked().filter((f) => !before.includes(f))).toEqual([]);
  });

  it('skips a parked second sheet without an uncaught error, however the removal of its file races', async () => {
    // The template's notes sheet is parked in a temp file that is removed as reading moves on,
    // sometimes before the skipped sheet's stream has opened it (about 1 in 100 readings).
    const file = tmpFile();
    fs.writeFileSync(file, await writeTemplate(columns, { sheet: '居民', notesSheet: '填写说明' }));
    const uncaught: unknown[] = [];
    const listener = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', listener);
    try {
      for (let i = 0; i < 400; i++) expect((await importFile(file)).result.rows).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      process.off('uncaughtException', listener);
    }
    expect(uncaught).toEqual([]);
  });

  it('reports a repeated header, a sheet without any known header, and an empty sheet', async () => {
    const repeated = await writeXlsx(tmpFile(), [
      ['姓名', '身份证号', '姓名*', '姓名'],
      ['a', ID, 'b', 'c'],
    ]);
    expect((await importFile(repeated)).result.problems).toEqual([
      { row: 1, column: '姓名', message: '列“姓名”出现了不止一次' },
    ]);
    const optional = [columns[3], columns[5]] as ImportColumn<Key>[];
    const unknown = await writeXlsx(tmpFile(), [
      ['A', 'B'],
      ['1', '2'],
    ]);
    const empty = await writeXlsx(tmpFile(), []);
    for (const file of [unknown, empty]) {
      const result = await readImport(fs.createReadStream(file), optional, { onBatch: async () => {} });
      expect(result.problems).toEqual([{ row: 1, column: '', message: importMessages('zh').noColumns }]);
    }
    // With required columns, an empty sheet is missing each of them.
    expect((await importFile(empty)).result.problems.map((p) => p.column)).toEqual(['姓名', '身份证号']);
  });

  it('finds the one bad cell among 10,000 rows, by the row number Excel shows', async () => {
    const rows = (function* () {
      yield HEADERS;
      for (let n = 2; n <= 10_000; n++) {
        const row = person(n);
        if (n === 9999) row[1] = '62010519900101123';
        yield row;
      }
    })();
    const file = await writeXlsx(tmpFile(), rows);
    const { result, rows: imported } = await importFile(file);
    expect(result.problems).toEqual([{ row: 9999, column: '身份证号', message: '身份证号应为 18 位' }]);
    expect(result.truncated).toBe(0);
    expect(imported).toHaveLength(9998);
    expect(imported.some((r) => r.row === 9999)).toBe(false);
  });

  it('lists problems up to the cap, in sheet order, and counts the rest', async () => {
    const file = await writeXlsx(tmpFile(), [
      HEADERS,
      ...Array.from({ length: 1500 }, () => ['', ID, 'soon', '', 'many', '']),
    ]);
    const { result } = await importFile(file);
    expect(result.problems).toHaveLength(1000);
    expect(result.truncated).toBe(3 * 1500 - 1000);
    expect(result.problems.slice(0, 4)).toEqual([
      { row: 2, column: '姓名', message: '必填' },
      { row: 2, column: '出生日期', message: '日期应为 YYYY-MM-DD' },
      { row: 2, column: '户人数', message: '应为整数' },
      { row: 3, column: '姓名', message: '必填' },
    ]);
    const english = await importFile(file, { maxProblems: 10, messages: importMessages('en') });
    expect(english.result.problems).toHaveLength(10);
    expect(english.result.truncated).toBe(4490);
    expect(english.result.problems[0]?.message).toBe('Required');
    expect(english.result.rows).toBe(0);

    const refusal = importProblemsError(english.result);
    expect(refusal).toMatchObject({
      status: 422,
      code: 'IMPORT_INVALID',
      params: { count: 4500, listed: 10 },
    });
    expect(refusal.details?.[0]).toMatchObject({ row: 2, column: '姓名', message: 'Required' });
  });

  it('runs the cross-field check and takes problems found by the batch consumer', async () => {
    const file = await writeXlsx(tmpFile(), [
      HEADERS,
      person(1),
      ['孙七', ID, '1991-01-01', '', '', ''],
      person(3),
    ]);
    const { result, rows } = await importFile(file, {
      check: (values) =>
        values.birthDate && values.birthDate !== '1990-01-01'
          ? [{ column: 'birthDate', message: '与身份证号中的出生日期不符' }]
          : undefined,
      onBatch: async (batch) =>
        batch.filter((r) => r.row === 4).map((r) => ({ row: r.row, message: '已登记' })),
    });
    expect(
      rows.map((r) => r.row),
      JSON.stringify(result),
    ).toEqual([2, 4]);
    expect(result.problems).toEqual([
      { row: 3, column: '出生日期', message: '与身份证号中的出生日期不符' },
      { row: 4, column: '', message: '已登记' },
    ]);
  });

  it('stops with a problem past the row limit', async () => {
    const file = await writeXlsx(tmpFile(), [HEADERS, ...Array.from({ length: 150 }, (_, i) => person(i))]);
    const { result, rows } = await importFile(file, { maxRows: 100, batchSize: 30 });
    expect(rows).toHaveLength(100);
    expect(result.problems).toEqual([
      { row: 102, column: '', message: '数据超过 100 行，请拆分成多个文件分别导入' },
    ]);
  });

  it('refuses an ID number Excel stored as a number: its last digits are already lost', async () => {
    // What Excel does to 620105199001011234 typed into a General cell.
    const file = await writeXlsx(tmpFile(), [HEADERS, ['张三', 620105199001011000, '', '', '', '']]);
    const { result } = await importFile(file);
    expect(result.problems).toEqual([
      { row: 2, column: '身份证号', message: importMessages('zh').numberTruncated },
    ]);
  });

  it('reports error values instead of importing them', async () => {
    const file = await writeXlsx(tmpFile(), [HEADERS, ['张三', ID, '', { error: '#N/A' }, '', '']]);
    const { result } = await importFile(file);
    expect(result.problems).toEqual([{ row: 2, column: '手机号', message: importMessages('zh').cellError }]);
  });

  it('reads the first sheet in tab order, not in file order', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['这不是数据']);
    const data = workbook.addWorksheet('居民');
    data.addRow(HEADERS);
    data.addRow(person(1));
    (data as unknown as { orderNo: number }).orderNo = -1;
    const file = tmpFile();
    await workbook.xlsx.writeFile(file);
    const { result, rows } = await importFile(file);
    expect(result.problems).toEqual([]);
    expect(rows.map((r) => r.values.name)).toEqual(['居民1']);
  });

  it('reads a file whose sheet streams straight from the zip (shared strings first, workbook last)', async () => {
    const data = [HEADERS, ['张三', ID, { serial: 32875 }, '13800000000', 2, ' 备注 ']];
    for (let i = 0; i < 3000; i++) data.push([`居民${i}`, ID, '1990-01-01', '', 1, '']);
    const bytes = handMadeXlsx([data, [['第二个工作表']]]);
    const { result, rows } = await importFile(Readable.from([bytes]));
    expect(result).toEqual({ rows: 3001, problems: [], truncated: 0 });
    expect(rows[0]?.values).toEqual({
      name: '张三',
      idNumber: ID,
      birthDate: '1990-01-02',
      phone: '13800000000',
      size: 2,
      remark: '备注',
    });
    // Stopping early still reads past the rest of the sheet without trouble.
    const limited = await importFile(Readable.from([bytes]), { maxRows: 10 });
    expect(limited.rows).toHaveLength(10);
    expect(limited.result.problems).toEqual([
      { row: 12, column: '', message: importMessages('zh').tooManyRows(10) },
    ]);
  });

  describe('a file that is not a readable .xlsx', () => {
    const valid = async () => fs.readFileSync(await writeXlsx(tmpFile(), [HEADERS, person(1)]));
    const fails = async (bytes: Buffer, code: string) => {
      const error = await importFile(Readable.from([bytes])).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ImportFileError);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 400, code });
    };

    it('is refused with a typed error', async () => {
      await fails(Buffer.alloc(0), 'IMPORT_NOT_XLSX');
      await fails(Buffer.from('姓名,身份证号\n张三,620105199001011234\n'), 'IMPORT_NOT_XLSX');
      await fails(Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 256)), 'IMPORT_NOT_XLSX');
      await fails(
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]),
        'IMPORT_LEGACY_XLS',
      );
      const bytes = await valid();
      await fails(bytes.subarray(0, Math.floor(bytes.length / 2)), 'IMPORT_UNREADABLE');
      await fails(zip([['word/document.xml', '<w:document/>']]), 'IMPORT_NOT_XLSX');
    });

    it('fails cleanly when the upload breaks off inside an entry ExcelJS is reading', async () => {
      const bytes = fs.readFileSync(
        await writeXlsx(tmpFile(), [HEADERS, ...Array.from({ length: 300 }, (_, i) => person(i))]),
      );
      // Inside the sheet's compressed data, which ExcelJS copies to a temp file as it arrives.
      const cut = bytes.indexOf('xl/worksheets/sheet1.xml') + 200;
      const breaking = (end: (stream: Readable) => void) => {
        const stream = new Readable({ read() {} });
        stream.push(bytes.subarray(0, cut));
        // Later, so that the unzipper is already waiting inside the entry.
        setTimeout(() => end(stream), 30);
        return stream;
      };
      await expect(importFile(breaking((s) => s.push(null)))).rejects.toMatchObject({
        code: 'IMPORT_UNREADABLE',
      });
      await expect(importFile(breaking((s) => s.destroy(new Error('client went away'))))).rejects.toThrow(
        'client went away',
      );
      await expect(importFile(breaking((s) => s.destroy()))).rejects.toMatchObject({
        code: 'ERR_STREAM_PREMATURE_CLOSE',
      });
    }, 10_000);

    it('passes on what the batch consumer throws, unchanged', async () => {
      const file = await writeXlsx(tmpFile(), [HEADERS, person(1)]);
      const failure = new Error('database is down');
      await expect(
        importFile(file, {
          onBatch: async () => {
            throw failure;
          },
        }),
      ).rejects.toBe(failure);
    });
  });

  it('keeps memory bounded on 100,000 rows: one batch at a time, never the whole sheet', async () => {
    // Full collections make the heap figures mean what is still reachable, not garbage.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const address = '甘肃省兰州市城关区枣林西路社区第十四号院三单元五零二室';
    const file = await writeXlsx(
      tmpFile(),
      (function* () {
        yield HEADERS;
        for (let i = 0; i < 100_000; i++) {
          yield [
            `居民${i}`,
            ID,
            '1990-01-01',
            `138${String(i).padStart(8, '0')}`,
            String(i % 7),
            `${address}${i}`,
          ];
        }
      })(),
      'stream-inline',
    );

    gc();
    const start = process.memoryUsage();
    const started = Date.now();
    let batches = 0;
    let largestBatch = 0;
    let peakHeap = 0;
    let peakRetained = 0;
    let peakRss = 0;
    let last: ImportRow<Key>[] = [];
    const result = await readImport(fs.createReadStream(file), columns, {
      onBatch: async (rows) => {
        largestBatch = Math.max(largestBatch, rows.length);
        last = rows;
        const now = process.memoryUsage();
        peakHeap = Math.max(peakHeap, now.heapUsed - start.heapUsed);
        peakRss = Math.max(peakRss, now.rss - start.rss);
        if (++batches % 20 === 0) {
          gc();
          peakRetained = Math.max(peakRetained, process.memoryUsage().heapUsed - start.heapUsed);
        }
      },
    });
    const seconds = (Date.now() - started) / 1000;
    // Prices a row by holding 10,000 copies of the last batch: what keeping every row would cost.
    gc();
    const before = process.memoryUsage().heapUsed;
    const copies = Array.from({ length: 20 }, () => structuredClone(last));
    gc();
    const perRow = (process.memoryUsage().heapUsed - before) / (copies.length * last.length);

    expect(result).toEqual({ rows: 100_000, problems: [], truncated: 0 });
    expect(batches).toBe(200);
    expect(largestBatch).toBe(500);
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    console.info(
      `100k rows read in ${seconds.toFixed(1)} s; peak growth: heap ${mb(peakHeap)} MB, ` +
        `heap after gc ${mb(peakRetained)} MB, rss ${mb(peakRss)} MB; holding every row would take ~${mb(perRow * 100_000)} MB`,
    );
    // Fails when the engine keeps even a third of the rows.
    expect(peakRetained).toBeLessThan((perRow * 100_000) / 3);
    expect(peakHeap).toBeLessThan(150 * 2 ** 20);
  });
});

describe('writeTemplate', () => {
  it('writes a header-only sheet that imports as nothing, with the rules on a second sheet', async () => {
    const template = await writeTemplate(columns, { sheet: '居民' });
    const result = await readImport(Readable.from([template]), columns, {
      onBatch: async () => {
        throw new Error('no rows expected');
      },
    });
    expect(result).toEqual({ rows: 0, problems: [], truncated: 0 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const [sheet, notes] = workbook.worksheets;
    expect(sheet?.name).toBe('居民');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getColumn(2).numFmt).toBe('@');
    expect(sheet?.getColumn(2).width).toBeGreaterThanOrEqual(18);
    expect(sheet?.getRow(1).getCell(1).note).toBe('与身份证一致');
    expect(sheet?.rowCount).toBe(1);
    expect(notes?.name).toBe('填写说明');
    expect(notes?.getRow(1).values).toEqual([undefined, '列名', '是否必填', '填写说明', '示例']);
    expect(notes?.getRow(3).values).toEqual([undefined, '身份证号', '必填', '', ID]);
    expect(notes?.getRow(5).values).toEqual([undefined, '手机号', '选填', '', '']);
  });

  it('takes a filled-in copy back: text-formatted cells keep long numbers as typed', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeTemplate(columns, { sheet: '居民' })) as unknown as ArrayBuffer);
    workbook.worksheets[0]?.addRow(['赵六', ID, '1990-01-01', '13800000000', '1', '']);
    const file = tmpFile();
    await workbook.xlsx.writeFile(file);
    const { result, rows } = await importFile(file);
    expect(result.problems).toEqual([]);
    expect(rows[0]?.values).toMatchObject({ name: '赵六', idNumber: ID, size: 1 });
  });
});
