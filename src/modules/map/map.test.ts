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

interface Counts {
  residents: number;
  caredFor: number;
  overdue: number;
}
interface GridFeature {
  id: string;
  geometry: { type: string; coordinates: unknown } | null;
  properties: Counts & { code: string; name: string; level: string };
}
interface BuildingFeature {
  id: number;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Counts & { id: number; number: string; estateName: string | null; regionCode: string };
}

const put = (client: TestClient, url: string, body: unknown) =>
  client.request({ method: 'PUT', url, payload: body as object });
const del = (client: TestClient, url: string) => client.request({ method: 'DELETE', url });

/** A square outline; corners at 7 decimals, as the server stores them. */
const square = (lng: number, lat: number, size = 0.001) => {
  const r = (v: number) => Math.round(v * 1e7) / 1e7;
  const [x1, y1, x2, y2] = [r(lng), r(lat), r(lng + size), r(lat + size)];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x1, y1],
        [x2, y1],
        [x2, y2],
        [x1, y2],
        [x1, y1],
      ],
    ],
  };
};

/** The registry rows the map reads, written straight into the database (no registry API needed). */
async function seedPlaces(env: TestEnv) {
  const { db } = env.ctx;
  const now = env.clock.now();
  const at = now.toISOString();
  const hoursFromNow = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString();
  const stamps = { created_at: at, updated_at: at, deleted_at: null };

  const estate = await db
    .insertInto('estates')
    .values({ region_code: GRID1, name: '地图测试小区', address: null, ...stamps })
    .returning('id')
    .executeTakeFirstOrThrow();
  const building = async (
    region: string,
    number: string,
    lat: number | null,
    lng: number | null,
    deleted = false,
  ) => {
    const row = await db
      .insertInto('buildings')
      .values({
        region_code: region,
        estate_id: region === GRID1 ? estate.id : null,
        number,
        kind: 'residential',
        floors: 6,
        units: 2,
        elevators: 0,
        address: null,
        lat,
        lng,
        ...stamps,
        deleted_at: deleted ? at : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  };
  const house = async (region: string, buildingId: number, room: string) => {
    const row = await db
      .insertInto('houses')
      .values({
        region_code: region,
        building_id: buildingId,
        unit: '1',
        floor: 3,
        room,
        area: 8000,
        use: 'residential',
        ...stamps,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  };
  let serial = 0;
  const resident = async (
    region: string,
    houseId: number,
    care: { interval: number; dueInHours: number } | null,
    extra: { deleted?: boolean; status?: string } = {},
  ) => {
    serial += 1;
    await db
      .insertInto('residents')
      .values({
        region_code: region,
        household_id: null,
        house_id: houseId,
        relation: null,
        name: `地图测试${serial}`,
        name_pinyin: 'ditu',
        name_initials: 'dt',
        id_number_enc: 'x',
        id_number_index: `map-test-${serial}`,
        phone_enc: null,
        phone_index: null,
        phone_tail: null,
        birth_date: '1943-05-01',
        gender: 'female',
        hukou: 'local',
        status: extra.status ?? 'resident',
        political: null,
        work: null,
        move_in_date: null,
        move_out_date: null,
        note: null,
        visit_interval_days: care?.interval ?? null,
        last_visit_at: null,
        visit_due_at: care ? hoursFromNow(care.dueInHours) : null,
        ...stamps,
        deleted_at: extra.deleted ? at : null,
      })
      .execute();
  };

  const a = await building(GRID1, '地图1号楼', 36.0701, 103.7601);
  const unlocated = await building(GRID1, '地图2号楼', null, null);
  const deleted = await building(GRID1, '地图3号楼', 36.0702, 103.7602, true);
  const other = await building(GRID2, '地图9号楼', 36.0801, 103.7701);

  const a1 = await house(GRID1, a, '301');
  const a2 = await house(GRID1, a, '302');
  await resident(GRID1, a1, { interval: 7, dueInHours: -24 }); // cared for, overdue
  await resident(GRID1, a1, { interval: 7, dueInHours: 48 }); // cared for, due in two days
  await resident(GRID1, a2, null); // not cared for
  await resident(GRID1, a2, { interval: 7, dueInHours: -24 }, { deleted: true }); // deleted: not counted
  await resident(GRID1, a2, { interval: 7, dueInHours: -24 }, { status: 'left' }); // moved away: not counted
  // Kept by grid 2 though recorded in a house of building A: the grid worker of grid 1 must not count it.
  await resident(GRID2, a2, { interval: 30, dueInHours: -1 });
  const c1 = await house(GRID2, other, '101');
  await resident(GRID2, c1, { interval: 30, dueInHours: -1 });

  return { a, unlocated, deleted, other };
}

describeEachDatabase(
  'map API',
  (env) => {
    let grid: TestClient;
    let secretary: TestClient;
    let street: TestClient;
    let district: TestClient;
    let ids: Awaited<ReturnType<typeof seedPlaces>>;
    /** The demo's own figures per region before this file adds any, so the tests hold if it grows. */
    let baseline: Map<string, Counts>;

    const grids = async (client: TestClient, query = '') => {
      const response = await client.get(`/api/map/grids.geojson${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().features as GridFeature[];
    };
    const buildings = async (client: TestClient, query = '') => {
      const response = await client.get(`/api/map/buildings.geojson${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().features as BuildingFeature[];
    };
    const mine = (features: BuildingFeature[]) =>
      new Map(
        features.filter((f) => Object.values(ids).includes(f.id)).map((f) => [f.id, f.properties] as const),
      );
    const added = (feature: GridFeature | undefined) => {
      const before = baseline.get(feature?.id ?? '') ?? { residents: 0, caredFor: 0, overdue: 0 };
      const p = feature?.properties;
      return p
        ? {
            residents: p.residents - before.residents,
            caredFor: p.caredFor - before.caredFor,
            overdue: p.overdue - before.overdue,
          }
        : undefined;
    };

    beforeAll(async () => {
      grid = await env().login('grid');
      secretary = await env().login('secretary');
      street = await env().login('street');
      district = await env().login('district');
      baseline = new Map((await grids(secretary)).map((f) => [f.id, f.properties]));
      ids = await seedPlaces(env());
    });

    it('gives a grid worker the own grid only, as GeoJSON, with its counts', async () => {
      const response = await grid.get('/api/map/grids.geojson');
      expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
      const body = response.json();
      expect(body.type).toBe('FeatureCollection');
      const features: GridFeature[] = body.features;
      expect(features.map((f) => f.id)).toEqual([GRID1]);
      expect(features[0]).toMatchObject({
        type: 'Feature',
        geometry: null,
        properties: { code: GRID1, name: '第一网格', level: 'grid' },
      });
      // One overdue and one on time among the cared-for; the deleted, the departed and grid 2's do not count.
      expect(added(features[0])).toEqual({ residents: 3, caredFor: 2, overdue: 1 });
      // Asking for another grid, or the community, never widens the scope.
      expect(await grids(grid, `?regionCode=${GRID2}`)).toEqual([]);
      expect((await grids(grid, `?regionCode=${ZAOLINXI}`)).map((f) => f.id)).toEqual([GRID1]);
      expect((await grids(grid, '?regionCode=620105')).map((f) => f.id)).toEqual([GRID1]);
    });

    it('gives a secretary the community and its grids, the community counting everything under it', async () => {
      const features = await grids(secretary);
      const byCode = new Map(features.map((f) => [f.id, f]));
      expect(byCode.get(ZAOLINXI)?.properties.level).toBe('community');
      expect(features.filter((f) => f.properties.level === 'grid')).toHaveLength(8);
      for (const f of features) expect(f.id.startsWith(ZAOLINXI)).toBe(true);
      expect(added(byCode.get(GRID1))).toEqual({ residents: 3, caredFor: 2, overdue: 1 });
      expect(added(byCode.get(GRID2))).toEqual({ residents: 2, caredFor: 2, overdue: 2 });
      expect(added(byCode.get(ZAOLINXI))).toEqual({ residents: 5, caredFor: 4, overdue: 3 });
    });

    it('gives a grid worker the located buildings of the own grid only, counted within scope', async () => {
      const features = await buildings(grid);
      for (const f of features) expect(f.properties.regionCode).toBe(GRID1);
      const found = mine(features);
      // Unlocated and deleted buildings are not on the map; grid 2's building never is for this worker.
      expect([...found.keys()]).toEqual([ids.a]);
      expect(found.get(ids.a)).toMatchObject({
        number: '地图1号楼',
        estateName: '地图测试小区',
        kind: 'residential',
        regionCode: GRID1,
        residents: 3,
        caredFor: 2,
        overdue: 1,
      });
      const a = features.find((f) => f.id === ids.a);
      expect(a?.geometry).toEqual({ type: 'Point', coordinates: [103.7601, 36.0701] });
      expect(await buildings(grid, `?regionCode=${GRID2}`)).toEqual([]);
      expect([...mine(await buildings(grid, `?regionCode=${ZAOLINXI}`)).keys()]).toEqual([ids.a]);
    });

    it('counts a building’s residents of every grid for a secretary, and narrows by region', async () => {
      const found = mine(await buildings(secretary));
      expect([...found.keys()].sort((x, y) => x - y)).toEqual([ids.a, ids.other].sort((x, y) => x - y));
      expect(found.get(ids.a)).toMatchObject({ residents: 4, caredFor: 3, overdue: 2 });
      expect(found.get(ids.other)).toMatchObject({
        regionCode: GRID2,
        residents: 1,
        caredFor: 1,
        overdue: 1,
      });
      expect([...mine(await buildings(secretary, `?regionCode=${GRID2}`)).keys()]).toEqual([ids.other]);
      expect([...mine(await buildings(street)).keys()]).toHaveLength(2);
    });

    it('counts as overdue whoever’s visit fell due before now, by the platform clock', async () => {
      env().clock.advanceMinutes(3 * 24 * 60);
      try {
        expect(mine(await buildings(grid)).get(ids.a)).toMatchObject({ caredFor: 2, overdue: 2 });
      } finally {
        env().clock.advanceMinutes(-3 * 24 * 60);
      }
      expect(mine(await buildings(grid)).get(ids.a)).toMatchObject({ overdue: 1 });
    });

    it('keeps to one street or less: a district-wide map is refused with 422 unless narrowed', async () => {
      for (const url of ['/api/map/buildings.geojson', '/api/map/grids.geojson']) {
        const wide = await district.get(url);
        expect(wide.statusCode, url).toBe(422);
        expect(wide.json().error.code).toBe('MAP_REGION_TOO_WIDE');
        expect((await district.get(`${url}?regionCode=620105002`)).statusCode, url).toBe(200);
      }
      // A region outside the scope is an empty map, not an error.
      expect(
        (await district.get('/api/map/buildings.geojson?regionCode=130402006014')).json().features,
      ).toEqual([]);
      expect([...mine(await buildings(district, `?regionCode=${ZAOLINXI}`)).keys()]).toHaveLength(2);
    });

    it('keeps buildings inside a bbox, and refuses a malformed one', async () => {
      const inside = await buildings(secretary, '?bbox=103.76,36.07,103.761,36.071');
      expect([...mine(inside).keys()]).toEqual([ids.a]);
      expect(mine(await buildings(secretary, '?bbox=100,30,100.1,30.1')).size).toBe(0);
      for (const bbox of ['103.77,36,103.76,37', '1,2,3', 'a,b,c,d', '-200,0,0,1']) {
        const response = await secretary.get(`/api/map/buildings.geojson?bbox=${bbox}`);
        expect(response.statusCode, bbox).toBe(400);
        expect(response.json().error.code).toBe('VALIDATION_FAILED');
      }
    });

    it('answers the map settings: no tiles by default, centred on the located buildings in scope', async () => {
      const body = (await grid.get('/api/map/config')).json();
      expect(body).toMatchObject({ tileUrl: null, tileCrs: 'wgs84', attribution: null });
      expect(body.center).toHaveLength(2);
      // A new grid has no buildings: the centre is the scope's; then the two of this test: between them.
      const created = await secretary.post('/api/regions', { parentCode: ZAOLINXI, name: '地图测试网格' });
      const code: string = created.json().code;
      const community = (await secretary.get('/api/map/config')).json().center;
      expect(community).toHaveLength(2);
      expect((await secretary.get(`/api/map/config?regionCode=${code}`)).json().center).toEqual(community);
      const at = env().clock.now().toISOString();
      for (const [number, lat, lng] of [
        ['新1号楼', 36.1, 103.7],
        ['新2号楼', 36.2, 103.8],
      ] as const) {
        await env()
          .ctx.db.insertInto('buildings')
          .values({
            region_code: code,
            number,
            kind: 'residential',
            lat,
            lng,
            created_at: at,
            updated_at: at,
          })
          .execute();
      }
      const center: [number, number] = (await secretary.get(`/api/map/config?regionCode=${code}`)).json()
        .center;
      expect(center[0]).toBeCloseTo(36.15, 9);
      expect(center[1]).toBeCloseTo(103.75, 9);
      // Out of scope: no centre, and nothing about the other grid's buildings.
      expect((await grid.get(`/api/map/config?regionCode=${code}`)).json().center).toBeNull();
      expect((await (await env().login('admin')).get('/api/map/config')).statusCode).toBe(403);
    });

    it('saves, replaces and deletes a grid outline, audited', async () => {
      const first = square(103.76, 36.07);
      const saved = await put(grid, `/api/map/outlines/${GRID1}`, { geometry: first });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ regionCode: GRID1, geometry: first, updatedBy: 'grid' });
      expect((await grids(grid))[0]?.geometry).toEqual(first);

      const second = {
        type: 'MultiPolygon',
        coordinates: [square(103.76, 36.07).coordinates, square(103.77, 36.08, 0.002).coordinates],
      };
      expect((await put(grid, `/api/map/outlines/${GRID1}`, { geometry: second })).statusCode).toBe(200);
      expect((await grids(grid))[0]?.geometry).toEqual(second);
      // The secretary sees the grid's outline too, and may outline the community itself.
      expect((await grids(secretary)).find((f) => f.id === GRID1)?.geometry).toEqual(second);
      expect(
        (await put(secretary, `/api/map/outlines/${ZAOLINXI}`, { geometry: square(103.75, 36.06, 0.05) }))
          .statusCode,
      ).toBe(200);

      const removed = await del(grid, `/api/map/outlines/${GRID1}`);
      expect(removed.statusCode).toBe(204);
      expect((await grids(grid))[0]?.geometry).toBeNull();
      expect((await del(grid, `/api/map/outlines/${GRID1}`)).statusCode).toBe(404);

      const trail = await env()
        .ctx.db.selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'region_shape')
        .where('entity_id', '=', GRID1)
        .orderBy('id')
        .execute();
      expect(trail.map((r) => r.action)).toEqual([
        'region_shape.create',
        'region_shape.update',
        'region_shape.delete',
      ]);
      expect(trail.map((r) => r.actor_name)).toEqual(['grid', 'grid', 'grid']);
      expect(JSON.parse(trail[1]?.before ?? 'null')).toEqual({ geometry: first });
      expect(JSON.parse(trail[1]?.after ?? 'null')).toEqual({ geometry: second });
      expect(JSON.parse(trail[2]?.before ?? 'null')).toEqual({ geometry: second });
      expect(trail[2]?.after).toBeNull();
    });

    it('refuses a malformed outline with 400 and stores nothing', async () => {
      const kept = square(103.76, 36.07);
      expect((await put(grid, `/api/map/outlines/${GRID1}`, { geometry: kept })).statusCode).toBe(200);
      const shapes = await rowCount(env(), 'region_shapes');
      const audits = await rowCount(env(), 'audit_log');
      const open = square(103.76, 36.07);
      open.coordinates[0]?.pop();
      open.coordinates[0]?.push([103.7605, 36.0705]);
      const outOfRange = square(179.9999, 36.07);
      const tooMany = {
        type: 'Polygon',
        coordinates: [
          [
            ...Array.from({ length: 5001 }, (_, i) => [
              103.76 + Math.cos(i / 800) * 0.01,
              36.07 + Math.sin(i / 800) * 0.01,
            ]),
            [103.77, 36.07],
          ],
        ],
      };
      const cases: [string, unknown][] = [
        ['open ring', { geometry: open }],
        ['longitude out of range', { geometry: outOfRange }],
        [
          'latitude out of range',
          {
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [1, 91],
                  [2, 91],
                  [2, 92],
                  [1, 91],
                ],
              ],
            },
          },
        ],
        ['a point', { geometry: { type: 'Point', coordinates: [103.76, 36.07] } }],
        [
          'a ring of three',
          {
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [1, 1],
                  [2, 1],
                  [1, 1],
                ],
              ],
            },
          },
        ],
        ['too many positions', { geometry: tooMany }],
        [
          'altitude',
          {
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [1, 1, 5],
                  [2, 1, 5],
                  [2, 2, 5],
                  [1, 1, 5],
                ],
              ],
            },
          },
        ],
        ['a string', { geometry: 'POLYGON((1 1, 2 1, 2 2, 1 1))' }],
        ['no geometry', {}],
        ['extra fields', { geometry: kept, name: 'x' }],
      ];
      for (const [name, body] of cases) {
        const response = await put(grid, `/api/map/outlines/${GRID1}`, body);
        expect(response.statusCode, name).toBe(400);
        expect(response.json().error.code, name).toBe('VALIDATION_FAILED');
      }
      const openResponse = await put(grid, `/api/map/outlines/${GRID1}`, { geometry: open });
      expect(openResponse.json().error.details).toEqual([
        { path: '/geometry/coordinates/0', message: '轮廓未闭合：最后一个点必须与第一个点相同' },
      ]);
      expect(await rowCount(env(), 'region_shapes')).toBe(shapes);
      expect(await rowCount(env(), 'audit_log')).toBe(audits);
      expect((await grids(grid))[0]?.geometry).toEqual(kept);
    });

    it('lets only grid workers and secretaries edit the map, within their scope (403, 404)', async () => {
      const shapes = await rowCount(env(), 'region_shapes');
      const geometry = square(103.76, 36.07);
      for (const username of ['street', 'district', 'staff', 'admin']) {
        const client = await env().login(username);
        const outline = await put(client, `/api/map/outlines/${GRID1}`, { geometry });
        expect(outline.statusCode, username).toBe(403);
        expect((await del(client, `/api/map/outlines/${GRID1}`)).statusCode, username).toBe(403);
        const moved = await put(client, `/api/map/buildings/${ids.a}/location`, { lat: 36, lng: 103 });
        expect(moved.statusCode, username).toBe(403);
      }
      // Another grid, the community above, a street, a region that does not exist: all out of sight.
      for (const code of [GRID2, ZAOLINXI, '620105002', `${ZAOLINXI}099`]) {
        expect((await put(grid, `/api/map/outlines/${code}`, { geometry })).statusCode, code).toBe(404);
        expect((await del(grid, `/api/map/outlines/${code}`)).statusCode, code).toBe(404);
      }
      expect((await put(secretary, '/api/map/outlines/620105002', { geometry })).statusCode).toBe(404);
      expect(await rowCount(env(), 'region_shapes')).toBe(shapes);
    });

    it('places and moves a building, audited; other grids’ and deleted buildings are 404', async () => {
      const before = await buildings(grid);
      expect(before.some((f) => f.id === ids.unlocated)).toBe(false);
      const placed = await put(grid, `/api/map/buildings/${ids.unlocated}/location`, {
        lat: 36.07012345678,
        lng: 103.7603,
      });
      expect(placed.statusCode, placed.body).toBe(200);
      expect(placed.json()).toEqual({ id: ids.unlocated, regionCode: GRID1, lat: 36.0701235, lng: 103.7603 });
      const after = (await buildings(grid)).find((f) => f.id === ids.unlocated);
      expect(after?.geometry.coordinates).toEqual([103.7603, 36.0701235]);
      expect(after?.properties).toMatchObject({ residents: 0, caredFor: 0, overdue: 0 });

      const audits = await rowCount(env(), 'audit_log');
      for (const id of [ids.other, ids.deleted, 999_999]) {
        expect(
          (await put(grid, `/api/map/buildings/${id}/location`, { lat: 36, lng: 103 })).statusCode,
          String(id),
        ).toBe(404);
      }
      for (const body of [
        { lat: 91, lng: 103 },
        { lat: 36, lng: -181 },
        { lat: 36 },
        { lat: '36', lng: 'x' },
        { lat: 36, lng: 103, z: 1 },
      ]) {
        expect(
          (await put(grid, `/api/map/buildings/${ids.a}/location`, body)).statusCode,
          JSON.stringify(body),
        ).toBe(400);
      }
      expect(await rowCount(env(), 'audit_log')).toBe(audits);

      const trail = await env()
        .ctx.db.selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'building')
        .where('entity_id', '=', String(ids.unlocated))
        .execute();
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({ action: 'building.locate', actor_name: 'grid', region_code: GRID1 });
      expect(JSON.parse(trail[0]?.before ?? 'null')).toEqual({ lat: null, lng: null });
      expect(JSON.parse(trail[0]?.after ?? 'null')).toEqual({ lat: 36.0701235, lng: 103.7603 });
      // The secretary moves a building of any grid of the community.
      expect(
        (await put(secretary, `/api/map/buildings/${ids.other}/location`, { lat: 36.081, lng: 103.771 }))
          .statusCode,
      ).toBe(200);
    });
  },
  // Sessions outlive the days the clock is moved forward by.
  { config: { loginRateLimit: { maxAttempts: 1000, windowMinutes: 5 }, idleMinutes: 14 * 24 * 60 } },
);
