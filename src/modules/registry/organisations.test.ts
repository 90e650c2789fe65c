import { beforeAll, expect, it } from 'vitest';
import {
  describeEachDatabase,
  rowCount,
  type TestClient,
  type TestEnv,
  ZAOLINXI,
} from '../../test/harness.js';

const GRID1 = `${ZAOLINXI}001`;
const GRID2 = `${ZAOLINXI}002`;
// Real codes, checked against GB 32100 by hand (see src/platform/identifiers/identifiers.test.ts).
const CODE_A = '91350100M000100Y43';
const CODE_B = '91110000600037341L';
const CODE_C = '91440300708461136T';
const CODE_D = '91110108551385082Q';

const del = (client: TestClient, url: string) => client.request({ method: 'DELETE', url });

const counts = (env: TestEnv) => Promise.all([rowCount(env, 'organisations'), rowCount(env, 'audit_log')]);

async function auditOf(env: TestEnv, id: number) {
  return env.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', 'organisation')
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();
}

describeEachDatabase('organisations API', (env) => {
  let secretary: TestClient;
  let grid: TestClient;
  let street: TestClient;

  beforeAll(async () => {
    secretary = await env().login('secretary');
    grid = await env().login('grid');
    street = await env().login('street');
  });

  async function create(client: TestClient, fields: Record<string, unknown>) {
    const response = await client.post('/api/organisations', { regionCode: GRID1, kind: 'shop', ...fields });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('registers a shop; its contact phone is stored encrypted and shown masked everywhere, the audit log included', async () => {
    const shop = await create(secretary, {
      name: ' 兰州牛肉面馆 ',
      creditCode: CODE_A,
      category: '餐饮',
      contactName: '马师傅',
      contactPhone: '+86 138-1234-5678',
      address: '安宁西路 12 号',
      lat: 36.1,
      lng: 103.72,
    });
    expect(shop).toEqual({
      id: shop.id,
      regionCode: GRID1,
      regionName: '第一网格',
      kind: 'shop',
      name: '兰州牛肉面馆',
      creditCode: CODE_A,
      category: '餐饮',
      contactName: '马师傅',
      contactPhone: '138****5678',
      address: '安宁西路 12 号',
      buildingId: null,
      lat: 36.1,
      lng: 103.72,
      createdAt: shop.createdAt,
      updatedAt: shop.updatedAt,
    });
    const row = await env()
      .ctx.db.selectFrom('organisations')
      .selectAll()
      .where('id', '=', shop.id)
      .executeTakeFirstOrThrow();
    expect(row.contact_phone_enc).not.toContain('5678');
    expect(env().ctx.pii.decrypt(row.contact_phone_enc ?? '')).toBe('13812345678');

    const shown = await secretary.get(`/api/organisations/${shop.id}`);
    expect(shown.json()).toEqual(shop);
    const listed = await secretary.get(`/api/organisations?q=${encodeURIComponent('兰州牛肉')}`);
    expect(listed.json().items).toEqual([shop]);
    for (const body of [shown.body, listed.body]) expect(body).not.toContain('13812345678');

    const [entry] = await auditOf(env(), shop.id);
    expect(entry).toMatchObject({
      action: 'organisation.create',
      region_code: GRID1,
      actor_name: 'secretary',
    });
    expect(JSON.parse(entry?.after ?? '{}')).toMatchObject({
      contactPhone: '138****5678',
      creditCode: CODE_A,
    });
    expect(entry?.after).not.toContain('13812345678');
  });

  it('accepts a lower-case credit code and stores it upper-case', async () => {
    const org = await create(secretary, {
      kind: 'organisation',
      name: '枣林西物业',
      creditCode: ` ${CODE_B.toLowerCase()} `,
    });
    expect(org.creditCode).toBe(CODE_B);
    const row = await env()
      .ctx.db.selectFrom('organisations')
      .select('credit_code')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(row.credit_code).toBe(CODE_B);
    // Found by the code, whatever its case.
    const found = await secretary.get(`/api/organisations?q=${CODE_B.toLowerCase()}`);
    expect(found.json().items.map((o: { id: number }) => o.id)).toEqual([org.id]);
  });

  it('refuses a wrong check character or a malformed credit code with 400 on /creditCode', async () => {
    const before = await counts(env());
    const cases: [string, string, string][] = [
      [
        '91350100M000100Y44',
        '统一社会信用代码的校验码不正确，请核对',
        'The check character of the unified social credit code is wrong',
      ],
      [
        '911100001000128873',
        '统一社会信用代码的校验码不正确，请核对',
        'The check character of the unified social credit code is wrong',
      ],
      [
        '91350100I000100Y43',
        '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）',
        'A unified social credit code is 18 digits or capital letters (no I, O, S, V, Z)',
      ],
      [
        '91350100M000100Y4',
        '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）',
        'A unified social credit code is 18 digits or capital letters (no I, O, S, V, Z)',
      ],
    ];
    for (const [creditCode, zh, en] of cases) {
      const payload = { regionCode: GRID1, kind: 'organisation', name: '错码单位', creditCode };
      const response = await secretary.post('/api/organisations', payload);
      expect(response.statusCode, creditCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.details).toEqual([{ path: '/creditCode', message: zh }]);
      const english = await secretary.request({
        method: 'POST',
        url: '/api/organisations',
        payload,
        headers: { 'accept-language': 'en' },
      });
      expect(english.json().error.details).toEqual([{ path: '/creditCode', message: en }]);
    }
    expect(await counts(env())).toEqual(before);
  });

  it('refuses a credit code a live organisation holds (409 DUPLICATE_ORGANISATION), anywhere, until it is deleted', async () => {
    const first = await create(secretary, { kind: 'organisation', name: '第一家', creditCode: CODE_C });
    const other = await create(secretary, { regionCode: GRID2, kind: 'organisation', name: '别家' });
    const before = await counts(env());
    for (const response of [
      await secretary.post('/api/organisations', {
        regionCode: GRID2,
        kind: 'shop',
        name: '第二家',
        creditCode: CODE_C,
      }),
      await secretary.post('/api/organisations', {
        regionCode: GRID1,
        kind: 'shop',
        name: '小写',
        creditCode: CODE_C.toLowerCase(),
      }),
      await secretary.patch(`/api/organisations/${other.id}`, { creditCode: CODE_C }),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'DUPLICATE_ORGANISATION',
        message: '已有使用该统一社会信用代码的单位',
      });
    }
    expect(await counts(env())).toEqual(before);
    // Saving an organisation with its own code is no conflict.
    expect(
      (await secretary.patch(`/api/organisations/${first.id}`, { creditCode: CODE_C, category: '物业' }))
        .statusCode,
    ).toBe(200);
    expect((await del(secretary, `/api/organisations/${first.id}`)).statusCode).toBe(204);
    const moved = await secretary.patch(`/api/organisations/${other.id}`, { creditCode: CODE_C });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().creditCode).toBe(CODE_C);
  });

  it('refuses a contact phone that is not a mobile number with 400 on /contactPhone', async () => {
    const before = await counts(env());
    for (const contactPhone of ['0931-8888888', '2381234567', '138123456789']) {
      const response = await secretary.post('/api/organisations', {
        regionCode: GRID1,
        kind: 'shop',
        name: '错号店',
        contactPhone,
      });
      expect(response.statusCode, contactPhone).toBe(400);
      expect(response.json().error.details).toEqual([{ path: '/contactPhone', message: expect.any(String) }]);
    }
    expect(await counts(env())).toEqual(before);
  });

  it('updates and deletes an organisation, audited before and after with the phone masked', async () => {
    const org = await create(secretary, {
      name: '便民超市',
      contactPhone: '13900001111',
      creditCode: CODE_D,
    });
    const updated = await secretary.patch(`/api/organisations/${org.id}`, {
      contactPhone: '13722223333',
      kind: 'organisation',
      address: '安宁西路 20 号',
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      contactPhone: '137****3333',
      kind: 'organisation',
      address: '安宁西路 20 号',
      name: '便民超市',
      creditCode: CODE_D,
    });
    const cleared = await secretary.patch(`/api/organisations/${org.id}`, {
      contactPhone: null,
      creditCode: null,
    });
    expect(cleared.json()).toMatchObject({ contactPhone: null, creditCode: null });
    // A change of anything else keeps the number.
    await secretary.patch(`/api/organisations/${org.id}`, { contactPhone: '13722223333' });
    expect(
      (await secretary.patch(`/api/organisations/${org.id}`, { category: '超市' })).json().contactPhone,
    ).toBe('137****3333');

    expect((await del(secretary, `/api/organisations/${org.id}`)).statusCode).toBe(204);
    expect((await secretary.get(`/api/organisations/${org.id}`)).statusCode).toBe(404);
    expect((await secretary.get(`/api/organisations?q=${encodeURIComponent('便民超市')}`)).json().total).toBe(
      0,
    );
    expect((await secretary.patch(`/api/organisations/${org.id}`, { name: 'x' })).statusCode).toBe(404);

    const log = await auditOf(env(), org.id);
    expect(log.map((r) => r.action)).toEqual([
      'organisation.create',
      'organisation.update',
      'organisation.update',
      'organisation.update',
      'organisation.update',
      'organisation.delete',
    ]);
    expect(JSON.parse(log[1]?.before ?? '')).toMatchObject({ contactPhone: '139****1111' });
    expect(JSON.parse(log[1]?.after ?? '')).toMatchObject({ contactPhone: '137****3333' });
    expect(JSON.parse(log[5]?.before ?? '')).toMatchObject({ name: '便民超市', contactPhone: '137****3333' });
    const text = JSON.stringify(log);
    for (const full of ['13900001111', '13722223333']) expect(text).not.toContain(full);
  });

  it('lists by kind, name prefix and grid, within the caller’s scope', async () => {
    const a = await create(secretary, { kind: 'shop', name: '列表甲店' });
    const b = await create(secretary, { kind: 'organisation', name: '列表乙单位' });
    const c = await create(secretary, { regionCode: GRID2, kind: 'shop', name: '列表丙店' });
    const ids = async (client: TestClient, query: string) =>
      (await client.get(`/api/organisations?pageSize=200&${query}`))
        .json()
        .items.map((o: { id: number }) => o.id);
    const q = `q=${encodeURIComponent('列表')}`;
    expect((await ids(secretary, q)).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(await ids(secretary, `${q}&kind=shop&regionCode=${GRID1}`)).toEqual([a.id]);
    expect(await ids(secretary, `${q}&kind=organisation`)).toEqual([b.id]);
    expect(await ids(secretary, `q=${encodeURIComponent('乙单位')}`)).toEqual([]);
    // The grid worker of grid 1 sees grid 1 only; grid 2's shop is 404 like a missing one.
    expect((await ids(grid, q)).sort()).toEqual([a.id, b.id].sort());
    expect(await ids(grid, `${q}&regionCode=${GRID2}`)).toEqual([]);
    const outside = await grid.get(`/api/organisations/${c.id}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.body).toBe((await grid.get('/api/organisations/99999999')).body);
    expect((await grid.patch(`/api/organisations/${c.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await del(grid, `/api/organisations/${c.id}`)).statusCode).toBe(404);
    expect((await secretary.get(`/api/organisations/${c.id}`)).json().name).toBe('列表丙店');
  });

  it('lets a street officer read but not write (403)', async () => {
    const org = await create(secretary, { name: '街道可见店' });
    expect((await street.get(`/api/organisations/${org.id}`)).json().name).toBe('街道可见店');
    const before = await counts(env());
    for (const response of [
      await street.post('/api/organisations', { regionCode: GRID1, kind: 'shop', name: '街道开店' }),
      await street.patch(`/api/organisations/${org.id}`, { name: '街道改名' }),
      await del(street, `/api/organisations/${org.id}`),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect(await counts(env())).toEqual(before);
  });

  it('places an organisation in a building of its own grid only', async () => {
    const inGrid1 = (
      await secretary.post('/api/buildings', { regionCode: GRID1, number: '商业1', kind: 'commercial' })
    ).json().id;
    const inGrid2 = (
      await secretary.post('/api/buildings', { regionCode: GRID2, number: '商业2', kind: 'commercial' })
    ).json().id;
    const org = await create(grid, { name: '楼里的店', buildingId: inGrid1 });
    expect(org.buildingId).toBe(inGrid1);
    const before = await counts(env());
    const mismatch = await secretary.post('/api/organisations', {
      regionCode: GRID1,
      kind: 'shop',
      name: '错楼',
      buildingId: inGrid2,
    });
    expect(mismatch.json().error.details).toEqual([{ path: '/buildingId', message: '所选楼栋不在该网格内' }]);
    const outside = await grid.post('/api/organisations', {
      regionCode: GRID1,
      kind: 'shop',
      name: '错楼',
      buildingId: inGrid2,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].path).toBe('/buildingId');
    expect(await counts(env())).toEqual(before);
    // A building with an organisation in it stays.
    const refused = await del(secretary, `/api/buildings/${inGrid1}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('BUILDING_NOT_EMPTY');
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const org = await create(secretary, { name: '坏输入店' });
    const valid = { regionCode: GRID1, kind: 'shop', name: '新店' };
    const before = await counts(env());
    const cases: [
      Promise<{ statusCode: number; json(): { error: { details: { path: string }[] } } }>,
      string,
    ][] = [
      [secretary.post('/api/organisations', { ...valid, owner: '张三' }), '/owner'],
      [secretary.post('/api/organisations', { ...valid, kind: 'factory' }), '/kind'],
      [secretary.post('/api/organisations', { ...valid, regionCode: ZAOLINXI }), '/regionCode'],
      [secretary.post('/api/organisations', { ...valid, regionCode: `${ZAOLINXI}099` }), '/regionCode'],
      [secretary.post('/api/organisations', { ...valid, lat: 36.1 }), '/lng'],
      [secretary.post('/api/organisations', { ...valid, lng: 200, lat: 36 }), '/lng'],
      [secretary.post('/api/organisations', { ...valid, name: '' }), '/name'],
      [secretary.patch(`/api/organisations/${org.id}`, {}), '/'],
      [secretary.patch(`/api/organisations/${org.id}`, { lng: 103.7 }), '/lat'],
      [secretary.patch(`/api/organisations/${org.id}`, { contactPhone: '12345' }), '/contactPhone'],
    ];
    for (const [pending, path] of cases) {
      const response = await pending;
      expect(response.statusCode, path).toBe(400);
      expect(
        response.json().error.details.map((d) => d.path),
        path,
      ).toContain(path);
    }
    expect(await counts(env())).toEqual(before);
    const doc = (await env().anonymous().get('/api/docs/json')).json();
    for (const method of ['get', 'post'])
      expect(doc.paths['/api/organisations'][method].tags).toEqual(['registry']);
    for (const method of ['get', 'patch', 'delete'])
      expect(doc.paths['/api/organisations/{id}'][method].tags).toEqual(['registry']);
  });
});
