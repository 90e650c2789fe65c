import { beforeAll, expect, it } from 'vitest';
import {
  describeEachDatabase,
  rowCount,
  type TestClient,
  type TestEnv,
  ZAOLINXI,
} from '../../test/harness.js';

interface Region {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  childCount: number;
}

const codes = (items: Region[]) => items.map((r) => r.code);

const regionCount = (env: TestEnv) => rowCount(env, 'regions');

describeEachDatabase(
  'regions API',
  (env) => {
    let admin: TestClient;
    let secretary: TestClient;

    beforeAll(async () => {
      admin = await env().login('admin');
      secretary = await env().login('secretary');
    });

    it('shows a national admin the provinces of the demo as the root', async () => {
      const response = await admin.get('/api/regions');
      expect(response.statusCode).toBe(200);
      const items: Region[] = response.json().items;
      expect(codes(items)).toEqual(['13', '35', '53', '62']);
      for (const r of items) {
        expect(r.level).toBe('province');
        expect(r.parentCode).toBeNull();
        expect(r.childCount).toBeGreaterThan(0);
      }
      expect(items.find((r) => r.code === '62')?.name).toBe('甘肃省');
    });

    it('shows other accounts their own scope node as the root', async () => {
      const expected: [string, string][] = [
        ['district', '620105'],
        ['street', '620105002'],
        ['secretary', ZAOLINXI],
        ['grid', `${ZAOLINXI}001`],
        ['county', '532301'],
        ['reporter', '53'],
      ];
      for (const [username, code] of expected) {
        const client = username === 'secretary' ? secretary : await env().login(username);
        const items: Region[] = (await client.get('/api/regions')).json().items;
        expect(codes(items), username).toEqual([code]);
      }
    });

    it('has Yunnan’s 16 prefectures and 129 counties', async () => {
      const prefectures: Region[] = (await admin.get('/api/regions?parent=53')).json().items;
      expect(prefectures).toHaveLength(16);
      for (const p of prefectures) {
        expect(p.level).toBe('city');
        expect(p.parentCode).toBe('53');
      }
      expect(prefectures.reduce((sum, p) => sum + p.childCount, 0)).toBe(129);
      // childCount agrees with the listed children.
      const chuxiong = prefectures.find((p) => p.code === '5323');
      const counties: Region[] = (await admin.get('/api/regions?parent=5323')).json().items;
      expect(counties).toHaveLength(chuxiong?.childCount ?? -1);
      expect(counties.map((c) => c.name)).toContain('楚雄市');
      for (const c of counties) expect(c).toMatchObject({ level: 'county', childCount: 0 });
    });

    it('lists children with their childCount, ordered by code', async () => {
      const street: Region[] = (await admin.get('/api/regions?parent=620105002')).json().items;
      const community = street.find((r) => r.code === ZAOLINXI);
      expect(community).toMatchObject({
        name: '枣林西社区',
        level: 'community',
        parentCode: '620105002',
        childCount: 8,
      });
      expect(codes(street)).toEqual([...codes(street)].sort());
      const grids: Region[] = (await admin.get(`/api/regions?parent=${ZAOLINXI}`)).json().items;
      expect(codes(grids)).toEqual(Array.from({ length: 8 }, (_, i) => `${ZAOLINXI}00${i + 1}`));
      expect(grids[0]).toEqual({
        code: `${ZAOLINXI}001`,
        name: '第一网格',
        level: 'grid',
        parentCode: ZAOLINXI,
        childCount: 0,
      });
      expect((await admin.get(`/api/regions?parent=${ZAOLINXI}001`)).json().items).toEqual([]);
      expect((await admin.get('/api/regions?parent=620105002099')).statusCode).toBe(404);
    });

    it('shows a region with its path from the province down', async () => {
      const response = await admin.get(`/api/regions/${ZAOLINXI}001`);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({
        code: `${ZAOLINXI}001`,
        name: '第一网格',
        level: 'grid',
        parentCode: ZAOLINXI,
        childCount: 0,
      });
      expect(body.path.map((p: { code: string }) => p.code)).toEqual([
        '62',
        '6201',
        '620105',
        '620105002',
        ZAOLINXI,
        `${ZAOLINXI}001`,
      ]);
      expect(body.path.map((p: { level: string }) => p.level)).toEqual([
        'province',
        'city',
        'county',
        'street',
        'community',
        'grid',
      ]);
      expect(body.path[0].name).toBe('甘肃省');
      expect(body.path[4].name).toBe('枣林西社区');
      const province = (await admin.get('/api/regions/53')).json();
      expect(province.path).toEqual([{ code: '53', name: '云南省', level: 'province' }]);
      expect(province.childCount).toBe(16);
      expect((await admin.get('/api/regions/54')).statusCode).toBe(404);
    });

    it('searches names and codes within scope, 20 at most', async () => {
      const byName: Region[] = (await admin.get(`/api/regions/search?q=${encodeURIComponent('枣林')}`)).json()
        .items;
      expect(codes(byName)).toEqual(expect.arrayContaining([ZAOLINXI, '620105002006']));
      for (const r of byName) expect(r.name).toContain('枣林');
      const byCode: Region[] = (await admin.get('/api/regions/search?q=5323')).json().items;
      expect(byCode.length).toBeGreaterThan(0);
      for (const r of byCode) expect(r.code).toContain('5323');
      const many: Region[] = (await admin.get(`/api/regions/search?q=${encodeURIComponent('县')}`)).json()
        .items;
      expect(many).toHaveLength(20);
      expect((await admin.get('/api/regions/search?q=zzz')).json().items).toEqual([]);
      const mine: Region[] = (
        await secretary.get(`/api/regions/search?q=${encodeURIComponent('网格')}`)
      ).json().items;
      expect(mine.length).toBeGreaterThanOrEqual(8);
      for (const r of mine) expect(r.code.startsWith(ZAOLINXI)).toBe(true);
    });

    it('tells same-named grids apart in search by the names of their ancestors', async () => {
      const found = (await admin.get(`/api/regions/search?q=${encodeURIComponent('第一网格')}`)).json().items;
      const byCode = new Map(found.map((r: Region & { pathName: string }) => [r.code, r.pathName]));
      expect(byCode.get(`${ZAOLINXI}001`)).toBe('甘肃省 / 兰州市 / 安宁区 / 西路街道 / 枣林西社区');
      expect(byCode.get('130402006014001')).toMatch(/^河北省 \/ 邯郸市 \/ 邯山区 \/ .+ \/ 农林二社区$/);
      const province = (await admin.get(`/api/regions/search?q=${encodeURIComponent('云南')}`)).json().items;
      expect(province.find((r: Region) => r.code === '53')?.pathName).toBe('');
    });

    it('creates a grid with the next free code: 009 after the 8 demo grids, then 010', async () => {
      const first = await secretary.post('/api/regions', { parentCode: ZAOLINXI, name: '  第九网格 ' });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toEqual({
        code: `${ZAOLINXI}009`,
        name: '第九网格',
        level: 'grid',
        parentCode: ZAOLINXI,
        childCount: 0,
      });
      const second = await admin.post('/api/regions', { parentCode: ZAOLINXI, name: '第十网格' });
      expect(second.json().code).toBe(`${ZAOLINXI}010`);
      const community = (await admin.get(`/api/regions/${ZAOLINXI}`)).json();
      expect(community.childCount).toBe(10);
      expect((await admin.get(`/api/regions/${ZAOLINXI}010`)).json().path.at(-1).name).toBe('第十网格');
      // Another community numbers its own grids.
      const other = await admin.post('/api/regions', { parentCode: '620105002008', name: '第一网格' });
      expect(other.json().code).toBe('620105002008001');
    });

    it('refuses a duplicate grid name in the same community with 409', async () => {
      const before = await regionCount(env());
      for (const name of ['第一网格', ' 第一网格 ']) {
        const response = await secretary.post('/api/regions', { parentCode: ZAOLINXI, name });
        expect(response.statusCode, name).toBe(409);
        expect(response.json().error.code).toBe('REGION_NAME_TAKEN');
      }
      expect(await regionCount(env())).toBe(before);
    });

    it('creates grids only under a community (422 INVALID_PARENT), and 404 for no such community', async () => {
      const before = await regionCount(env());
      for (const parentCode of ['620105002', '620105', '62', `${ZAOLINXI}001`]) {
        const response = await admin.post('/api/regions', { parentCode, name: '错层网格' });
        expect(response.statusCode, parentCode).toBe(422);
        expect(response.json().error.code).toBe('INVALID_PARENT');
      }
      expect((await admin.post('/api/regions', { parentCode: '620105002099', name: 'x' })).statusCode).toBe(
        404,
      );
      expect(await regionCount(env())).toBe(before);
    });

    it('lets only admins and community secretaries create or rename grids (403 otherwise)', async () => {
      const before = await regionCount(env());
      for (const username of ['grid', 'staff', 'street', 'district', 'resident']) {
        const client = await env().login(username);
        const create = await client.post('/api/regions', { parentCode: ZAOLINXI, name: `${username}的网格` });
        expect(create.statusCode, username).toBe(403);
        expect(create.json().error.code).toBe('FORBIDDEN');
        const rename = await client.patch(`/api/regions/${ZAOLINXI}001`, { name: '改名' });
        expect(rename.statusCode, username).toBe(403);
      }
      expect(await regionCount(env())).toBe(before);
      expect((await admin.get(`/api/regions/${ZAOLINXI}001`)).json().name).toBe('第一网格');
    });

    it('renames grids only (422 NOT_A_GRID), refusing a sibling’s name', async () => {
      const renamed = await secretary.patch(`/api/regions/${ZAOLINXI}009`, { name: '枣林西第九网格' });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({ code: `${ZAOLINXI}009`, name: '枣林西第九网格', level: 'grid' });
      expect((await admin.get(`/api/regions/${ZAOLINXI}009`)).json().name).toBe('枣林西第九网格');
      // Keeping its own name is not a clash.
      expect(
        (await secretary.patch(`/api/regions/${ZAOLINXI}009`, { name: '枣林西第九网格' })).statusCode,
      ).toBe(200);
      const clash = await secretary.patch(`/api/regions/${ZAOLINXI}009`, { name: '第二网格' });
      expect(clash.statusCode).toBe(409);
      for (const code of [ZAOLINXI, '620105002', '62']) {
        const response = await admin.patch(`/api/regions/${code}`, { name: '新名字' });
        expect(response.statusCode, code).toBe(422);
        expect(response.json().error.code).toBe('NOT_A_GRID');
      }
      expect((await admin.get(`/api/regions/${ZAOLINXI}`)).json().name).toBe('枣林西社区');
      expect((await admin.patch(`/api/regions/${ZAOLINXI}999`, { name: 'x' })).statusCode).toBe(404);
    });
  },
  { config: { loginRateLimit: { maxAttempts: 1000, windowMinutes: 5 } } },
);
