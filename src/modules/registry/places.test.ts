import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, NONGLINER, type TestClient, ZAOLINXI } from '../../test/harness.js';
import {
  addResident,
  auditOf,
  building,
  counts,
  del,
  estate,
  GRID1,
  GRID2,
  house,
} from '../../test/places.js';
import { formatAddress } from './places.present.js';

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

describeEachDatabase('places API: estates and buildings', (env) => {
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
