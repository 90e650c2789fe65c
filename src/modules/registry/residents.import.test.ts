import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, rowCount, type TestClient, ZAOLINXI } from '../../test/harness.js';
import { peopleFactory } from '../../test/people.js';
import { multipartFile, xlsxOf } from '../../test/xlsx-files.js';

const GRID1 = `${ZAOLINXI}001`;
const HEADERS = ['姓名*', '身份证号*', '手机号', '网格*', '户籍*', '居住状态'];

describeEachDatabase('residents import', (env) => {
  const people = peopleFactory(53);
  let staff: TestClient;

  beforeAll(async () => {
    staff = await env().login('staff');
  });

  const upload = (client: TestClient, file: Buffer) =>
    client.request({ method: 'POST', url: '/api/imports/residents', ...multipartFile(file) });

  const rowsOf = (count: number, bad?: { row: number; idNumber: string }) =>
    Array.from({ length: count }, (_, i) => {
      const sheetRow = i + 2;
      const idNumber =
        bad?.row === sheetRow
          ? bad.idNumber
          : people.idNumber(`19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`, i % 2 ? 'male' : 'female');
      return [`导入${i}`, idNumber, null, GRID1, i % 3 ? '本地户籍' : 'nonlocal', '常住'];
    });

  it('offers a template with Chinese headers, required ones marked, cells formatted as text', async () => {
    const response = await staff.get('/api/imports/templates/residents.xlsx');
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const header = book.worksheets[0]?.getRow(1).values as string[];
    expect(header).toEqual(expect.arrayContaining(['姓名*', '身份证号*', '手机号', '网格*', '户籍*']));
    expect(book.worksheets[0]?.getColumn(2).numFmt).toBe('@');
    // An empty template imports nothing and complains of nothing.
    const empty = await upload(staff, response.rawPayload);
    expect(empty.json()).toEqual({ imported: 0 });
  });

  it('imports a valid file: every row, masked in the audit, found by search', async () => {
    const rows = [
      ['王小明', people.idNumber('1946-11-27', 'male'), '13912340001', GRID1, '本地户籍', '常住'],
      ['李秀英', people.idNumber('1950-02-01', 'female').toLowerCase(), null, '第一网格', 'local', null],
    ];
    const before = await rowCount(env(), 'residents');
    const response = await upload(staff, await xlsxOf(HEADERS, rows));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ imported: 2 });
    expect(await rowCount(env(), 'residents')).toBe(before + 2);
    const found = (await staff.get('/api/residents?q=wxm')).json().items;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: '王小明', gender: 'male', phone: '139****0001' });
    const audits = await env()
      .ctx.db.selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'resident.import')
      .execute();
    expect(audits.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(audits)).not.toContain('13912340001');
  });

  it('writes nothing when one cell of row 9,999 is wrong, and names that cell', async () => {
    const idNumber = people.idNumber('1980-08-08');
    const wrong = `${idNumber.slice(0, 17)}${idNumber[17] === '5' ? '6' : '5'}`;
    const file = await xlsxOf(HEADERS, rowsOf(9_999, { row: 9_999, idNumber: wrong }));
    const before = await rowCount(env(), 'residents');
    const audits = await rowCount(env(), 'audit_log');
    const response = await upload(staff, file);
    expect(response.statusCode).toBe(422);
    const error = response.json().error;
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.details).toEqual([
      expect.objectContaining({ row: 9_999, column: '身份证号', message: '身份证号校验码不对，请核对号码' }),
    ]);
    expect(await rowCount(env(), 'residents')).toBe(before);
    expect(await rowCount(env(), 'audit_log')).toBe(audits);
  });

  it('reports every problem: the same person twice, someone already registered, an unknown grid or house', async () => {
    const twice = people.idNumber('1990-01-01');
    const registered = (
      await env().ctx.db.selectFrom('residents').select('id_number_enc').executeTakeFirstOrThrow()
    ).id_number_enc;
    const rows = [
      ['甲', twice, null, GRID1, '本地户籍', null],
      ['乙', twice, null, GRID1, '本地户籍', null],
      ['丙', env().ctx.pii.decrypt(registered), null, GRID1, '本地户籍', null],
      ['丁', people.idNumber('1990-01-02'), '12345', `${ZAOLINXI}002`, '火星', '常住'],
    ];
    const response = await upload(staff, await xlsxOf(HEADERS, rows));
    expect(response.statusCode).toBe(422);
    const details = response
      .json()
      .error.details.map((d: { row: number; column: string }) => `${d.row}:${d.column}`);
    expect(details.sort()).toEqual(['3:身份证号', '4:身份证号', '5:户籍', '5:手机号'].sort());

    const grid = await env().login('grid');
    // The grid worker may not import at all; their grid's name elsewhere is unknown to staff of another community.
    expect((await upload(grid, await xlsxOf(HEADERS, []))).statusCode).toBe(403);
    const withHouse = await xlsxOf(
      [...HEADERS, '楼栋', '房号'],
      [['戊', people.idNumber('1990-01-03'), null, GRID1, '本地户籍', null, '99号楼', '101']],
    );
    const house = await upload(staff, withHouse);
    expect(house.json().error.details).toEqual([expect.objectContaining({ row: 2, column: '房号' })]);
  });

  it('refuses what is not an .xlsx, or no file at all, with a clear message', async () => {
    const garbage = await upload(staff, Buffer.from('姓名,身份证号\n张三,1\n'));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.code).toBe('IMPORT_NOT_XLSX');
    const none = await staff.post('/api/imports/residents', {});
    expect(none.statusCode).toBeGreaterThanOrEqual(400);
    expect(none.statusCode).toBeLessThan(500);
  });
});
