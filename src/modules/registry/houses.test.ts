import { beforeAll, expect, it } from 'vitest';
import { dateInShanghai } from '../../platform/clock.js';
import { describeEachDatabase, type TestClient } from '../../test/harness.js';
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

describeEachDatabase('places API: houses and households', (env) => {
  let secretary: TestClient;
  let grid: TestClient;

  beforeAll(async () => {
    secretary = await env().login('secretary');
    grid = await env().login('grid');
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
});
