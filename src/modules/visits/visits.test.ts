import { beforeAll, expect, it } from 'vitest';
import { addDays, dateInShanghai } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { runDueDailyJobs } from '../../platform/jobs.js';
import { describeEachDatabase, rowCount, type TestClient, userIdOf, ZAOLINXI } from '../../test/harness.js';
import { createResident, peopleFactory } from '../../test/people.js';
import { notify } from '../notifications/notifications.service.js';
import { visitReminders } from './reminders.job.js';

const GRID1 = `${ZAOLINXI}001`;
const GRID2 = `${ZAOLINXI}002`;
const DAY = 24 * 60;

describeEachDatabase('visits', (env) => {
  const people = peopleFactory(23);
  let secretary: TestClient;
  let grid: TestClient;
  const today = () => dateInShanghai(env().clock.now());
  const yearsAgo = (years: number, days = 0) => {
    const t = today();
    return addDays(`${Number(t.slice(0, 4)) - years}${t.slice(4)}`, days);
  };

  beforeAll(async () => {
    [secretary, grid] = await Promise.all([env().login('secretary'), env().login('grid')]);
  });

  const resident = async (client: TestClient, id: number) =>
    (await client.get(`/api/residents/${id}`)).json();
  const overdueIds = async (client: TestClient, query = '') =>
    (await client.get(`/api/visits?overdue=true&pageSize=200${query}`))
      .json()
      .items.map((r: { id: number }) => r.id);

  it('schedules by the strictest tag, weekly for someone of 80 living alone, and within 24 h after a major change', async () => {
    const elder = await createResident(secretary, people, {
      name: '潘阿姨',
      regionCode: GRID1,
      birthDate: yearsAgo(83),
    });
    expect((await resident(grid, elder)).visitDueAt).toBeNull();
    expect((await grid.post(`/api/residents/${elder}/tags`, { tag: 'living_alone' })).statusCode).toBe(201);
    const tagged = await resident(grid, elder);
    expect(tagged.visitIntervalDays).toBe(7);
    expect(tagged.visitDueAt).toBe(new Date(`${addDays(today(), 8)}T00:00:00+08:00`).toISOString());

    const visited = await grid.post(`/api/residents/${elder}/visits`, {
      mode: 'home',
      findings: '摔倒后髋部疼痛，已送医',
      needs: '行动不便，吃饭靠邻居帮忙',
      majorChange: true,
    });
    expect(visited.statusCode).toBe(201);
    const { visit, resident: after } = visited.json();
    expect(visit).toMatchObject({
      mode: 'home',
      majorChange: true,
      visitorName: '王彤',
      needs: '行动不便，吃饭靠邻居帮忙',
    });
    expect(Date.parse(after.visitDueAt) - Date.parse(visit.visitedAt)).toBe(24 * 3_600_000);

    const calm = await grid.post(`/api/residents/${elder}/visits`, { mode: 'phone' });
    expect(calm.json().resident.visitDueAt).toBe(
      new Date(`${addDays(today(), 8)}T00:00:00+08:00`).toISOString(),
    );
  });

  it('changes from monthly to weekly on the 80th birthday', async () => {
    const nearly = await createResident(secretary, people, {
      name: '赵明天',
      regionCode: GRID1,
      birthDate: yearsAgo(80, 1),
    });
    const today80 = await createResident(secretary, people, {
      name: '赵今天',
      regionCode: GRID1,
      birthDate: yearsAgo(80),
    });
    for (const id of [nearly, today80]) await grid.post(`/api/residents/${id}/tags`, { tag: 'empty_nest' });
    expect((await resident(grid, nearly)).visitIntervalDays).toBe(30);
    expect((await resident(grid, today80)).visitIntervalDays).toBe(7);
  });

  it('lists overdue residents per grid, for the grid worker and the community, and drops them once visited', async () => {
    const id1 = await createResident(secretary, people, {
      name: '孤老一',
      regionCode: GRID1,
      birthDate: yearsAgo(70),
    });
    const id2 = await createResident(secretary, people, {
      name: '孤老二',
      regionCode: GRID2,
      birthDate: yearsAgo(70),
    });
    for (const id of [id1, id2]) {
      await secretary.post(`/api/residents/${id}/tags`, {
        tag: 'living_alone',
        startedOn: addDays(today(), -40),
      });
    }
    expect(await overdueIds(grid)).toContain(id1);
    expect(await overdueIds(grid)).not.toContain(id2);
    expect(await overdueIds(grid, `&regionCode=${GRID2}`)).toEqual([]);
    expect(await overdueIds(secretary, `&regionCode=${GRID2}`)).toContain(id2);
    const community = await overdueIds(secretary);
    expect(community).toEqual(expect.arrayContaining([id1, id2]));

    const summaryBefore = (await grid.get('/api/visits/summary')).json();
    await grid.post(`/api/residents/${id1}/visits`, { mode: 'home', findings: '状况良好' });
    expect(await overdueIds(grid)).not.toContain(id1);
    const summaryAfter = (await grid.get('/api/visits/summary')).json();
    expect(summaryAfter.overdue).toBe(summaryBefore.overdue - 1);
    expect(summaryAfter.visitsThisMonth).toBe(summaryBefore.visitsThisMonth + 1);

    // A month later the visit is due again: the clock moves, nothing is rewritten.
    // (A new session: the test's own would have timed out in a month.)
    env().clock.advanceMinutes(31 * DAY);
    try {
      expect(await overdueIds(await env().login('grid'))).toContain(id1);
    } finally {
      env().clock.advanceMinutes(-31 * DAY);
    }
  });

  it('counts a visit due by the end of today as due today, not yet overdue', async () => {
    const id = await createResident(secretary, people, {
      name: '今天到期',
      regionCode: GRID1,
      birthDate: yearsAgo(70),
    });
    const before = (await grid.get('/api/visits/summary')).json();
    await grid.post(`/api/residents/${id}/tags`, { tag: 'living_alone', startedOn: addDays(today(), -30) });
    const due = await resident(grid, id);
    expect(due.visitDueAt).toBe(new Date(`${addDays(today(), 1)}T00:00:00+08:00`).toISOString());
    expect(due.overdue).toBe(false);
    const after = (await grid.get('/api/visits/summary')).json();
    expect(after.dueToday).toBe(before.dueToday + 1);
    expect(after.overdue).toBe(before.overdue);
    const today_ = (await grid.get('/api/visits?due=today&pageSize=200'))
      .json()
      .items.map((r: { id: number }) => r.id);
    expect(today_).toContain(id);
    expect(await overdueIds(grid)).not.toContain(id);
  });

  it('refuses visits in the future or to someone out of scope, and writes nothing', async () => {
    const other = await createResident(secretary, people, { name: '别网格', regionCode: GRID2 });
    const before = await rowCount(env(), 'visits');
    const future = new Date(env().clock.now().getTime() + 3_600_000).toISOString();
    const mine = await createResident(secretary, people, { name: '本网格', regionCode: GRID1 });
    const late = await grid.post(`/api/residents/${mine}/visits`, { mode: 'home', visitedAt: future });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details[0].path).toBe('/visitedAt');
    expect((await grid.post(`/api/residents/${other}/visits`, { mode: 'home' })).statusCode).toBe(404);
    expect((await grid.post(`/api/residents/${mine}/visits`, { mode: 'teleport' })).statusCode).toBe(400);
    expect(await rowCount(env(), 'visits')).toBe(before);
    const street = await env().login('street');
    expect((await street.post(`/api/residents/${mine}/visits`, { mode: 'home' })).statusCode).toBe(403);
  });

  it("lists a resident's visits newest first and the visits of a grid", async () => {
    const id = await createResident(secretary, people, { name: '记录多', regionCode: GRID1 });
    const earlier = new Date(env().clock.now().getTime() - 3 * 86_400_000).toISOString();
    await grid.post(`/api/residents/${id}/visits`, {
      mode: 'phone',
      visitedAt: earlier,
      followUp: '下周入户',
    });
    await grid.post(`/api/residents/${id}/visits`, { mode: 'home' });
    const list = (await grid.get(`/api/residents/${id}/visits`)).json();
    expect(list.total).toBe(2);
    expect(list.items.map((v: { mode: string }) => v.mode)).toEqual(['home', 'phone']);
    const ofGrid2 = (await grid.get(`/api/visits?regionCode=${GRID2}`)).json();
    expect(ofGrid2.total).toBe(0);
    const mine = (await grid.get(`/api/visits?mine=true&residentId=${id}`)).json();
    expect(mine.items[0]).toMatchObject({ residentName: '记录多', visitorName: '王彤' });
  });
});

describeEachDatabase('visit reminders', (env) => {
  const people = peopleFactory(31);

  it('tells each grid worker each morning how many visits are due and overdue, once a day', async () => {
    const secretary = await env().login('secretary');
    const today = dateInShanghai(env().clock.now());
    const id = await createResident(secretary, people, {
      name: '提醒我',
      regionCode: GRID1,
      birthDate: '1950-01-01',
    });
    await secretary.post(`/api/residents/${id}/tags`, {
      tag: 'living_alone',
      startedOn: addDays(today, -40),
    });

    const runs: string[] = [];
    const job = {
      ...visitReminders,
      hour: 0,
      run: async (ctx: AppContext, day: string) => {
        runs.push(day);
        await visitReminders.run(ctx, day);
      },
    };
    expect(await runDueDailyJobs(env().ctx, [job])).toEqual(['visit-reminders']);
    expect(await runDueDailyJobs(env().ctx, [job])).toEqual([]);
    expect(runs).toEqual([today]);

    const grid = await env().login('grid');
    const inbox = (await grid.get('/api/notifications')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'VISITS_DUE',
      message: '今日待走访 0 人，逾期未访 1 人',
      link: '/',
    });
    expect((await grid.post(`/api/notifications/${inbox.items[0].id}/read`)).json()).toEqual({ unread: 0 });
    // Nobody reads another's notifications.
    const street = await env().login('street');
    expect((await street.post(`/api/notifications/${inbox.items[0].id}/read`)).statusCode).toBe(404);
    expect((await street.get('/api/notifications')).json().items).toEqual([]);
  });

  it('moves someone living alone to weekly visits on the morning of the 80th birthday', async () => {
    const secretary = await env().login('secretary');
    const today = dateInShanghai(env().clock.now());
    const birthDate = `${Number(today.slice(0, 4)) - 80}${today.slice(4)}`;
    const id = await createResident(secretary, people, {
      name: '满八十',
      regionCode: GRID1,
      birthDate: birthDate.endsWith('02-29') ? birthDate.replace('02-29', '02-28') : birthDate,
    });
    // Tagged yesterday, at 79, the interval was monthly; the stored row says so.
    await secretary.post(`/api/residents/${id}/tags`, { tag: 'living_alone' });
    await env()
      .ctx.db.updateTable('residents')
      .set({ visit_interval_days: 30 })
      .where('id', '=', id)
      .execute();
    await visitReminders.run(env().ctx, today);
    expect((await secretary.get(`/api/residents/${id}`)).json().visitIntervalDays).toBe(7);
  });

  it("writes a district's morning of reminders, more rows than one statement can bind", async () => {
    // 14,000 × 5 values is past both SQLite's (32,766) and PostgreSQL's (65,535) limit.
    const userId = await userIdOf(env(), 'grid');
    const before = await rowCount(env(), 'notifications');
    const items = Array.from({ length: 14_000 }, (_, i) => ({
      userId,
      kind: 'VISITS_DUE',
      params: { dueToday: i, overdue: 0 },
    }));
    await notify(env().ctx, items);
    expect(await rowCount(env(), 'notifications')).toBe(before + items.length);
    await env().ctx.db.deleteFrom('notifications').where('user_id', '=', userId).execute();
  });
});
