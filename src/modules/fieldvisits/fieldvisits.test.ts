import { beforeAll, expect, it } from 'vitest';
import { addDays, dateInShanghai, startOfMonth } from '../../platform/clock.js';
import { describeEachDatabase, rowCount, type TestClient } from '../../test/harness.js';

/** A date of the month two months from now (so every test has months no other test files in). */
const inMonth = (today: string, monthsAhead: number, day: number) => {
  const first = startOfMonth(addDays(startOfMonth(today), 31 * monthsAhead + 1));
  return addDays(first, day - 1);
};

describeEachDatabase('field visits: filing and its rules', (env) => {
  let reporter: TestClient;
  let otherReporter: TestClient;
  let unitId: number;
  let otherUnitId: number;
  const unitOf = (client: TestClient) => (client === reporter ? unitId : otherUnitId);
  let counties: string[];
  const today = () => dateInShanghai(env().clock.now());
  const file = (fields: Record<string, unknown>, client = reporter) =>
    client.post('/api/field-visits', {
      unitId,
      topic: '义务教育阶段控辍保学',
      startDate: addDays(today(), 10),
      endDate: addDays(today(), 11),
      stops: [{ countyCode: counties[0] }],
      headcount: 5,
      ...fields,
    });
  const codes = (response: { json: () => { warnings: { code: string }[] } }) =>
    response.json().warnings.map((w) => w.code);

  beforeAll(async () => {
    reporter = await env().login('reporter');
    // A second unit's reporter: the demo reporter's account, copied, filing for 省卫生健康委.
    const db = env().ctx.db;
    const demo = await db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'reporter')
      .executeTakeFirstOrThrow();
    const { id: _id, ...account } = demo;
    const { id: otherId } = await db
      .insertInto('users')
      .values({ ...account, username: 'reporter2', display_name: '省卫生健康委 报备员' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const health = await db
      .selectFrom('fv_units')
      .select('id')
      .where('name', '=', '省卫生健康委')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('fv_reporters')
      .values({ user_id: otherId, unit_id: health.id, department_id: null })
      .execute();
    otherReporter = await env().login('reporter2');
    otherUnitId = Number(health.id);
    const units = (await reporter.get('/api/field-visits/units')).json().items;
    unitId = units.find((u: { name: string }) => u.name === '省教育厅').id;
    const rows = await env()
      .ctx.db.selectFrom('regions')
      .select('code')
      .where('parent_code', '=', '5323')
      .where('level', '=', 'county')
      .orderBy('code')
      .execute();
    counties = rows.map((r) => r.code);
    expect(counties.length).toBeGreaterThanOrEqual(6);
  });

  it('lists the units with their departments: provincial units and the 16 prefectures', async () => {
    const units = (await reporter.get('/api/field-visits/units')).json().items;
    expect(units.filter((u: { kind: string }) => u.kind === 'prefecture')).toHaveLength(16);
    expect(units.find((u: { name: string }) => u.name === '省教育厅').departments.length).toBeGreaterThan(0);
    expect((await (await env().login('grid')).get('/api/field-visits/units')).statusCode).toBe(403);
  });

  it('lets the administrator add a unit with its departments, once, and nobody else', async () => {
    const admin = await env().login('admin');
    const created = await admin.post('/api/field-visits/units', {
      name: '省体育局',
      kind: 'provincial',
      departments: ['群众体育处', '竞技体育处'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: '省体育局',
      kind: 'provincial',
      regionCode: null,
      departments: [{ name: '群众体育处' }, { name: '竞技体育处' }],
    });
    const again = await admin.post('/api/field-visits/units', { name: '省体育局', kind: 'provincial' });
    expect(again.statusCode).toBe(409);
    const twice = await admin.post('/api/field-visits/units', {
      name: '省科技厅',
      kind: 'provincial',
      departments: ['处', '处'],
    });
    expect(twice.json().error.details[0].path).toBe('/departments');
    // A prefecture unit names its prefecture, a city-level region that exists.
    const unknown = await admin.post('/api/field-visits/units', {
      name: '某州',
      kind: 'prefecture',
      regionCode: '5399',
    });
    expect(unknown.json().error.details[0].path).toBe('/regionCode');
    const noRegion = await admin.post('/api/field-visits/units', { name: '某州', kind: 'prefecture' });
    expect(noRegion.json().error.details[0].path).toBe('/regionCode');
    expect(
      (await reporter.post('/api/field-visits/units', { name: '省某厅', kind: 'provincial' })).statusCode,
    ).toBe(403);
  });

  it('files a visit without warnings straight to filed, audited, each county counted once', async () => {
    const before = await rowCount(env(), 'audit_log');
    const response = await file({
      startDate: inMonth(today(), 2, 3),
      endDate: inMonth(today(), 2, 4),
      stops: [
        { countyCode: counties[1], site: '某某中学' },
        { countyCode: counties[1], site: '某某小学' },
        { countyCode: counties[2] },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ status: 'filed', warnings: [] });
    const counted = await env()
      .ctx.db.selectFrom('field_visit_counties')
      .select('county_code')
      .where('visit_id', '=', response.json().id)
      .orderBy('county_code')
      .execute();
    expect(counted.map((c) => c.county_code)).toEqual([counties[1], counties[2]]);
    expect(await rowCount(env(), 'audit_log')).toBe(before + 1);
  });

  it('refuses a filing on or after its start date unless urgent with a reason, which is flagged', async () => {
    const before = await rowCount(env(), 'field_visits');
    const late = await file({ startDate: today(), endDate: today() });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('LATE_FILING');
    const noReason = await file({ startDate: today(), endDate: today(), urgent: true });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('/urgentReason');
    expect(await rowCount(env(), 'field_visits')).toBe(before);
    const urgent = await file({
      startDate: today(),
      endDate: today(),
      urgent: true,
      urgentReason: '突发洪灾，察看学校受灾情况',
    });
    expect(urgent.statusCode, urgent.body).toBe(201);
    expect(urgent.json().status).toBe('pending_review');
    expect(codes(urgent)).toEqual(['URGENT']);
    // Tomorrow is in time.
    expect((await file({ startDate: addDays(today(), 1), endDate: addDays(today(), 1) })).json().status).toBe(
      'filed',
    );
  });

  it('warns the third visit of a unit to a county within 14 days: 13 days after the first, not 14', async () => {
    const day = (n: number) => addDays(inMonth(today(), 3, 1), n);
    const at = (n: number, county: string) =>
      file({ startDate: day(n), endDate: day(n), stops: [{ countyCode: county }] });
    await at(0, counties[3] as string);
    await at(6, counties[3] as string);
    expect(codes(await at(14, counties[3] as string))).toEqual([]);
    // Another county, the same days but the third on day 13.
    await at(0, counties[4] as string);
    await at(6, counties[4] as string);
    const third = await at(13, counties[4] as string);
    expect(third.json()).toMatchObject({
      status: 'pending_review',
      warnings: [{ code: 'UNIT_COUNTY_2W', level: 'warning', countyCode: counties[4] }],
    });
    expect(third.json().warnings[0].message).toContain('14 天内第 3 次');
  });

  it('counts a later visit filed first, and forgets a cancelled one', async () => {
    const day = (n: number) => addDays(inMonth(today(), 4, 1), n);
    const county = counties[5] as string;
    const at = (n: number) => file({ startDate: day(n), endDate: day(n), stops: [{ countyCode: county }] });
    const later = await at(10);
    await at(13);
    expect(codes(await at(0))).toEqual(['UNIT_COUNTY_2W']);
    await env()
      .ctx.db.updateTable('field_visit_counties')
      .set({ live: 0 })
      .where('visit_id', '=', later.json().id)
      .execute();
    expect(codes(await at(1))).toEqual(['UNIT_COUNTY_2W']);
    expect(codes(await at(20))).toEqual([]);
  });

  it('warns more than 10 people: 11, not 10', async () => {
    const start = inMonth(today(), 5, 2);
    expect(
      codes(
        await file({ startDate: start, endDate: start, headcount: 10, stops: [{ countyCode: counties[0] }] }),
      ),
    ).toEqual([]);
    expect(
      codes(
        await file({ startDate: start, endDate: start, headcount: 11, stops: [{ countyCode: counties[1] }] }),
      ),
    ).toEqual(['HEADCOUNT']);
  });

  /** Fills a county's month with `count` filings (the unit's own: other warnings do not matter here). */
  const fill = async (county: string, start: string, count: number) => {
    for (let i = 0; i < count; i++) {
      const response = await file({ startDate: start, endDate: start, stops: [{ countyCode: county }] });
      expect(response.statusCode, response.body).toBe(201);
    }
  };

  it('takes the 30th filing of a county’s month; the 31st needs an explanation and is yellow', async () => {
    const start = inMonth(today(), 6, 10);
    const county = counties[2] as string;
    await fill(county, start, 29);
    const thirtieth = await file({ startDate: start, endDate: start, stops: [{ countyCode: county }] });
    expect(codes(thirtieth)).not.toContain('COUNTY_MONTH_LOAD');
    const before = await rowCount(env(), 'field_visits');
    const bare = await file({ startDate: start, endDate: start, stops: [{ countyCode: county }] });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.code).toBe('EXPLANATION_REQUIRED');
    expect(await rowCount(env(), 'field_visits')).toBe(before);
    // The next month of the same county is another month.
    expect(
      codes(
        await file({
          startDate: inMonth(today(), 7, 1),
          endDate: inMonth(today(), 7, 1),
          stops: [{ countyCode: county }],
        }),
      ),
    ).not.toContain('COUNTY_MONTH_LOAD');
    const explained = await file({
      startDate: start,
      endDate: start,
      stops: [{ countyCode: county }],
      explanation: '配合教育部专项督导，须实地核查',
    });
    expect(explained.statusCode, explained.body).toBe(201);
    expect(explained.json().status).toBe('pending_review');
    expect(explained.json().warnings).toContainEqual(
      expect.objectContaining({ code: 'COUNTY_MONTH_LOAD', level: 'yellow', countyCode: county }),
    );
  });

  it('lets exactly one of two filings racing for a county’s 30th place through without an explanation', async () => {
    const start = inMonth(today(), 8, 12);
    const county = counties[3] as string;
    await fill(county, start, 29);
    // Two units, so that nothing but the county's month orders them.
    const racing = await Promise.all(
      [reporter, otherReporter].map((client) =>
        file(
          { startDate: start, endDate: start, stops: [{ countyCode: county }], unitId: unitOf(client) },
          client,
        ),
      ),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect(racing.find((r) => r.statusCode === 422)?.json().error.code).toBe('EXPLANATION_REQUIRED');
    const counted = await env()
      .ctx.db.selectFrom('field_visit_counties')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('county_code', '=', county)
      .where('start_date', '=', start)
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(30);
  });

  it('judges new filings by thresholds the reviewer changes; each filing keeps its version', async () => {
    const start = inMonth(today(), 9, 5);
    const first = await file({ startDate: start, endDate: start, headcount: 8 });
    expect(codes(first)).toEqual([]);
    const reviewer = await env().login('reviewer');
    const current = (await reviewer.get('/api/field-visits/thresholds')).json();
    expect(current).toMatchObject({ headcountMax: 10, countyMonthMax: 30, unitCountyWindowDays: 14 });
    const { version: _v, createdAt: _c, createdByName: _n, ...figures } = current;
    expect(
      (await reporter.put('/api/field-visits/thresholds', { ...figures, headcountMax: 6 })).statusCode,
    ).toBe(403);
    expect(
      (await reviewer.put('/api/field-visits/thresholds', { ...figures, headcountMax: 0 })).statusCode,
    ).toBe(400);
    const stricter = await reviewer.put('/api/field-visits/thresholds', { ...figures, headcountMax: 6 });
    expect(stricter.statusCode, stricter.body).toBe(200);
    expect(stricter.json()).toMatchObject({
      headcountMax: 6,
      version: current.version + 1,
      createdByName: '省委社会工作部 审核员',
    });
    const second = await file({
      startDate: start,
      endDate: start,
      headcount: 8,
      stops: [{ countyCode: counties[1] }],
    });
    expect(codes(second)).toEqual(['HEADCOUNT']);
    // The first filing is not judged again: still filed, by the version it was filed under.
    const views = await Promise.all(
      [first, second].map(async (r) => (await reviewer.get(`/api/field-visits/${r.json().id}`)).json()),
    );
    expect(views.map((v) => [v.status, v.warnings.length])).toEqual([
      ['filed', 0],
      ['pending_review', 1],
    ]);
    expect(views[1].warnings[0].message).toBe('调研人数 8 人，超过 6 人');
    // Back to the figures before: a newer version again.
    expect((await reviewer.put('/api/field-visits/thresholds', figures)).json().version).toBe(
      current.version + 2,
    );
  });

  it('lets a reporter file only for their own unit, and nobody else file', async () => {
    const units = (await reporter.get('/api/field-visits/units')).json().items;
    const other = units.find((u: { name: string }) => u.name === '省卫生健康委').id;
    expect((await file({ unitId: other })).statusCode).toBe(403);
    expect((await file({}, await env().login('reviewer'))).statusCode).toBe(403);
    const county = await file({ stops: [{ countyCode: '530000' }] });
    expect(county.statusCode).toBe(400);
    expect(county.json().error.details[0].path).toBe('/stops/0/countyCode');
  });

  it("shows other units' visits to the county within a week, related topics first, not its own", async () => {
    const start = inMonth(today(), 10, 10);
    const county = counties[4] as string;
    const other = (
      await file(
        {
          startDate: start,
          endDate: start,
          stops: [{ countyCode: county }],
          unitId: otherUnitId,
          topic: '乡村医生队伍建设',
        },
        otherReporter,
      )
    ).json().id;
    const unrelated = (
      await file(
        {
          startDate: addDays(start, -7),
          endDate: addDays(start, -7),
          stops: [{ countyCode: county }],
          unitId: otherUnitId,
          topic: '疫苗接种',
        },
        otherReporter,
      )
    ).json().id;
    await file(
      {
        startDate: addDays(start, 8),
        endDate: addDays(start, 8),
        stops: [{ countyCode: county }],
        unitId: otherUnitId,
        topic: '乡村医生培训',
      },
      otherReporter,
    );
    const own = (await file({ startDate: start, endDate: start, stops: [{ countyCode: county }] })).json().id;
    const nearby = await reporter.get(
      `/api/field-visits/nearby?countyCode=${county}&startDate=${start}&topic=${encodeURIComponent('乡村学校医生配备')}`,
    );
    expect(nearby.statusCode, nearby.body).toBe(200);
    // Within 7 days either side: the related visit of the same day first, then the unrelated one
    // 7 days before; not the one 8 days after, not the unit's own.
    const items = nearby.json().items;
    expect(items.map((v: { id: number }) => v.id).slice(0, 2)).toEqual([other, unrelated]);
    expect(items[0]).toMatchObject({ unitName: '省卫生健康委', related: true });
    expect(items[1].related).toBe(false);
    expect(items).toHaveLength(2);
    expect(items.map((v: { id: number }) => v.id)).not.toContain(own);
  });
});
