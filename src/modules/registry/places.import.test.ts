import { beforeAll, expect, it } from 'vitest';
import type { DB } from '../../db/types.js';
import { creditCodeCheckCharacter } from '../../platform/identifiers/credit-code.js';
import {
  describeEachDatabase,
  NONGLINER,
  rowCount,
  type TestClient,
  type TestEnv,
  ZAOLINXI,
} from '../../test/harness.js';
import { createResident, peopleFactory } from '../../test/people.js';
import { multipartFile, records, sheetRows, xlsxOf } from '../../test/xlsx-files.js';

const GRID1 = `${ZAOLINXI}001`;
const GRID2 = `${ZAOLINXI}002`;

const BUILDING_HEADERS = [
  '网格*',
  '小区',
  '楼栋号*',
  '类型',
  '层数',
  '单元数',
  '电梯数',
  '地址',
  '纬度',
  '经度',
];
const HOUSE_HEADERS = ['网格', '小区', '楼栋号*', '单元', '楼层', '房号*', '面积（㎡）', '用途'];
const ORGANISATION_HEADERS = [
  '网格*',
  '类别*',
  '名称*',
  '统一社会信用代码',
  '行业/分类',
  '联系人',
  '联系电话',
  '地址',
  '小区',
  '楼栋号',
];

/** A valid 统一社会信用代码 (GB 32100) ending a made-up stem of 17 characters. */
const creditCode = (n: number) => {
  const stem = `91620105MA7${String(n).padStart(6, '0')}`;
  return `${stem}${creditCodeCheckCharacter(stem)}`;
};

type Row = (string | null)[];
type Detail = { row: number; column: string; message: string };

const BUILDING_EXISTS = '已有同一楼栋号的楼栋（同一小区内，或同一网格不属于小区的楼栋中）';

/** Row counts a refused import must leave as they were. */
const counts = (env: TestEnv, table: keyof DB) =>
  Promise.all([rowCount(env, table), rowCount(env, 'audit_log')]);

describeEachDatabase('places import and export (buildings, houses, organisations, visits)', (env) => {
  let staff: TestClient;
  const upload = (kind: string, file: Buffer, client = staff) =>
    client.request({ method: 'POST', url: `/api/imports/${kind}`, ...multipartFile(file) });
  const importOf = async (kind: string, headers: string[], rows: Row[]) =>
    upload(kind, await xlsxOf(headers, rows));
  /** The problems of a refused import as `row:column`, after checking it wrote nothing. */
  const refusal = async (kind: string, table: keyof DB, headers: string[], rows: Row[]) => {
    const before = await counts(env(), table);
    const response = await importOf(kind, headers, rows);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error.code).toBe('IMPORT_INVALID');
    expect(await counts(env(), table)).toEqual(before);
    return response.json().error.details as Detail[];
  };
  const cells = (details: Detail[]) => details.map((d) => `${d.row}:${d.column}`).sort();

  beforeAll(async () => {
    staff = await env().login('staff');
    // An estate of the whole community, and one of grid 2 only.
    for (const [regionCode, name] of [
      [ZAOLINXI, '导入花园'],
      [GRID2, '二网小区'],
    ]) {
      const response = await staff.post('/api/estates', { regionCode, name });
      expect(response.statusCode, response.body).toBe(201);
    }
  });

  it('offers a template per kind with Chinese headers that imports as nothing', async () => {
    const expected: Record<string, string[]> = {
      buildings: BUILDING_HEADERS,
      houses: HOUSE_HEADERS,
      organisations: ORGANISATION_HEADERS,
    };
    for (const [kind, headers] of Object.entries(expected)) {
      const template = await staff.get(`/api/imports/templates/${kind}.xlsx`);
      expect(template.statusCode, kind).toBe(200);
      expect(template.headers['content-disposition']).toContain('xlsx');
      const [header] = await sheetRows(template.rawPayload);
      expect(header, kind).toEqual(headers);
      const empty = await upload(kind, template.rawPayload);
      expect(empty.statusCode, empty.body).toBe(200);
      expect(empty.json()).toEqual({ imported: 0 });
    }
  });

  it('imports buildings: names or codes of grids, estates by name, coordinates, audited', async () => {
    const before = await rowCount(env(), 'buildings');
    const response = await importOf('buildings', BUILDING_HEADERS, [
      [GRID1, '导入花园', '1号楼', '住宅', '6', '2', '0', '枣林西路1号', '36.1098', '103.7122'],
      ['第一网格', '导入花园', '2号楼', 'mixed', '7', null, '1', null, null, null],
      [GRID2, '二网小区', '1号楼', '商业', '3', '1', '0', null, '36.10', '103.71'],
      [GRID2, null, '独栋', null, null, null, null, '银安路8号', '36.104300000001', '103.712200000001'],
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ imported: 4 });
    expect(await rowCount(env(), 'buildings')).toBe(before + 4);

    const list = (await staff.get(`/api/buildings?regionCode=${GRID1}`)).json().items;
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          number: '1号楼',
          estateName: '导入花园',
          kind: 'residential',
          lat: 36.1098,
        }),
        expect.objectContaining({ number: '2号楼', kind: 'mixed', floors: 7, elevators: 1, lat: null }),
      ]),
    );
    const audits = await env()
      .ctx.db.selectFrom('audit_log')
      .select(['after', 'region_code'])
      .where('action', '=', 'building.import')
      .execute();
    expect(audits).toHaveLength(4);
    expect(audits.map((a) => a.region_code).sort()).toEqual([GRID1, GRID1, GRID2, GRID2]);
  });

  it('refuses a whole buildings file for one bad cell, and names only that cell', async () => {
    const details = await refusal('buildings', 'buildings', BUILDING_HEADERS, [
      [GRID1, '导入花园', '3号楼', null, '6', null, null, null, null, null],
      [GRID1, '导入花园', '4号楼', null, '六', null, null, null, null, null],
      [GRID1, '导入花园', '5号楼', null, '6', null, null, null, null, null],
    ]);
    expect(details).toEqual([
      { row: 3, column: '层数', message: '应为 0 到 200 之间的整数', path: '/3/层数' },
    ]);
  });

  it('reports buildings repeated in the file or registered, unknown or foreign estates and grids, half coordinates', async () => {
    // Outside estates a number is unique within the grid.
    const loose = await staff.post('/api/buildings', {
      regionCode: GRID1,
      number: '街面13号',
      kind: 'commercial',
    });
    expect(loose.statusCode, loose.body).toBe(201);
    const details = await refusal('buildings', 'buildings', BUILDING_HEADERS, [
      [GRID1, '导入花园', '8号楼', null, null, null, null, null, null, null],
      [GRID1, '导入花园', '8号楼', null, null, null, null, null, null, null],
      [GRID1, '导入花园', '1号楼', null, null, null, null, null, null, null],
      [GRID1, '没有的小区', '9号楼', null, null, null, null, null, null, null],
      [GRID1, '二网小区', '9号楼', null, null, null, null, null, null, null],
      [`${NONGLINER}001`, null, '9号楼', null, null, null, null, null, null, null],
      [GRID1, null, '10号楼', null, null, null, null, null, '36.1', null],
      [GRID1, null, '11号楼', null, null, null, null, null, '91', '103.7'],
      [GRID1, null, '街面12号', null, null, null, null, null, null, null],
      [GRID1, null, '街面12号', null, null, null, null, null, null, null],
      [GRID1, null, '街面13号', null, null, null, null, null, null, null],
      [GRID2, null, '街面13号', null, null, null, null, null, null, null],
    ]);
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '楼栋号', message: '与第 2 行重复' }),
        expect.objectContaining({ row: 4, column: '楼栋号', message: BUILDING_EXISTS }),
        expect.objectContaining({ row: 5, column: '小区', message: '没有这个小区，或它不在您的管辖范围内' }),
        expect.objectContaining({ row: 6, column: '小区', message: '楼栋所在网格不在该小区所属区域内' }),
        expect.objectContaining({ row: 7, column: '网格' }),
        expect.objectContaining({ row: 8, column: '经度', message: '经度和纬度须同时填写或同时留空' }),
        expect.objectContaining({ row: 11, column: '楼栋号', message: '与第 10 行重复' }),
        expect.objectContaining({ row: 12, column: '楼栋号', message: BUILDING_EXISTS }),
      ]),
    );
    expect(cells(details)).toEqual(
      [
        '3:楼栋号',
        '4:楼栋号',
        '5:小区',
        '6:小区',
        '7:网格',
        '8:经度',
        '9:纬度',
        '11:楼栋号',
        '12:楼栋号',
      ].sort(),
    );
    // The export test below counts the buildings of grid 1.
    const removed = await staff.request({ method: 'DELETE', url: `/api/buildings/${loose.json().id}` });
    expect(removed.statusCode).toBe(204);
  });

  it('imports houses by building number, areas in hundredths of a square metre', async () => {
    const before = await rowCount(env(), 'houses');
    const response = await importOf('houses', HOUSE_HEADERS, [
      [null, '导入花园', '1号楼', '1单元', '1', '101', '85.35', '住宅'],
      [null, '导入花园', '1号楼', '1单元', '1', '102', '60', null],
      [null, null, '2号楼', null, '-1', '车库1', null, 'other'],
      ['第二网格', null, '独栋', null, '1', '商铺1', '120.5', '商铺'],
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ imported: 4 });
    expect(await rowCount(env(), 'houses')).toBe(before + 4);
    const stored = await env()
      .ctx.db.selectFrom('houses')
      .select(['room', 'area', 'use', 'region_code', 'floor'])
      .where('room', 'in', ['101', '102', '车库1', '商铺1'])
      .orderBy('room')
      .execute();
    expect(stored).toEqual(
      expect.arrayContaining([
        { room: '101', area: 8535, use: 'residential', region_code: GRID1, floor: 1 },
        { room: '102', area: 6000, use: 'residential', region_code: GRID1, floor: 1 },
        { room: '车库1', area: null, use: 'other', region_code: GRID1, floor: -1 },
        { room: '商铺1', area: 12050, use: 'commercial', region_code: GRID2, floor: 1 },
      ]),
    );
    const audits = await env()
      .ctx.db.selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'house.import')
      .execute();
    expect(audits.map((a) => JSON.parse(a.after ?? '{}').address)).toContain('导入花园 1号楼 1单元 101');
  });

  it('refuses a whole houses file for one bad cell, and names only that cell', async () => {
    const details = await refusal('houses', 'houses', HOUSE_HEADERS, [
      [null, '导入花园', '1号楼', '2单元', '1', '101', '85.35', null],
      [null, '导入花园', '1号楼', '2单元', '1', '102', '85.355', null],
    ]);
    expect(details).toEqual([
      expect.objectContaining({
        row: 3,
        column: '面积（㎡）',
        message: '应为 0 到 1000000 之间的数，最多 2 位小数',
      }),
    ]);
  });

  it('reports houses repeated in the file or registered, unknown, ambiguous or outside buildings', async () => {
    // A building of another community: its number is as unknown to this staff member as none.
    const now = new Date().toISOString();
    await env()
      .ctx.db.insertInto('buildings')
      .values({
        region_code: `${NONGLINER}001`,
        estate_id: null,
        number: '外区楼',
        kind: 'residential',
        floors: null,
        units: null,
        elevators: null,
        address: null,
        lat: null,
        lng: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
    const details = await refusal('houses', 'houses', HOUSE_HEADERS, [
      [null, '导入花园', '2号楼', '3单元', null, '301', null, null],
      [null, '导入花园', '2号楼', '3单元', null, '301', null, null],
      [null, '导入花园', '1号楼', '1单元', null, '101', null, null],
      [null, null, '1号楼', null, null, '101', null, null],
      [null, null, '外区楼', null, null, '101', null, null],
      [GRID2, '导入花园', '2号楼', null, null, '102', null, null],
      ['第九网格', null, '2号楼', null, null, '103', null, null],
    ]);
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '房号', message: '与第 2 行重复' }),
        expect.objectContaining({ row: 4, column: '房号', message: '该楼栋已有这个单元和房号的房屋' }),
        expect.objectContaining({
          row: 5,
          column: '楼栋号',
          message: expect.stringContaining('有 2 个楼栋'),
        }),
        expect.objectContaining({
          row: 6,
          column: '楼栋号',
          message: expect.stringContaining('没有这个楼栋'),
        }),
        expect.objectContaining({ row: 7, column: '楼栋号', message: '该楼栋不在所填网格中' }),
        expect.objectContaining({ row: 8, column: '网格' }),
      ]),
    );
    expect(details).toHaveLength(6);
  });

  it('imports organisations: credit codes checked, contact numbers encrypted and masked in the audit', async () => {
    const before = await rowCount(env(), 'organisations');
    const response = await importOf('organisations', ORGANISATION_HEADERS, [
      [
        GRID1,
        '商铺',
        '导入便民超市',
        creditCode(1).toLowerCase(),
        '零售',
        '张丽',
        '13912345678',
        '枣林西路1号',
        '导入花园',
        '1号楼',
      ],
      [GRID1, 'organisation', '导入物业公司', creditCode(2), null, null, null, null, null, '2号楼'],
      ['第二网格', '单位', '导入卫生室', null, '医疗', null, '+86 139 1234 0002', null, null, null],
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ imported: 3 });
    expect(await rowCount(env(), 'organisations')).toBe(before + 3);

    const shop = await env()
      .ctx.db.selectFrom('organisations')
      .selectAll()
      .where('credit_code', '=', creditCode(1))
      .executeTakeFirstOrThrow();
    expect(shop).toMatchObject({ kind: 'shop', region_code: GRID1, contact_name: '张丽' });
    expect(shop.building_id).not.toBeNull();
    expect(shop.contact_phone_enc).not.toContain('13912345678');
    expect(env().ctx.pii.decrypt(shop.contact_phone_enc ?? '')).toBe('13912345678');
    const listed = (await staff.get(`/api/organisations/${shop.id}`)).json();
    expect(listed.contactPhone).toBe('139****5678');

    const audits = await env()
      .ctx.db.selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'organisation.import')
      .execute();
    expect(audits).toHaveLength(3);
    const log = JSON.stringify(audits);
    expect(log).toContain('139****5678');
    expect(log).not.toContain('13912345678');
    expect(log).not.toContain('13912340002');
  });

  it('refuses a whole organisations file for one bad cell, and names only that cell', async () => {
    const wrong = creditCode(3).slice(0, 17) + (creditCode(3).endsWith('0') ? '1' : '0');
    const details = await refusal('organisations', 'organisations', ORGANISATION_HEADERS, [
      [GRID1, '商铺', '甲店', creditCode(4), null, null, '13912340004', null, null, null],
      [GRID1, '商铺', '乙店', wrong, null, null, null, null, null, null],
    ]);
    expect(details).toEqual([
      expect.objectContaining({
        row: 3,
        column: '统一社会信用代码',
        message: '统一社会信用代码的校验码不正确，请核对',
      }),
    ]);
  });

  it('reports credit codes repeated in the file or registered, bad phones, unknown grids and buildings', async () => {
    const details = await refusal('organisations', 'organisations', ORGANISATION_HEADERS, [
      [GRID1, '商铺', '丙店', creditCode(5), null, null, null, null, null, null],
      [GRID1, '商铺', '丁店', creditCode(5), null, null, null, null, null, null],
      [GRID1, '单位', '戊单位', creditCode(1), null, null, null, null, null, null],
      [GRID1, '商铺', '己店', null, null, null, '12345', null, null, null],
      [`${NONGLINER}001`, '商铺', '庚店', null, null, null, null, null, null, null],
      [GRID1, '商铺', '辛店', null, null, null, null, null, null, '99号楼'],
      [GRID1, '超市', '壬店', null, null, null, null, null, null, null],
    ]);
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '统一社会信用代码', message: '与第 2 行重复' }),
        expect.objectContaining({
          row: 4,
          column: '统一社会信用代码',
          message: '已有使用该统一社会信用代码的单位',
        }),
        expect.objectContaining({ row: 5, column: '联系电话', message: '手机号应为以1开头的11位数字' }),
        expect.objectContaining({ row: 6, column: '网格' }),
        expect.objectContaining({ row: 7, column: '楼栋号' }),
        expect.objectContaining({ row: 8, column: '类别', message: '应为以下之一：单位、商铺' }),
      ]),
    );
    expect(details).toHaveLength(6);
  });

  it('lets only the counter import, and says what is wrong with a file that is not a workbook', async () => {
    const grid = await env().login('grid');
    for (const kind of ['buildings', 'houses', 'organisations']) {
      expect((await grid.get(`/api/imports/templates/${kind}.xlsx`)).statusCode).toBe(403);
      expect((await upload(kind, await xlsxOf(['网格*'], []), grid)).statusCode).toBe(403);
      const garbage = await upload(kind, Buffer.from('网格,楼栋号\n第一网格,1\n'));
      expect(garbage.statusCode).toBe(400);
      expect(garbage.json().error.code).toBe('IMPORT_NOT_XLSX');
    }
    const empty = multipartFile(Buffer.alloc(0));
    const english = await staff.request({
      method: 'POST',
      url: '/api/imports/buildings',
      payload: empty.payload,
      headers: { ...empty.headers, 'accept-language': 'en' },
    });
    expect(english.statusCode).toBe(400);
    expect(english.json().error.message).toMatch(/xlsx/);
  });

  it('exports buildings, houses and organisations with the filters, masked, scoped and audited', async () => {
    const buildings = await records((await staff.get('/api/exports/buildings.xlsx')).rawPayload);
    expect(buildings.map((b) => `${b.网格编码}|${b.小区}|${b.楼栋号}`).sort()).toEqual(
      [
        `${GRID1}|导入花园|1号楼`,
        `${GRID1}|导入花园|2号楼`,
        `${GRID2}|二网小区|1号楼`,
        `${GRID2}||独栋`,
      ].sort(),
    );
    expect(buildings.find((b) => b.楼栋号 === '2号楼')).toMatchObject({ 类型: '商住混合', 层数: '7' });
    const filtered = await records(
      (await staff.get(`/api/exports/buildings.xlsx?regionCode=${GRID2}&q=独`)).rawPayload,
    );
    expect(filtered.map((b) => b.楼栋号)).toEqual(['独栋']);

    const grid = await env().login('grid');
    const seen = await records((await grid.get('/api/exports/buildings.xlsx')).rawPayload);
    expect(seen.map((b) => b.网格编码)).toEqual([GRID1, GRID1]);
    // Asking for another grid gives nothing rather than that grid's rows.
    expect(
      await records((await grid.get(`/api/exports/buildings.xlsx?regionCode=${GRID2}`)).rawPayload),
    ).toEqual([]);

    const houses = await records((await staff.get('/api/exports/houses.xlsx')).rawPayload);
    expect(houses.find((h) => h.房号 === '101')).toMatchObject({
      '面积（㎡）': '85.35',
      用途: '住宅',
      单元: '1单元',
    });
    expect(houses).toHaveLength(4);
    const gridHouses = await records((await grid.get('/api/exports/houses.xlsx')).rawPayload);
    expect(gridHouses.map((h) => h.房号).sort()).toEqual(['101', '102', '车库1']);
    const [other] = (await staff.get(`/api/buildings?regionCode=${GRID2}&q=独`)).json().items;
    const oneBuilding = await records(
      (await staff.get(`/api/exports/houses.xlsx?buildingId=${other.id}`)).rawPayload,
    );
    expect(oneBuilding.map((h) => h.房号)).toEqual(['商铺1']);
    expect(
      await records((await grid.get(`/api/exports/houses.xlsx?buildingId=${other.id}`)).rawPayload),
    ).toEqual([]);

    const organisations = await records(
      (await staff.get('/api/exports/organisations.xlsx?kind=shop')).rawPayload,
    );
    expect(organisations.map((o) => o.名称)).toEqual(['导入便民超市']);
    expect(organisations[0]).toMatchObject({
      联系电话: '139****5678',
      类别: '商铺',
      统一社会信用代码: creditCode(1),
    });
    const gridOrganisations = await records((await grid.get('/api/exports/organisations.xlsx')).rawPayload);
    expect(gridOrganisations.map((o) => o.名称).sort()).toEqual(['导入便民超市', '导入物业公司'].sort());
    expect(JSON.stringify(gridOrganisations)).not.toContain('13912345678');

    const audits = await env()
      .ctx.db.selectFrom('audit_log')
      .select(['action', 'actor_name', 'after', 'region_code'])
      .where('action', 'in', ['building.export', 'house.export', 'organisation.export'])
      .execute();
    expect(audits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'building.export',
          actor_name: 'staff',
          after: JSON.stringify({ regionCode: GRID2, q: '独' }),
        }),
        expect.objectContaining({ action: 'building.export', actor_name: 'grid', region_code: GRID1 }),
        expect.objectContaining({ action: 'house.export', after: JSON.stringify({ buildingId: other.id }) }),
        expect.objectContaining({ action: 'organisation.export', after: JSON.stringify({ kind: 'shop' }) }),
      ]),
    );
  });

  it('exports visits with the filters of the visit list, scoped and audited', async () => {
    const people = peopleFactory(71);
    const visited: Record<string, number> = {};
    for (const [name, grid] of [
      ['走访导出一', GRID1],
      ['走访导出二', GRID2],
    ] as const) {
      const id = await createResident(staff, people, { name, regionCode: grid });
      const visit = await staff.post(`/api/residents/${id}/visits`, {
        mode: 'phone',
        findings: `${name}身体稳定`,
        majorChange: grid === GRID2,
      });
      expect(visit.statusCode, visit.body).toBe(201);
      visited[name] = id;
    }
    const all = await records((await staff.get('/api/exports/visits.xlsx')).rawPayload);
    expect(all.map((v) => v.居民).sort()).toEqual(['走访导出一', '走访导出二']);
    expect(all.find((v) => v.居民 === '走访导出二')).toMatchObject({
      走访方式: '电话',
      走访人: '于林',
      网格: '第二网格',
      重大变化: '是',
      发现情况: '走访导出二身体稳定',
    });
    const grid = await env().login('grid');
    const mine = await records((await grid.get('/api/exports/visits.xlsx')).rawPayload);
    expect(mine.map((v) => v.居民)).toEqual(['走访导出一']);
    const one = await records(
      (await staff.get(`/api/exports/visits.xlsx?residentId=${visited.走访导出二}`)).rawPayload,
    );
    expect(one.map((v) => v.居民)).toEqual(['走访导出二']);
    const none = await records((await staff.get('/api/exports/visits.xlsx?to=2000-01-01')).rawPayload);
    expect(none).toEqual([]);
    const own = await records((await grid.get('/api/exports/visits.xlsx?mine=true')).rawPayload);
    expect(own).toEqual([]);

    const audits = await env()
      .ctx.db.selectFrom('audit_log')
      .select(['actor_name', 'after', 'region_code'])
      .where('action', '=', 'visit.export')
      .execute();
    expect(audits).toHaveLength(5);
    expect(audits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor_name: 'grid',
          region_code: GRID1,
          after: JSON.stringify({ mine: true }),
        }),
      ]),
    );
  });
});
