import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/types.js';
import { dateInShanghai } from '../../platform/clock.js';
import {
  describeEachDatabase,
  NONGLINER,
  rowCount,
  type TestClient,
  type TestEnv,
  ZAOLINXI,
} from '../../test/harness.js';
import { formatAddress } from './places.present.js';

const GRID1 = `${ZAOLINXI}001`;
const GRID2 = `${ZAOLINXI}002`;

const del = (client: TestClient, url: string) => client.request({ method: 'DELETE', url });

async function auditOf(env: TestEnv, entity: string, id: number) {
  const rows = await env.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}

/** Row counts of the tables a refused request must leave alone. */
async function counts(env: TestEnv) {
  const tables: (keyof DB)[] = ['estates', 'buildings', 'houses', 'households', 'audit_log'];
  return Promise.all(tables.map((t) => rowCount(env, t)));
}

let residentSeq = 0;
/**
 * A resident written straight into the table: this suite tests the places, not the resident API
 * (which has its own), and needs people with known birth dates, numbers and states.
 */
async function addResident(
  env: TestEnv,
  fields: {
    regionCode: string;
    householdId?: number | null;
    houseId?: number | null;
    name: string;
    birthDate: string;
    gender?: 'male' | 'female';
    relation?: string | null;
    status?: string;
    deleted?: boolean;
  },
): Promise<number> {
  const { pii, clock } = env.ctx;
  const idNumber = `62010519460101${String(++residentSeq).padStart(4, '0')}`;
  const phone = `1391234${String(residentSeq).padStart(4, '0')}`;
  const now = clock.now().toISOString();
  const row = await env.ctx.db
    .insertInto('residents')
    .values({
      region_code: fields.regionCode,
      household_id: fields.householdId ?? null,
      house_id: fields.houseId ?? null,
      relation: fields.relation ?? null,
      name: fields.name,
      name_pinyin: 'test',
      name_initials: 't',
      id_number_enc: pii.encrypt(idNumber),
      id_number_index: pii.blindIndex(idNumber),
      phone_enc: pii.encrypt(phone),
      phone_index: pii.blindIndex(phone),
      phone_tail: phone.slice(-4),
      birth_date: fields.birthDate,
      gender: fields.gender ?? 'female',
      hukou: 'local',
      status: fields.status ?? 'resident',
      political: null,
      work: null,
      move_in_date: null,
      move_out_date: null,
      note: null,
      visit_interval_days: null,
      last_visit_at: null,
      visit_due_at: null,
      created_at: now,
      updated_at: now,
      deleted_at: fields.deleted ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

describe('formatAddress', () => {
  it('writes estate, building, unit and room the way people do', () => {
    expect(formatAddress({ estateName: '枣林西小区', buildingNumber: '3', unit: '2', room: '301' })).toBe(
      '枣林西小区 3号楼 2单元 301',
    );
    expect(
      formatAddress({ estateName: '枣林西小区', buildingNumber: '3号楼', unit: '东单元', room: '301' }),
    ).toBe('枣林西小区 3号楼 东单元 301');
  });

  it('leaves out what is missing and trims what is given', () => {
    expect(formatAddress({ estateName: null, buildingNumber: ' 5 ', unit: null, room: '102' })).toBe(
      '5号楼 102',
    );
    expect(formatAddress({ estateName: '臻园', buildingNumber: 'A', room: '商铺1' })).toBe(
      '臻园 A号楼 商铺1',
    );
    expect(formatAddress({})).toBe('');
  });
});

describeEachDatabase('places API (estates, buildings, houses, households)', (env) => {
  let secretary: TestClient;
  let grid: TestClient;
  let street: TestClient;
  let district: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    secretary = await env().login('secretary');
    grid = await env().login('grid');
    street = await env().login('street');
    district = await env().login('district');
    admin = await env().login('admin');
  });

  async function estate(client: TestClient, name: string, regionCode = ZAOLINXI): Promise<number> {
    const response = await client.post('/api/estates', { regionCode, name });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  async function building(
    client: TestClient,
    fields: { regionCode: string; number: string; estateId?: number },
  ): Promise<number> {
    const response = await client.post('/api/buildings', { kind: 'residential', ...fields });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  async function house(
    client: TestClient,
    fields: { buildingId: number; room: string; unit?: string | null; floor?: number },
  ): Promise<number> {
    const response = await client.post('/api/houses', { use: 'residential', ...fields });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  it('creates, reads, updates and deletes an estate, each change audited', async () => {
    const created = await secretary.post('/api/estates', {
      regionCode: ZAOLINXI,
      name: '  测试甲苑 ',
      address: '安宁西路 1 号',
    });
    expect(created.statusCode).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({
      regionCode: ZAOLINXI,
      regionName: '枣林西社区',
      name: '测试甲苑',
      address: '安宁西路 1 号',
      counts: { buildings: 0 },
    });
    expect((await secretary.get(`/api/estates/${view.id}`)).json()).toEqual(view);

    const found = (await secretary.get(`/api/estates?q=${encodeURIComponent('测试甲')}`)).json();
    expect(found.items.map((e: { id: number }) => e.id)).toEqual([view.id]);
    // A prefix search: the middle of a name does not match, nor do LIKE wildcards.
    expect((await secretary.get(`/api/estates?q=${encodeURIComponent('甲苑')}`)).json().total).toBe(0);
    expect((await secretary.get(`/api/estates?q=${encodeURIComponent('测试_苑')}`)).json().total).toBe(0);
    expect((await secretary.get(`/api/estates?regionCode=${NONGLINER}`)).json().total).toBe(0);

    const updated = await secretary.patch(`/api/estates/${view.id}`, { name: '测试甲苑东区', address: null });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ id: view.id, name: '测试甲苑东区', address: null });

    expect((await del(secretary, `/api/estates/${view.id}`)).statusCode).toBe(204);
    expect((await secretary.get(`/api/estates/${view.id}`)).statusCode).toBe(404);
    expect((await secretary.get(`/api/estates?q=${encodeURIComponent('测试甲')}`)).json().total).toBe(0);
    expect((await del(secretary, `/api/estates/${view.id}`)).statusCode).toBe(404);
    const row = await env()
      .ctx.db.selectFrom('estates')
      .selectAll()
      .where('id', '=', view.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();

    const log = await auditOf(env(), 'estate', view.id);
    expect(log.map((r) => r.action)).toEqual(['estate.create', 'estate.update', 'estate.delete']);
    expect(log.every((r) => r.region_code === ZAOLINXI && r.actor_name === 'secretary')).toBe(true);
    expect(log[0]?.after).toMatchObject({ name: '测试甲苑', address: '安宁西路 1 号' });
    expect(log[1]?.before).toMatchObject({ name: '测试甲苑', address: '安宁西路 1 号' });
    expect(log[1]?.after).toMatchObject({ name: '测试甲苑东区', address: null });
    expect(log[2]?.before).toMatchObject({ name: '测试甲苑东区' });
    expect(log[2]?.after).toBeNull();
  });

  it('places an estate only in a community or grid under the caller’s scope (400 on /regionCode)', async () => {
    const before = await counts(env());
    const cases: [TestClient, string, string][] = [
      [secretary, '620105002099', '没有这个区域，或它不在您的管辖范围内'],
      [secretary, NONGLINER, '没有这个区域，或它不在您的管辖范围内'],
      [secretary, `${NONGLINER}001`, '没有这个区域，或它不在您的管辖范围内'],
      // A grid worker may not file an estate for the whole community above their grid.
      [grid, ZAOLINXI, '没有这个区域，或它不在您的管辖范围内'],
    ];
    for (const [client, regionCode, message] of cases) {
      const response = await client.post('/api/estates', { regionCode, name: '不该有的小区' });
      expect(response.statusCode, regionCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.details).toEqual([{ path: '/regionCode', message }]);
    }
    // A street is not a community or grid: the schema refuses its length.
    const street9 = await secretary.post('/api/estates', { regionCode: '620105002', name: '街道小区' });
    expect(street9.statusCode).toBe(400);
    expect(street9.json().error.details[0].path).toBe('/regionCode');
    expect(await counts(env())).toEqual(before);
    // The grid worker may file one in their own grid.
    expect((await grid.post('/api/estates', { regionCode: GRID1, name: '测试网格苑' })).statusCode).toBe(201);
  });

  it('creates a building in an estate, showing its grid, estate and counts of houses, households and residents', async () => {
    const estateId = await estate(secretary, '测试乙苑');
    const created = await secretary.post('/api/buildings', {
      regionCode: GRID1,
      estateId,
      number: '3',
      kind: 'residential',
      floors: 6,
      units: 2,
      elevators: 0,
      address: '安宁西路 3 号',
      lat: 36.1035,
      lng: 103.7221,
    });
    expect(created.statusCode).toBe(201);
    const b = created.json();
    expect(b).toEqual({
      id: b.id,
      regionCode: GRID1,
      regionName: '第一网格',
      estateId,
      estateName: '测试乙苑',
      number: '3',
      kind: 'residential',
      floors: 6,
      units: 2,
      elevators: 0,
      address: '安宁西路 3 号',
      lat: 36.1035,
      lng: 103.7221,
      counts: { houses: 0, households: 0, residents: 0 },
      createdAt: b.createdAt,
      updatedAt: b.updatedAt,
    });
    const h1 = await house(secretary, { buildingId: b.id, unit: '1', room: '101' });
    await house(secretary, { buildingId: b.id, unit: '1', room: '102' });
    const gone = await house(secretary, { buildingId: b.id, unit: '1', room: '103' });
    expect((await del(secretary, `/api/houses/${gone}`)).statusCode).toBe(204);
    const hh = await secretary.post('/api/households', { houseId: h1 });
    expect(hh.statusCode).toBe(201);
    const household = hh.json().id;
    await addResident(env(), {
      regionCode: GRID1,
      householdId: household,
      houseId: h1,
      name: '甲',
      birthDate: '1950-03-01',
    });
    await addResident(env(), { regionCode: GRID1, houseId: h1, name: '乙', birthDate: '1980-03-01' });
    await addResident(env(), {
      regionCode: GRID1,
      householdId: household,
      houseId: h1,
      name: '丙',
      birthDate: '1990-03-01',
      deleted: true,
    });

    const shown = (await secretary.get(`/api/buildings/${b.id}`)).json();
    expect(shown.counts).toEqual({ houses: 2, households: 1, residents: 2 });
    const listed = (await secretary.get(`/api/buildings?estateId=${estateId}`)).json();
    expect(listed.items).toEqual([shown]);
    expect((await secretary.get(`/api/estates/${estateId}`)).json().counts).toEqual({ buildings: 1 });
    // The estate cannot go while it has buildings.
    const refused = await del(secretary, `/api/estates/${estateId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ESTATE_NOT_EMPTY');
    expect((await auditOf(env(), 'building', b.id)).map((r) => r.action)).toEqual(['building.create']);
  });

  it('refuses a building whose estate is unknown, out of scope, elsewhere or has the number already', async () => {
    const community = await estate(secretary, '测试丙苑');
    const inGrid2 = await estate(secretary, '测试丁苑', GRID2);
    await building(secretary, { regionCode: GRID1, estateId: community, number: '1' });
    const before = await counts(env());
    const cases: [TestClient, Record<string, unknown>, string, string][] = [
      [
        secretary,
        { regionCode: GRID1, estateId: 99_999_999 },
        '/estateId',
        '没有这个小区，或它不在您的管辖范围内',
      ],
      // The community's estate lies above the grid worker's scope.
      [grid, { regionCode: GRID1, estateId: community }, '/estateId', '没有这个小区，或它不在您的管辖范围内'],
      [secretary, { regionCode: GRID1, estateId: inGrid2 }, '/estateId', '楼栋所在网格不在该小区所属区域内'],
      [secretary, { regionCode: `${ZAOLINXI}099` }, '/regionCode', '没有这个区域，或它不在您的管辖范围内'],
      [grid, { regionCode: GRID2 }, '/regionCode', '没有这个区域，或它不在您的管辖范围内'],
      [secretary, { regionCode: ZAOLINXI }, '/regionCode', ''],
    ];
    for (const [client, fields, path, message] of cases) {
      const response = await client.post('/api/buildings', { number: '9', kind: 'residential', ...fields });
      expect(response.statusCode, JSON.stringify(fields)).toBe(400);
      expect(response.json().error.details[0].path).toBe(path);
      if (message) expect(response.json().error.details[0].message).toBe(message);
    }
    const duplicate = await secretary.post('/api/buildings', {
      regionCode: GRID1,
      estateId: community,
      number: '1',
      kind: 'mixed',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('BUILDING_EXISTS');
    expect(await counts(env())).toEqual(before);
  });

  it('keeps a number to one building outside estates within a grid, as within an estate', async () => {
    const first = await building(secretary, { regionCode: GRID1, number: '街面7号' });
    const again = await secretary.post('/api/buildings', {
      regionCode: GRID1,
      number: '街面7号',
      kind: 'commercial',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('BUILDING_EXISTS');
    // The same number is free in another grid, and inside an estate of the same grid.
    await building(secretary, { regionCode: GRID2, number: '街面7号' });
    const inEstate = await building(secretary, {
      regionCode: GRID1,
      estateId: await estate(secretary, '测试戊苑'),
      number: '街面7号',
    });
    // Taking the estate away would make two of that number in the grid.
    const loosened = await secretary.patch(`/api/buildings/${inEstate}`, { estateId: null });
    expect(loosened.statusCode).toBe(409);
    expect(loosened.json().error.code).toBe('BUILDING_EXISTS');
    // Once the first is deleted, its number is free again.
    expect((await del(secretary, `/api/buildings/${first}`)).statusCode).toBe(204);
    expect((await secretary.patch(`/api/buildings/${inEstate}`, { estateId: null })).statusCode).toBe(200);
  });

  it('keeps a grid worker to their grid: another grid’s places answer 404 like missing ones, and lists leave them out', async () => {
    const other = await building(secretary, { regionCode: GRID2, number: '外网格1' });
    const otherHouse = await house(secretary, { buildingId: other, room: '101' });
    const otherHousehold = (await secretary.post('/api/households', { houseId: otherHouse })).json().id;
    const own = await building(grid, { regionCode: GRID1, number: '本网格1' });
    const missing = 99_999_999;

    for (const [path, id] of [
      ['/api/buildings', other],
      ['/api/houses', otherHouse],
      ['/api/households', otherHousehold],
    ] as const) {
      const outside = await grid.get(`${path}/${id}`);
      const nothing = await grid.get(`${path}/${missing}`);
      expect(outside.statusCode, path).toBe(404);
      expect(outside.body).toBe(nothing.body);
      const body = {
        '/api/buildings': { floors: 9 },
        '/api/houses': { floor: 9 },
        '/api/households': { note: 'x' },
      }[path];
      const patched = await grid.patch(`${path}/${id}`, body);
      expect(patched.statusCode, path).toBe(404);
      expect(patched.body).toBe((await grid.patch(`${path}/${missing}`, body)).body);
      expect((await del(grid, `${path}/${id}`)).statusCode, path).toBe(404);
    }
    expect((await grid.get(`/api/buildings/${other}/houses`)).statusCode).toBe(404);

    const listed = (await grid.get('/api/buildings?pageSize=200')).json();
    const ids = listed.items.map((b: { id: number }) => b.id);
    expect(ids).toContain(own);
    expect(ids).not.toContain(other);
    expect(listed.items.every((b: { regionCode: string }) => b.regionCode.startsWith(GRID1))).toBe(true);
    expect((await grid.get(`/api/buildings?regionCode=${GRID2}`)).json().total).toBe(0);
    expect((await grid.get(`/api/buildings?regionCode=${ZAOLINXI}`)).json().total).toBe(listed.total);

    // Nor can they hang anything on it.
    const houseThere = await grid.post('/api/houses', { buildingId: other, room: '102', use: 'residential' });
    expect(houseThere.statusCode).toBe(400);
    expect(houseThere.json().error.details).toEqual([
      { path: '/buildingId', message: '没有这栋楼，或它不在您的管辖范围内' },
    ]);
    const householdThere = await grid.post('/api/households', { houseId: otherHouse });
    expect(householdThere.statusCode).toBe(400);
    expect(householdThere.json().error.details[0].path).toBe('/houseId');

    // Everything is as it was, and the secretary of the community sees both grids.
    const row = await env()
      .ctx.db.selectFrom('buildings')
      .selectAll()
      .where('id', '=', other)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ floors: null, deleted_at: null });
    expect((await secretary.get(`/api/buildings/${other}`)).statusCode).toBe(200);
    expect((await secretary.get(`/api/houses/${otherHouse}`)).statusCode).toBe(200);
    const all = (await secretary.get('/api/buildings?pageSize=200')).json();
    expect(all.items.map((b: { id: number }) => b.id)).toEqual(expect.arrayContaining([own, other]));
  });

  it('lets street and district officers read but not write (403), and keeps administrators out', async () => {
    const b = await building(secretary, { regionCode: GRID2, number: '只读1' });
    const h = await house(secretary, { buildingId: b, room: '101' });
    for (const officer of [street, district]) {
      expect((await officer.get(`/api/buildings/${b}`)).statusCode).toBe(200);
      expect((await officer.get(`/api/houses/${h}`)).statusCode).toBe(200);
      expect((await officer.get(`/api/buildings/${b}/houses`)).json().total).toBe(1);
      expect((await officer.get('/api/estates')).statusCode).toBe(200);
    }
    const before = await counts(env());
    const writes = [
      street.post('/api/estates', { regionCode: ZAOLINXI, name: '街道小区' }),
      street.post('/api/buildings', { regionCode: GRID2, number: '街道楼', kind: 'residential' }),
      street.patch(`/api/buildings/${b}`, { floors: 3 }),
      del(street, `/api/buildings/${b}`),
      street.post('/api/houses', { buildingId: b, room: '102', use: 'residential' }),
      street.patch(`/api/houses/${h}`, { floor: 1 }),
      del(street, `/api/houses/${h}`),
      street.post('/api/households', { houseId: h }),
    ];
    for (const response of await Promise.all(writes)) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect(await counts(env())).toEqual(before);
    for (const url of ['/api/estates', '/api/buildings', `/api/buildings/${b}`, `/api/houses/${h}`]) {
      expect((await admin.get(url)).statusCode, url).toBe(403);
    }
    expect((await env().anonymous().get('/api/buildings')).statusCode).toBe(401);
  });

  it('updates a building, and refuses to delete or re-grid it while it has houses (409 BUILDING_NOT_EMPTY)', async () => {
    const b = await building(secretary, { regionCode: GRID1, number: '变更1' });
    const placed = await secretary.patch(`/api/buildings/${b}`, { lat: 36.1, lng: 103.7, floors: 7 });
    expect(placed.json()).toMatchObject({ lat: 36.1, lng: 103.7, floors: 7 });
    // One of the pair may change alone once both are set, and both clear together.
    expect((await secretary.patch(`/api/buildings/${b}`, { lat: 36.2 })).json()).toMatchObject({
      lat: 36.2,
      lng: 103.7,
    });
    const cleared = await secretary.patch(`/api/buildings/${b}`, { lat: null, lng: null, kind: 'mixed' });
    expect(cleared.json()).toMatchObject({ lat: null, lng: null, kind: 'mixed', floors: 7 });
    // Zero is a value and null clears: neither turns into the other on the way in.
    const zero = await secretary.patch(`/api/buildings/${b}`, { elevators: 0, lat: 0, lng: 0 });
    expect(zero.json()).toMatchObject({ elevators: 0, lat: 0, lng: 0 });
    const nulls = await secretary.patch(`/api/buildings/${b}`, { elevators: null, lat: null, lng: null });
    expect(nulls.json()).toMatchObject({ elevators: null, lat: null, lng: null });
    // Without houses it may move to another grid.
    const moved = await secretary.patch(`/api/buildings/${b}`, { regionCode: GRID2 });
    expect(moved.json()).toMatchObject({ regionCode: GRID2, regionName: '第二网格' });

    const h = await house(secretary, { buildingId: b, room: '101' });
    expect((await secretary.get(`/api/houses/${h}`)).json().regionCode).toBe(GRID2);
    for (const response of [
      await secretary.patch(`/api/buildings/${b}`, { regionCode: GRID1 }),
      await del(secretary, `/api/buildings/${b}`),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('BUILDING_NOT_EMPTY');
    }
    expect((await del(secretary, `/api/houses/${h}`)).statusCode).toBe(204);
    expect((await del(secretary, `/api/buildings/${b}`)).statusCode).toBe(204);
    expect((await secretary.get(`/api/buildings/${b}`)).statusCode).toBe(404);
    expect((await secretary.get(`/api/buildings/${b}/houses`)).statusCode).toBe(404);

    const log = await auditOf(env(), 'building', b);
    expect(log.map((r) => r.action)).toEqual([
      'building.create',
      'building.update',
      'building.update',
      'building.update',
      'building.update',
      'building.update',
      'building.update',
      'building.delete',
    ]);
    expect(log[6]).toMatchObject({
      region_code: GRID2,
      before: { regionCode: GRID1 },
      after: { regionCode: GRID2 },
    });
    expect(log[7]).toMatchObject({ region_code: GRID2, before: { number: '变更1' }, after: null });
    expect(log[0]?.after).not.toHaveProperty('counts');
    const houseLog = await auditOf(env(), 'house', h);
    expect(houseLog.map((r) => r.action)).toEqual(['house.create', 'house.delete']);
    expect(houseLog[0]?.after).toMatchObject({ room: '101', regionCode: GRID2, buildingId: b });
  });

  it('lists the houses of a building by unit, floor and room, numbers in number order', async () => {
    const b = await building(secretary, { regionCode: GRID1, number: '排序1' });
    const rooms: [string | null, number | undefined, string][] = [
      ['10', 1, '101'],
      ['2', 12, '1201'],
      ['2', 3, '302'],
      [null, 1, '商铺1'],
      ['2', 3, '301'],
      ['2', 10, '1001'],
      ['1', undefined, '001'],
    ];
    for (const [unit, floor, room] of rooms) {
      await house(secretary, { buildingId: b, unit, room, ...(floor === undefined ? {} : { floor }) });
    }
    const all = (await secretary.get(`/api/buildings/${b}/houses?pageSize=50`)).json();
    expect(all.total).toBe(rooms.length);
    expect(all.items.map((h: { unit: string | null; room: string }) => `${h.unit ?? '-'}/${h.room}`)).toEqual(
      ['-/商铺1', '1/001', '2/301', '2/302', '2/1001', '2/1201', '10/101'],
    );
    // A building number that is not a bare number is written as typed.
    expect(all.items[2]).toMatchObject({ address: '排序1 2单元 301', floor: 3 });
    const first = (await secretary.get(`/api/buildings/${b}/houses?pageSize=4`)).json();
    const second = (await secretary.get(`/api/buildings/${b}/houses?pageSize=4&page=2`)).json();
    expect([...first.items, ...second.items]).toEqual(all.items);
  });

  it('refuses a second house with the same unit and room (409 HOUSE_EXISTS), by create or update', async () => {
    const b = await building(secretary, { regionCode: GRID1, number: '重号1' });
    const first = await house(secretary, { buildingId: b, unit: '1', room: '101' });
    const noUnit = await house(secretary, { buildingId: b, room: '101' });
    const unit2 = await house(secretary, { buildingId: b, unit: '2', room: '101' });
    const before = await counts(env());
    for (const fields of [{ unit: '1', room: '101' }, { unit: ' 1 ', room: '101 ' }, { room: '101' }]) {
      const response = await secretary.post('/api/houses', { buildingId: b, use: 'residential', ...fields });
      expect(response.statusCode, JSON.stringify(fields)).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'HOUSE_EXISTS',
        message: '该楼栋已有这个单元和房号的房屋',
      });
    }
    const clash = await secretary.patch(`/api/houses/${unit2}`, { unit: '1' });
    expect(clash.statusCode).toBe(409);
    expect((await secretary.patch(`/api/houses/${noUnit}`, { unit: '2' })).statusCode).toBe(409);
    expect(await counts(env())).toEqual(before);
    // Other buildings have their own 101, and a deleted house frees its room.
    const other = await building(secretary, { regionCode: GRID1, number: '重号2' });
    await house(secretary, { buildingId: other, unit: '1', room: '101' });
    expect((await del(secretary, `/api/houses/${first}`)).statusCode).toBe(204);
    const again = await house(secretary, { buildingId: b, unit: '1', room: '101' });
    const updated = await secretary.patch(`/api/houses/${again}`, { area: 8_950, use: 'office', floor: 1 });
    expect(updated.json()).toMatchObject({ area: 8_950, use: 'office', floor: 1, room: '101', unit: '1' });
    expect((await auditOf(env(), 'house', again)).map((r) => r.action)).toEqual([
      'house.create',
      'house.update',
    ]);
  });

  it('shows a house with its households and their members by name, relation, gender, age and status only', async () => {
    const estateId = await estate(secretary, '测试戊苑');
    const b = await building(secretary, { regionCode: GRID1, estateId, number: '5' });
    const h = await house(secretary, { buildingId: b, unit: '2', room: '301' });
    const created = await secretary.post('/api/households', { houseId: h, number: 'HH-301', note: '老两口' });
    expect(created.statusCode).toBe(201);
    const household = created.json().id;
    const today = dateInShanghai(env().clock.now());
    const year = Number(today.slice(0, 4));
    const head = await addResident(env(), {
      regionCode: GRID1,
      householdId: household,
      houseId: h,
      name: '马秀兰',
      birthDate: `${year - 83}-01-01`,
      relation: 'self',
    });
    const spouse = await addResident(env(), {
      regionCode: GRID1,
      householdId: household,
      houseId: h,
      name: '李国强',
      birthDate: `${year - 40}-12-31`,
      gender: 'male',
      relation: 'spouse',
      status: 'temporary',
    });
    await addResident(env(), {
      regionCode: GRID1,
      householdId: household,
      houseId: h,
      name: '已删除',
      birthDate: '1970-01-01',
      deleted: true,
    });
    const lodger = await addResident(env(), {
      regionCode: GRID1,
      houseId: h,
      name: '租客',
      birthDate: '2000-06-15',
    });

    const response = await secretary.get(`/api/houses/${h}`);
    expect(response.statusCode).toBe(200);
    const shown = response.json();
    const spouseAge = today.endsWith('-12-31') ? 40 : 39;
    const members = [
      { id: head, name: '马秀兰', relation: 'self', gender: 'female', age: 83, status: 'resident' },
      { id: spouse, name: '李国强', relation: 'spouse', gender: 'male', age: spouseAge, status: 'temporary' },
    ];
    expect(shown).toMatchObject({
      id: h,
      address: '测试戊苑 5号楼 2单元 301',
      estateName: '测试戊苑',
      buildingNumber: '5',
      households: [
        { id: household, number: 'HH-301', note: '老两口', address: '测试戊苑 5号楼 2单元 301', members },
      ],
    });
    expect(shown.households[0].members).toEqual(members);
    expect(shown.otherResidents.map((m: { id: number }) => m.id)).toEqual([lodger]);
    // No ID or phone number, masked or not, and no birth date.
    for (const word of ['idNumber', 'phone', 'birthDate', '6201051946', '1391234', '****']) {
      expect(response.body, word).not.toContain(word);
    }

    const one = await secretary.get(`/api/households/${household}`);
    expect(one.json()).toEqual(shown.households[0]);
    expect(one.body).not.toContain('1391234');
  });

  it('creates households in a house (its grid) or a grid, and refuses a grid that disagrees', async () => {
    const b = await building(secretary, { regionCode: GRID1, number: '户1' });
    const h = await house(secretary, { buildingId: b, unit: '1', room: '201' });
    const inHouse = await grid.post('/api/households', { houseId: h, number: '户号 1' });
    expect(inHouse.statusCode).toBe(201);
    expect(inHouse.json()).toMatchObject({ regionCode: GRID1, houseId: h, address: '户1 1单元 201' });
    const agreeing = await grid.post('/api/households', { houseId: h, regionCode: GRID1 });
    expect(agreeing.statusCode).toBe(201);
    const houseless = await grid.post('/api/households', { regionCode: GRID1, note: '集体户' });
    expect(houseless.statusCode).toBe(201);
    expect(houseless.json()).toMatchObject({
      houseId: null,
      address: null,
      regionName: '第一网格',
      members: [],
    });

    const before = await counts(env());
    const cases: [Record<string, unknown>, string, string][] = [
      [{ houseId: h, regionCode: GRID2 }, '/regionCode', '所填网格与房屋所在网格不一致'],
      [{ note: '无处可去' }, '/regionCode', '请选择网格或房屋'],
      [{ houseId: 99_999_999 }, '/houseId', '没有这个房屋，或它不在您的管辖范围内'],
      [{ regionCode: GRID2 }, '/regionCode', '没有这个区域，或它不在您的管辖范围内'],
    ];
    for (const [body, path, message] of cases) {
      const response = await grid.post('/api/households', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.details).toEqual([{ path, message }]);
    }
    expect(await counts(env())).toEqual(before);

    // An empty household may move into a house; the grid comes with it.
    const movedIn = await grid.patch(`/api/households/${houseless.json().id}`, {
      houseId: h,
      number: '户号 3',
    });
    expect(movedIn.statusCode).toBe(200);
    expect(movedIn.json()).toMatchObject({ houseId: h, regionCode: GRID1, number: '户号 3', note: '集体户' });
    const log = await auditOf(env(), 'household', houseless.json().id);
    expect(log.map((r) => r.action)).toEqual(['household.create', 'household.update']);
    expect(log[1]).toMatchObject({ before: { houseId: null }, after: { houseId: h, number: '户号 3' } });
  });

  it('refuses to delete a household with living members (409 HOUSEHOLD_NOT_EMPTY) or a house people live in', async () => {
    const b = await building(secretary, { regionCode: GRID1, number: '空户1' });
    const h = await house(secretary, { buildingId: b, room: '501' });
    const h2 = await house(secretary, { buildingId: b, room: '502' });
    const household = (await secretary.post('/api/households', { houseId: h })).json().id;
    const member = await addResident(env(), {
      regionCode: GRID1,
      householdId: household,
      houseId: h,
      name: '住户甲',
      birthDate: '1960-01-01',
      relation: 'self',
    });
    const before = await counts(env());
    const refusedHousehold = await del(secretary, `/api/households/${household}`);
    expect(refusedHousehold.statusCode).toBe(409);
    expect(refusedHousehold.json().error).toMatchObject({
      code: 'HOUSEHOLD_NOT_EMPTY',
      message: '该户还有在册成员，请先迁出或调整成员',
    });
    // Its people carry the house too, so it does not move while they are in it.
    expect((await secretary.patch(`/api/households/${household}`, { houseId: h2 })).statusCode).toBe(409);
    const refusedHouse = await del(secretary, `/api/houses/${h}`);
    expect(refusedHouse.statusCode).toBe(409);
    expect(refusedHouse.json().error.code).toBe('HOUSE_NOT_EMPTY');
    expect(await counts(env())).toEqual(before);
    expect((await secretary.get(`/api/households/${household}`)).json().members).toHaveLength(1);

    // Once the member has moved out, the household can go, then the house.
    await env().ctx.db.updateTable('residents').set({ status: 'left' }).where('id', '=', member).execute();
    expect((await del(secretary, `/api/households/${household}`)).statusCode).toBe(204);
    expect((await secretary.get(`/api/households/${household}`)).statusCode).toBe(404);
    expect((await secretary.get(`/api/houses/${h}`)).json().households).toEqual([]);
    expect((await del(secretary, `/api/houses/${h}`)).statusCode).toBe(204);
    const log = await auditOf(env(), 'household', household);
    expect(log.map((r) => r.action)).toEqual(['household.create', 'household.delete']);
    expect(log[1]).toMatchObject({ region_code: GRID1, before: { id: household, houseId: h }, after: null });
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const b = await building(secretary, { regionCode: GRID1, number: '坏输入1' });
    const h = await house(secretary, { buildingId: b, room: '101' });
    const estateId = await estate(secretary, '测试己苑');
    const valid = { regionCode: GRID1, number: '坏输入2', kind: 'residential' };
    const before = await counts(env());
    const cases: [
      Promise<{ statusCode: number; json(): { error: { details: { path: string }[] } } }>,
      string,
    ][] = [
      [secretary.post('/api/buildings', { ...valid, colour: 'red' }), '/colour'],
      [secretary.post('/api/buildings', { ...valid, lat: 90.5, lng: 103 }), '/lat'],
      [secretary.post('/api/buildings', { ...valid, lat: 36, lng: -180.01 }), '/lng'],
      [secretary.post('/api/buildings', { ...valid, lat: 36.1 }), '/lng'],
      [secretary.post('/api/buildings', { ...valid, lng: 103.7 }), '/lat'],
      [secretary.post('/api/buildings', { ...valid, lat: 36.1, lng: null }), '/lng'],
      [secretary.post('/api/buildings', { ...valid, kind: 'castle' }), '/kind'],
      [secretary.post('/api/buildings', { ...valid, floors: -1 }), '/floors'],
      [secretary.post('/api/buildings', { ...valid, number: '   ' }), '/number'],
      [secretary.patch(`/api/buildings/${b}`, {}), '/'],
      [secretary.patch(`/api/buildings/${b}`, { lat: 36.1 }), '/lng'],
      [secretary.patch(`/api/buildings/${b}`, { id: 5 }), '/id'],
      [secretary.post('/api/houses', { buildingId: b, room: '102', use: 'residential', area: -1 }), '/area'],
      [
        secretary.post('/api/houses', { buildingId: b, room: '102', use: 'residential', area: 89.5 }),
        '/area',
      ],
      [secretary.post('/api/houses', { buildingId: b, use: 'residential' }), '/room'],
      [secretary.post('/api/houses', { buildingId: b, room: '102', use: 'garage' }), '/use'],
      [secretary.patch(`/api/houses/${h}`, { buildingId: b }), '/buildingId'],
      [
        secretary.post('/api/estates', { regionCode: ZAOLINXI, name: '测试', developer: '某公司' }),
        '/developer',
      ],
      [secretary.patch(`/api/estates/${estateId}`, {}), '/'],
      [secretary.post('/api/households', { regionCode: GRID1, members: [] }), '/members'],
      [secretary.patch(`/api/households/${h}`, { regionCode: GRID1, size: 3 }), '/size'],
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
    const row = await env()
      .ctx.db.selectFrom('buildings')
      .select(['lat', 'lng'])
      .where('id', '=', b)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ lat: null, lng: null });
    const en = await secretary.request({
      method: 'POST',
      url: '/api/buildings',
      payload: { ...valid, lat: 36.1 },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details).toEqual([
      { path: '/lng', message: 'Give both latitude and longitude, or neither' },
    ]);
  });

  it('describes every places route in the OpenAPI document under the registry tag', async () => {
    const doc = (await env().anonymous().get('/api/docs/json')).json();
    const expected: [string, string[]][] = [
      ['/api/estates', ['get', 'post']],
      ['/api/estates/{id}', ['get', 'patch', 'delete']],
      ['/api/buildings', ['get', 'post']],
      ['/api/buildings/{id}', ['get', 'patch', 'delete']],
      ['/api/buildings/{id}/houses', ['get']],
      ['/api/houses', ['post']],
      ['/api/houses/{id}', ['get', 'patch', 'delete']],
      ['/api/households', ['post']],
      ['/api/households/{id}', ['get', 'patch', 'delete']],
    ];
    for (const [path, methods] of expected) {
      for (const method of methods) {
        const operation = doc.paths[path]?.[method];
        expect(operation, `${method} ${path}`).toBeDefined();
        expect(operation.tags).toEqual(['registry']);
        expect(Object.keys(operation.responses)).toEqual(
          expect.arrayContaining(['400', '401', '403', '404']),
        );
      }
    }
  });
});
