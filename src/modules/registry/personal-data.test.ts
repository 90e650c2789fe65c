import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { type DialectName, openTestContext, TestClient, testDialects, ZAOLINXI } from '../../test/harness.js';
import { peopleFactory } from '../../test/people.js';

/**
 * Full ID and phone numbers leave the server only through the reveal action: not in lists,
 * details, exports, history, error answers or the log. One app per database, logging at info
 * level into a buffer the tests read.
 */
for (const dialect of testDialects() as DialectName[]) {
  describe(`personal data [${dialect}]`, () => describePersonalData(dialect));
}

function describePersonalData(dialect: DialectName) {
  const people = peopleFactory(41);
  const log: string[] = [];
  let close: () => Promise<void>;
  let exportsAudited: () => Promise<unknown[]>;
  let client: (user: string) => Promise<TestClient>;
  const idNumber = people.idNumber('1944-04-04', 'female');
  const phone = '13712345678';

  beforeAll(async () => {
    const opened = await openTestContext(dialect, { config: { logLevel: 'info' } });
    const stream = new Writable({
      write(chunk, _encoding, done) {
        log.push(String(chunk));
        done();
      },
    });
    const app = await buildApp(opened.ctx, { logStream: stream });
    close = async () => {
      await app.close();
      await opened.close();
    };
    exportsAudited = () =>
      opened.ctx.db
        .selectFrom('audit_log')
        .select(['actor_name', 'after'])
        .where('action', '=', 'resident.export')
        .orderBy('id')
        .execute();
    client = async (user) => {
      const c = new TestClient(app);
      await c.login(user);
      return c;
    };
  });
  afterAll(async () => close());

  const xlsxText = async (body: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    return cells.join('\n');
  };

  it(`keeps full numbers out of lists, details, exports, history, errors and the log`, async () => {
    const staff = await client('staff');
    const created = await staff.post('/api/residents', {
      name: '林秀英',
      idNumber,
      phone,
      regionCode: `${ZAOLINXI}001`,
      hukou: 'local',
    });
    expect(created.statusCode).toBe(201);
    const id: number = created.json().id;
    await staff.patch(`/api/residents/${id}`, { phone: '13787654321' });

    const answers = [
      created.body,
      (await staff.get(`/api/residents/${id}`)).body,
      (await staff.get(`/api/residents?q=${idNumber}`)).body,
      (await staff.get(`/api/residents?q=${phone}`)).body,
      (await staff.get(`/api/residents/${id}/history`)).body,
      // A duplicate and a bad number: the error answers name the field, never echo the number.
      (
        await staff.post('/api/residents', {
          name: '林',
          idNumber,
          regionCode: `${ZAOLINXI}001`,
          hukou: 'local',
        })
      ).body,
      (
        await staff.post('/api/residents', {
          name: '林',
          idNumber: `${idNumber.slice(0, 17)}${idNumber[17] === '1' ? '2' : '1'}`,
          regionCode: `${ZAOLINXI}001`,
          hukou: 'local',
        })
      ).body,
    ];
    const exported = await staff.get(`/api/exports/residents.xlsx?q=${idNumber}`);
    expect(exported.statusCode).toBe(200);
    const sheet = await xlsxText(exported.rawPayload);
    expect(sheet).toContain('林秀英');
    expect(sheet).toContain(`620105********${idNumber.slice(-4)}`);
    expect(sheet).toContain('137****4321');

    const everything = [...answers, sheet, log.join('')].join('\n');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [idNumber, phone, '13787654321']) expect(everything).not.toContain(secret);

    // Only the reveal shows it, and the reveal's own answer is not logged either.
    const revealed = await staff.post(`/api/residents/${id}/reveal`, { field: 'idNumber' });
    expect(revealed.json().value).toBe(idNumber);
    expect(log.join('')).not.toContain(idNumber);
  });

  it(`exports only the caller's scope, and records the export with its filters`, async () => {
    const secretary = await client('secretary');
    for (const [name, grid] of [
      ['网格一甲', '001'],
      ['网格二乙', '002'],
    ] as const) {
      const response = await secretary.post('/api/residents', {
        name,
        idNumber: people.idNumber('1960-01-01'),
        regionCode: `${ZAOLINXI}${grid}`,
        hukou: 'nonlocal',
      });
      expect(response.statusCode).toBe(201);
    }
    const grid = await client('grid');
    const sheet = await xlsxText((await grid.get('/api/exports/residents.xlsx?hukou=nonlocal')).rawPayload);
    expect(sheet).toContain('网格一甲');
    expect(sheet).not.toContain('网格二乙');
    const other = await xlsxText(
      (await grid.get(`/api/exports/residents.xlsx?regionCode=${ZAOLINXI}002`)).rawPayload,
    );
    expect(other).not.toContain('网格二乙');
    expect(other).toContain('姓名');

    expect((await exportsAudited()).slice(-2)).toEqual([
      { actor_name: 'grid', after: JSON.stringify({ hukou: 'nonlocal' }) },
      { actor_name: 'grid', after: JSON.stringify({ regionCode: `${ZAOLINXI}002` }) },
    ]);
    const all = await xlsxText(
      (await secretary.get('/api/exports/residents.xlsx?hukou=nonlocal')).rawPayload,
    );
    expect(all).toContain('网格二乙');
  });
}
