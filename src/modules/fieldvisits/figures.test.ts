import { beforeAll, expect, it } from 'vitest';
import { addDays, dateInShanghai } from '../../platform/clock.js';
import { describeEachDatabase, type TestClient } from '../../test/harness.js';
import { records, sheetRows } from '../../test/xlsx-files.js';

const CHUXIONG = '532301';
const SHUANGBAI = '532322';

/** The month after a YYYY-MM month. */
const nextMonth = (month: string) => addDays(`${month}-28`, 7).slice(0, 7);

describeEachDatabase('field visits: figures, calendar, exports', (env) => {
  let education: TestClient;
  let reviewer: TestClient;
  let county: TestClient;
  let first: string;
  let second: string;
  let flaggedId: number;
  const range = () => `from=${first}-01&to=${second}-28`;

  beforeAll(async () => {
    const admin = await env().login('admin');
    [education, reviewer, county] = await Promise.all([
      env().login('reporter'),
      env().login('reviewer'),
      env().login('county'),
    ]);
    const units = (await admin.get('/api/field-visits/units')).json().items as { id: number; name: string }[];
    const unit = (name: string) => units.find((u) => u.name === name)?.id as number;
    // A second unit's reporter: the demo's reporter files for 省教育厅 only.
    const user = (
      await admin.post('/api/users', {
        username: 'fig-health',
        displayName: '卫健委报备员',
        role: 'unit_reporter',
        scope: '53',
        password: 'Reporter-Strong-1',
      })
    ).json().user;
    await admin.put(`/api/field-visits/reporters/${user.id}`, { unitId: unit('省卫生健康委') });
    await env()
      .ctx.db.updateTable('users')
      .set({ must_change_password: 0 })
      .where('id', '=', user.id)
      .execute();
    const health = await env().login('fig-health', 'Reporter-Strong-1');

    // Two months half a year ahead, away from anything else filed.
    first = addDays(dateInShanghai(env().clock.now()), 200).slice(0, 7);
    second = nextMonth(first);
    const file = async (client: TestClient, unitId: number, day: string, county: string, headcount = 4) => {
      const response = await client.post('/api/field-visits', {
        unitId,
        topic: '义务教育均衡发展',
        startDate: day,
        endDate: day,
        stops: [{ countyCode: county }],
        headcount,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: number; status: string };
    };
    const flagged = await file(education, unit('省教育厅'), `${first}-05`, CHUXIONG, 12);
    expect(flagged.status).toBe('pending_review');
    flaggedId = flagged.id;
    await file(education, unit('省教育厅'), `${first}-20`, SHUANGBAI);
    const cancelled = await file(education, unit('省教育厅'), `${first}-25`, CHUXIONG);
    await education.post(`/api/field-visits/${cancelled.id}/cancel`);
    await file(education, unit('省教育厅'), `${second}-10`, CHUXIONG);
    await file(health, unit('省卫生健康委'), `${second}-12`, CHUXIONG);
  });

  it('counts live filings by unit, county and month, with warnings and the share reviewed', async () => {
    const response = await reviewer.get(`/api/field-visits/figures?${range()}`);
    expect(response.statusCode, response.body).toBe(200);
    const { whole, before, after } = response.json();
    expect([before, after]).toEqual([null, null]);
    expect(whole).toMatchObject({
      total: 4,
      byUnit: [
        { unitName: '省教育厅', count: 3 },
        { unitName: '省卫生健康委', count: 1 },
      ],
      byCounty: [
        { countyCode: CHUXIONG, count: 3 },
        { countyCode: SHUANGBAI, count: 1 },
      ],
      byMonth: [
        { month: first, count: 2 },
        { month: second, count: 2 },
      ],
      flagged: 1,
      reviewed: 0,
      reviewedPermille: 0,
    });
    const kinds = Object.fromEntries(
      whole.warningsByKind.map((w: { code: string; count: number }) => [w.code, w.count]),
    );
    expect(kinds).toEqual({
      UNIT_COUNTY_2W: 0,
      UNIT_COUNTY_YEAR: 0,
      HEADCOUNT: 1,
      COUNTY_MONTH_LOAD: 0,
      URGENT: 0,
    });

    await reviewer.post(`/api/field-visits/${flaggedId}/review`, { decision: 'approve' });
    const reviewed = (await reviewer.get(`/api/field-visits/figures?${range()}`)).json().whole;
    expect([reviewed.reviewed, reviewed.reviewedPermille]).toEqual([1, 1000]);
  });

  it('gives the same figures before and after a date, and refuses a date outside the range', async () => {
    const { whole, before, after } = (
      await reviewer.get(`/api/field-visits/figures?${range()}&split=${second}-01`)
    ).json();
    expect([whole.total, before.total, after.total]).toEqual([4, 2, 2]);
    expect([before.from, before.to, after.from]).toEqual([
      `${first}-01`,
      addDays(`${second}-01`, -1),
      `${second}-01`,
    ]);
    expect(after.byUnit.map((u: { unitName: string }) => u.unitName)).toEqual(['省教育厅', '省卫生健康委']);
    expect(before.byUnit.map((u: { unitName: string }) => u.unitName)).toEqual(['省教育厅']);
    for (const bad of [`split=${first}-01`, `split=${nextMonth(second)}-01`]) {
      const refused = await reviewer.get(`/api/field-visits/figures?${range()}&${bad}`);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0].path).toBe('/split');
    }
    expect(
      (await reviewer.get(`/api/field-visits/figures?from=${second}-01&to=${first}-01`)).statusCode,
    ).toBe(400);
  });

  it('counts for a unit its own filings and for a county the visits to it', async () => {
    const own = (await education.get(`/api/field-visits/figures?${range()}`)).json().whole;
    expect([own.total, own.byUnit.length]).toEqual([3, 1]);
    const chuxiong = (await county.get(`/api/field-visits/figures?${range()}`)).json().whole;
    expect(chuxiong.total).toBe(3);
    expect(chuxiong.byCounty).toEqual([{ countyCode: CHUXIONG, countyName: '楚雄市', count: 3 }]);
  });

  it("lists the counties' months above today's line", async () => {
    const original = (await reviewer.get('/api/field-visits/thresholds')).json();
    const { version: _v, createdAt: _c, createdByName: _n, ...figures } = original;
    await reviewer.put('/api/field-visits/thresholds', { ...figures, countyMonthMax: 1 });
    const above = (await reviewer.get(`/api/field-visits/figures?${range()}`)).json().whole.countiesAboveLine;
    // 楚雄市 has two live filings in the second month; in the first, its second one was cancelled.
    expect(above).toEqual([{ countyCode: CHUXIONG, countyName: '楚雄市', month: second, count: 2 }]);
    await reviewer.put('/api/field-visits/thresholds', figures);
  });

  it('shows a calendar of start dates, for a county too', async () => {
    const days = (await reviewer.get(`/api/field-visits/calendar?month=${first}`)).json().days;
    // The cancelled visit of the 25th is not coming.
    expect(days).toEqual([
      { date: `${first}-05`, count: 1 },
      { date: `${first}-20`, count: 1 },
    ]);
    const shuangbai = (
      await reviewer.get(`/api/field-visits/calendar?month=${first}&countyCode=${SHUANGBAI}`)
    ).json();
    expect(shuangbai.days).toEqual([{ date: `${first}-20`, count: 1 }]);
    expect((await county.get(`/api/field-visits/calendar?month=${first}`)).json().days).toEqual([
      { date: `${first}-05`, count: 1 },
    ]);
  });

  it('exports the list as filtered and the figures a sheet each, audited', async () => {
    const list = await reviewer.get(`/api/field-visits/export.xlsx?${range()}`);
    expect(list.statusCode).toBe(200);
    const rows = await records(list.rawPayload);
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.状态 === '已取消')).toHaveLength(1);
    expect(rows.find((r) => r.人数 === '12')).toMatchObject({
      单位: '省教育厅',
      预警: '人数超标',
      调研地点: '楚雄市',
    });
    const countyRows = await records(
      (await county.get(`/api/field-visits/export.xlsx?${range()}`)).rawPayload,
    );
    expect(countyRows.every((r) => r.调研地点 === '楚雄市')).toBe(true);

    const book = await reviewer.get(`/api/field-visits/figures/export.xlsx?${range()}&split=${second}-01`);
    expect(book.statusCode).toBe(200);
    expect(await records(book.rawPayload, '全部-按单位')).toEqual([
      { 单位: '省教育厅', 报备数: '3' },
      { 单位: '省卫生健康委', 报备数: '1' },
    ]);
    const summary = await sheetRows(book.rawPayload, '之后-概况');
    expect(summary).toContainEqual(['报备总数', '2']);
    const audit = await env()
      .ctx.db.selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['field_visit.export', 'field_visit.figures_export'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['field_visit.export', 'field_visit.figures_export', 'field_visit.export'].sort(),
    );
  });
});
