import { beforeAll, expect, it } from 'vitest';
import { addDays, dateInShanghai } from '../../platform/clock.js';
import { describeEachDatabase, type TestClient, type TestEnv } from '../../test/harness.js';

const CHUXIONG = '532301';
const SHUANGBAI = '532322';
const PASSWORD = 'Reporter-Strong-1';

/** A reporter account of another unit: created and assigned by the admin, as in the user admin. */
async function reporterOf(env: TestEnv, admin: TestClient, username: string, unitId: number) {
  const created = await admin.post('/api/users', {
    username,
    displayName: `${username} 报备员`,
    role: 'unit_reporter',
    scope: '53',
    password: PASSWORD,
  });
  expect(created.statusCode, created.body).toBe(201);
  const userId = created.json().user.id as number;
  const assigned = await admin.put(`/api/field-visits/reporters/${userId}`, { unitId });
  expect(assigned.statusCode, assigned.body).toBe(200);
  // The first-login password change is the auth module's journey, not this one's.
  await env.ctx.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', userId).execute();
  return env.login(username, PASSWORD);
}

describeEachDatabase('field visits: joint visits, clashes, results', (env) => {
  let admin: TestClient;
  let education: TestClient;
  let health: TestClient;
  let county: TestClient;
  let reviewer: TestClient;
  let units: { id: number; name: string; departments?: { id: number }[] }[];
  const unitNamed = (name: string) => units.find((u) => u.name === name)?.id as number;
  const today = () => dateInShanghai(env().clock.now());
  const fileAs = (client: TestClient, unitId: number, fields: Record<string, unknown> = {}) =>
    client.post('/api/field-visits', {
      unitId,
      topic: '乡村学校营养餐',
      startDate: addDays(today(), 10),
      endDate: addDays(today(), 11),
      stops: [{ countyCode: CHUXIONG }],
      headcount: 4,
      ...fields,
    });

  beforeAll(async () => {
    [admin, education, county, reviewer] = await Promise.all([
      env().login('admin'),
      env().login('reporter'),
      env().login('county'),
      env().login('reviewer'),
    ]);
    units = (await admin.get('/api/field-visits/units')).json().items;
    health = await reporterOf(env(), admin, 'fv-health', unitNamed('省卫生健康委'));
  });

  it('lets the admin say which unit a reporter files for, and only for reporters', async () => {
    const list = (await admin.get('/api/field-visits/reporters')).json().items;
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ username: 'reporter', unitName: '省教育厅' }),
        expect.objectContaining({ username: 'fv-health', unitName: '省卫生健康委' }),
      ]),
    );
    expect((await health.get('/api/field-visits/me')).json().unit).toMatchObject({ name: '省卫生健康委' });
    expect((await reviewer.get('/api/field-visits/me')).json().unit).toBeNull();
    const grid = (await admin.get('/api/users?q=grid')).json().items[0];
    const refused = await admin.put(`/api/field-visits/reporters/${grid.id}`, {
      unitId: unitNamed('省教育厅'),
    });
    expect(refused.statusCode).toBe(400);
    expect((await reviewer.get('/api/field-visits/reporters')).statusCode).toBe(403);
    // A reporter files for its own unit only.
    const other = await fileAs(health, unitNamed('省教育厅'));
    expect(other.statusCode).toBe(403);
  });

  it("lets a unit ask to join another unit's visit, and the host unit answer", async () => {
    const hosted = await fileAs(education, unitNamed('省教育厅'), { topic: '农村学生营养改善计划' });
    const visitId = hosted.json().id as number;
    const nearby = (
      await health.get(
        `/api/field-visits/nearby?countyCode=${CHUXIONG}&startDate=${addDays(today(), 12)}&topic=${encodeURIComponent('学生营养健康')}`,
      )
    ).json().items;
    expect(nearby).toEqual(expect.arrayContaining([expect.objectContaining({ id: visitId, related: true })]));

    const asked = await health.post(`/api/field-visits/${visitId}/join-requests`, {
      message: '卫健委两人同行',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ visitId, unitName: '省卫生健康委', status: 'pending' });
    const again = await health.post(`/api/field-visits/${visitId}/join-requests`, { message: '再问一次' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'FV_JOIN_TWICE']);
    const own = await education.post(`/api/field-visits/${visitId}/join-requests`, { message: '本单位' });
    expect(own.json().error.code).toBe('FV_JOIN_OWN');

    const inbox = (await education.get('/api/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ link: `/field-visits/${visitId}` });
    expect(inbox.items[0].message).toContain('省卫生健康委');
    expect((await education.get('/api/field-visits/join-requests')).json().incoming).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: asked.json().id, status: 'pending' })]),
    );
    expect((await health.get('/api/field-visits/join-requests')).json().outgoing).toEqual([
      expect.objectContaining({ id: asked.json().id, visitTopic: '农村学生营养改善计划' }),
    ]);

    // Only the host unit answers; once.
    const requestId = asked.json().id as number;
    expect(
      (await health.post(`/api/field-visits/join-requests/${requestId}/decide`, { decision: 'accept' }))
        .statusCode,
    ).toBe(404);
    const accepted = await education.post(`/api/field-visits/join-requests/${requestId}/decide`, {
      decision: 'accept',
      comment: '欢迎同行',
    });
    expect(accepted.json()).toMatchObject({ status: 'accepted', comment: '欢迎同行' });
    const twice = await education.post(`/api/field-visits/join-requests/${requestId}/decide`, {
      decision: 'decline',
    });
    expect(twice.json().error.code).toBe('FV_JOIN_DECIDED');
    expect((await health.get('/api/notifications')).json().items[0].message).toContain('同意');
    const view = (await education.get(`/api/field-visits/${visitId}`)).json();
    expect(view.joinRequests).toEqual([
      expect.objectContaining({ unitName: '省卫生健康委', status: 'accepted' }),
    ]);
  });

  it("has the reviewer suggest joining another unit's visit, which the unit sees in brief", async () => {
    const start = addDays(today(), 30);
    const big = await fileAs(education, unitNamed('省教育厅'), {
      startDate: start,
      endDate: start,
      stops: [{ countyCode: '532325' }],
      headcount: 12,
      members: [{ name: '李明', post: '基础教育处处长' }],
      departmentId: units.find((u) => u.name === '省教育厅')?.departments?.[0]?.id,
    });
    expect(big.json().status).toBe('pending_review');
    const host = (
      await fileAs(health, unitNamed('省卫生健康委'), {
        topic: '学校卫生室建设',
        startDate: start,
        endDate: addDays(start, 1),
        stops: [{ countyCode: '532325' }],
      })
    ).json().id;
    const own = await reviewer.post(`/api/field-visits/${big.json().id}/review`, {
      decision: 'suggest_join',
      joinVisitId: big.json().id,
    });
    expect(own.statusCode).toBe(400);
    const suggested = await reviewer.post(`/api/field-visits/${big.json().id}/review`, {
      decision: 'suggest_join',
      comment: '与卫健委同期同地，建议联合',
      joinVisitId: host,
    });
    expect(suggested.json().status).toBe('join_suggested');
    const seen = (await education.get(`/api/field-visits/${big.json().id}`)).json();
    expect(seen.review.joinVisit).toEqual({
      id: host,
      unitName: '省卫生健康委',
      topic: '学校卫生室建设',
      startDate: start,
      endDate: addDays(start, 1),
      headcount: 4,
    });
    expect(seen.members).toEqual([{ name: '李明', post: '基础教育处处长' }]);
    expect(seen.departmentId).toBe(units.find((u) => u.name === '省教育厅')?.departments?.[0]?.id);
    // The unit cannot open the other unit's filing, but can ask to join it.
    expect((await education.get(`/api/field-visits/${host}`)).statusCode).toBe(404);
    expect(
      (await education.post(`/api/field-visits/${host}/join-requests`, { message: '按建议联合' })).statusCode,
    ).toBe(201);
  });

  it('refuses to join a visit that has started or was cancelled', async () => {
    const started = await fileAs(education, unitNamed('省教育厅'), {
      startDate: today(),
      endDate: today(),
      urgent: true,
      urgentReason: '汛情',
    });
    const closed = await health.post(`/api/field-visits/${started.json().id}/join-requests`, {
      message: '同行',
    });
    expect(closed.json().error.code).toBe('FV_JOIN_CLOSED');
    const later = (await fileAs(education, unitNamed('省教育厅'))).json().id;
    await education.post(`/api/field-visits/${later}/cancel`);
    expect(
      (await health.post(`/api/field-visits/${later}/join-requests`, { message: '同行' })).json().error.code,
    ).toBe('FV_JOIN_CLOSED');
  });

  it('lets a county flag a clash: the visit goes back to the reviewer, and the unit is told', async () => {
    // Weeks away from the other filings of this file, so that no rule flags it on its own.
    const start = addDays(today(), 60);
    const filed = await fileAs(education, unitNamed('省教育厅'), {
      startDate: start,
      endDate: start,
      stops: [{ countyCode: CHUXIONG }, { countyCode: SHUANGBAI }],
    });
    expect(filed.json().status).toBe('filed');
    const id = filed.json().id as number;
    const notMine = await county.post(`/api/field-visits/${id}/clashes`, {
      countyCode: SHUANGBAI,
      reason: '防汛',
    });
    expect(notMine.statusCode).toBe(400);
    expect(
      (await education.post(`/api/field-visits/${id}/clashes`, { countyCode: CHUXIONG, reason: '防汛' }))
        .statusCode,
    ).toBe(403);

    const flagged = await county.post(`/api/field-visits/${id}/clashes`, {
      countyCode: CHUXIONG,
      reason: '当周有防汛检查，建议改期',
    });
    expect(flagged.statusCode, flagged.body).toBe(201);
    expect(flagged.json()).toMatchObject({
      status: 'pending_review',
      clashes: [{ countyCode: CHUXIONG, countyName: '楚雄市', reason: '当周有防汛检查，建议改期' }],
    });
    const queue = (await reviewer.get('/api/field-visits?status=pending_review&pageSize=100')).json().items;
    expect(queue.map((v: { id: number }) => v.id)).toContain(id);
    expect((await education.get('/api/notifications')).json().items[0].message).toContain('防汛检查');

    // A visit going elsewhere is not the county's to flag (nor to see).
    const elsewhere = (
      await fileAs(education, unitNamed('省教育厅'), { stops: [{ countyCode: SHUANGBAI }] })
    ).json().id;
    expect(
      (await county.post(`/api/field-visits/${elsewhere}/clashes`, { countyCode: CHUXIONG, reason: 'x' }))
        .statusCode,
    ).toBe(404);
  });

  it('takes a result from the start of the visit on, and lists the visits whose result is overdue', async () => {
    const early = (await fileAs(education, unitNamed('省教育厅'))).json().id;
    const tooEarly = await education.post(`/api/field-visits/${early}/result`, { findings: '提前写' });
    expect(tooEarly.json().error.code).toBe('FV_RESULT_EARLY');

    const thresholds = (await reviewer.get('/api/field-visits/thresholds')).json();
    const start = addDays(today(), 2);
    const id = (await fileAs(education, unitNamed('省教育厅'), { startDate: start, endDate: start })).json()
      .id;
    const view = (await education.get(`/api/field-visits/${id}`)).json();
    expect(view).toMatchObject({
      resultDueDate: addDays(start, thresholds.resultDueDays),
      resultOverdue: false,
      result: null,
    });

    // The morning after the due date: overdue, for the unit and the reviewer alike. (The
    // sessions idled out meanwhile: log in again.)
    env().clock.advanceMinutes((2 + thresholds.resultDueDays + 1) * 24 * 60);
    [education, reviewer, health] = await Promise.all([
      env().login('reporter'),
      env().login('reviewer'),
      env().login('fv-health', PASSWORD),
    ]);
    const overdueIds = async (client: TestClient) =>
      (await client.get('/api/field-visits/results/overdue?pageSize=100'))
        .json()
        .items.map((v: { id: number }) => v.id);
    expect(await overdueIds(education)).toContain(id);
    expect(await overdueIds(reviewer)).toContain(id);
    expect(await overdueIds(health)).not.toContain(id);
    expect((await education.get(`/api/field-visits/${id}`)).json().resultOverdue).toBe(true);

    const filed = await education.post(`/api/field-visits/${id}/result`, {
      findings: '三所学校营养餐供应正常，一所食堂需改造',
      solved: '协调资金 20 万元改造食堂',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({
      result: { findings: '三所学校营养餐供应正常，一所食堂需改造' },
      resultOverdue: false,
    });
    expect(await overdueIds(education)).not.toContain(id);
    // Another unit's visit is not this reporter's to report on.
    expect((await health.post(`/api/field-visits/${id}/result`, { findings: 'x' })).statusCode).toBe(404);
  });
});
