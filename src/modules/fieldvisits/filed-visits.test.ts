import { beforeAll, expect, it } from 'vitest';
import { addDays, dateInShanghai } from '../../platform/clock.js';
import { describeEachDatabase, rowCount, type TestClient } from '../../test/harness.js';

const CHUXIONG = '532301';
const SHUANGBAI = '532322';

describeEachDatabase('field visits: reading, cancelling, reviewing, the month load', (env) => {
  let reporter: TestClient;
  let reviewer: TestClient;
  let county: TestClient;
  let unitId: number;
  const today = () => dateInShanghai(env().clock.now());
  const file = (fields: Record<string, unknown>) =>
    reporter.post('/api/field-visits', {
      unitId,
      topic: '学生营养改善计划落实情况',
      startDate: addDays(today(), 20),
      endDate: addDays(today(), 21),
      stops: [{ countyCode: CHUXIONG, site: '鹿城小学' }],
      headcount: 4,
      ...fields,
    });

  beforeAll(async () => {
    [reporter, reviewer, county] = await Promise.all([
      env().login('reporter'),
      env().login('reviewer'),
      env().login('county'),
    ]);
    const units = (await reporter.get('/api/field-visits/units')).json().items;
    unitId = units.find((u: { name: string }) => u.name === '省教育厅').id;
  });

  it('shows a unit its own visits, a county those coming to it, the reviewer all', async () => {
    const toChuxiong = (await file({})).json().id;
    const toShuangbai = (await file({ stops: [{ countyCode: SHUANGBAI }] })).json().id;
    const ids = async (client: TestClient, query = '') =>
      (await client.get(`/api/field-visits?pageSize=200${query}`))
        .json()
        .items.map((v: { id: number }) => v.id);
    expect(await ids(reporter)).toEqual(expect.arrayContaining([toChuxiong, toShuangbai]));
    expect(await ids(reviewer)).toEqual(expect.arrayContaining([toChuxiong, toShuangbai]));
    // The county viewer of 楚雄市 sees the visit to 楚雄市, not the one to 双柏县, and not by id.
    expect(await ids(county)).toContain(toChuxiong);
    expect(await ids(county)).not.toContain(toShuangbai);
    expect((await county.get(`/api/field-visits/${toShuangbai}`)).statusCode).toBe(404);
    const view = (await county.get(`/api/field-visits/${toChuxiong}`)).json();
    expect(view).toMatchObject({
      unitName: '省教育厅',
      status: 'filed',
      stops: [{ countyCode: CHUXIONG, countyName: '楚雄市', site: '鹿城小学' }],
    });
    expect(await ids(reviewer, `&countyCode=${SHUANGBAI}`)).toContain(toShuangbai);
    expect(await ids(reviewer, `&countyCode=${SHUANGBAI}`)).not.toContain(toChuxiong);
  });

  it('cancels a filing before it starts: it then counts for nothing, and the county no longer sees it', async () => {
    const start = addDays(today(), 40);
    const id = (await file({ startDate: start, endDate: start })).json().id;
    const month = start.slice(0, 7);
    const load = async () =>
      (await reviewer.get(`/api/field-visits/load?month=${month}`))
        .json()
        .items.find((c: { countyCode: string }) => c.countyCode === CHUXIONG).count;
    const before = await load();
    const cancelled = await reporter.post(`/api/field-visits/${id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect(await load()).toBe(before - 1);
    expect((await reporter.post(`/api/field-visits/${id}/cancel`)).json().error.code).toBe('VISIT_CANCELLED');
    expect((await county.get(`/api/field-visits/${id}`)).statusCode).toBe(404);
    expect((await reviewer.get(`/api/field-visits/${id}`)).json().status).toBe('cancelled');
    // A visit that has started can no longer be withdrawn.
    const urgent = (
      await file({ startDate: today(), endDate: today(), urgent: true, urgentReason: '洪灾' })
    ).json().id;
    expect((await reporter.post(`/api/field-visits/${urgent}/cancel`)).json().error.code).toBe(
      'VISIT_STARTED',
    );
  });

  it('has the reviewer approve a flagged filing, once, and tells the unit; sending back needs a reason', async () => {
    const flagged = (await file({ headcount: 12 })).json();
    expect(flagged.status).toBe('pending_review');
    const inbox = async () => (await reporter.get('/api/notifications')).json().unread;
    const unread = await inbox();
    const before = await rowCount(env(), 'audit_log');
    // Sending back needs a reason.
    expect(
      (await reviewer.post(`/api/field-visits/${flagged.id}/review`, { decision: 'reject' })).statusCode,
    ).toBe(400);
    const approved = await reviewer.post(`/api/field-visits/${flagged.id}/review`, {
      decision: 'approve',
      comment: '同意，精简随行人员',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      review: { decision: 'approve', reviewedByName: '省委社会工作部 审核员' },
    });
    expect(await rowCount(env(), 'audit_log')).toBe(before + 1);
    expect(await inbox()).toBe(unread + 1);
    // Decided once: a second review is refused; so is a review of a filing that was not flagged.
    expect(
      (
        await reviewer.post(`/api/field-visits/${flagged.id}/review`, { decision: 'reject', comment: '再议' })
      ).json().error.code,
    ).toBe('VISIT_NOT_PENDING');
    const plain = (
      await file({
        stops: [{ countyCode: '532323' }],
        startDate: addDays(today(), 90),
        endDate: addDays(today(), 90),
      })
    ).json();
    expect(plain.status).toBe('filed');
    expect(
      (await reviewer.post(`/api/field-visits/${plain.id}/review`, { decision: 'approve' })).statusCode,
    ).toBe(409);
    // Only the reviewer reviews.
    expect(
      (await reporter.post(`/api/field-visits/${flagged.id}/review`, { decision: 'approve' })).statusCode,
    ).toBe(403);
  });

  it('colours each county’s month: green up to the line, yellow above it', async () => {
    const month = addDays(today(), 20).slice(0, 7);
    const table = (await reviewer.get(`/api/field-visits/load?month=${month}`)).json();
    expect(table.max).toBe(30);
    expect(table.items.length).toBe(129);
    expect(table.items.find((c: { countyCode: string }) => c.countyCode === CHUXIONG)).toMatchObject({
      countyName: '楚雄市',
      level: 'green',
    });
    // A county viewer's table is their county.
    const own = (await county.get(`/api/field-visits/load?month=${month}`)).json();
    expect(own.items.map((c: { countyCode: string }) => c.countyCode)).toEqual([CHUXIONG]);
    expect((await reviewer.get('/api/field-visits/load?month=2026-13')).statusCode).toBe(400);
  });

  it('revises a filing sent back: judged again without counting itself, then filed; audited', async () => {
    const start = addDays(today(), 60);
    const flagged = (
      await file({ startDate: start, endDate: start, headcount: 15, stops: [{ countyCode: '532324' }] })
    ).json();
    expect(flagged.status).toBe('pending_review');
    await reviewer.post(`/api/field-visits/${flagged.id}/review`, {
      decision: 'reject',
      comment: '随行人员过多',
    });
    const before = await rowCount(env(), 'audit_log');
    const revised = await reporter.patch(`/api/field-visits/${flagged.id}`, { headcount: 6 });
    expect(revised.statusCode, revised.body).toBe(200);
    // Its own earlier count is not held against it: no UNIT_COUNTY warning from itself.
    expect(revised.json()).toEqual({ id: flagged.id, status: 'filed', warnings: [] });
    expect(await rowCount(env(), 'audit_log')).toBe(before + 1);
    // Moved to another county: it counts there now, and no longer in the first.
    const moved = await reporter.patch(`/api/field-visits/${flagged.id}`, {
      stops: [{ countyCode: '532325' }],
    });
    expect(moved.statusCode).toBe(200);
    const counted = await env()
      .ctx.db.selectFrom('field_visit_counties')
      .select('county_code')
      .where('visit_id', '=', flagged.id)
      .execute();
    expect(counted.map((c) => c.county_code)).toEqual(['532325']);
    // Not after it starts, not for another unit's reporter, not into the past.
    expect(
      (
        await reporter.patch(`/api/field-visits/${flagged.id}`, { startDate: today(), endDate: today() })
      ).json().error.code,
    ).toBe('LATE_FILING');
    expect((await reviewer.patch(`/api/field-visits/${flagged.id}`, { headcount: 3 })).statusCode).toBe(403);
  });
});
