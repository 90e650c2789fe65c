import { flagClash } from '../../modules/fieldvisits/coordination.service.js';
import { recordFiling } from '../../modules/fieldvisits/fieldvisits.service.js';
import { reviewVisit } from '../../modules/fieldvisits/filed-visits.service.js';
import { addDays, dateInShanghai } from '../../platform/clock.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { DEMO_SITES, DEMO_TOPICS, PREFECTURE_TOPICS } from './fieldvisits-demo.js';
import { Random } from './random.js';

/**
 * The demo's research visits: five months of filings (three past, this one, the next) by the
 * demo units to Yunnan's counties, filed through the real rules on the day each was filed, so
 * that the warnings, the reviewer's queue, the load table and the figures all have something to
 * show. 楚雄市 (the county viewer's) has 28 this month: two more filings and the 31st needs an
 * explanation. 五华区 and 官渡区 are over the line. Past visits mostly filed their results.
 */
export const DEMO_BUSY_COUNTY = '532301';
export const DEMO_BUSY_COUNTY_LOAD = 28;
const OVER_THE_LINE: Record<string, number> = { '530102': 34, '530111': 32 };

const EXPLANATION = '涉及当月重点工作，已与县里沟通，压缩随行人员，不影响基层正常工作';
const RESULTS = [
  ['了解到学校食堂设施老化，学生就餐排队时间长', '协调专项资金改造食堂两处'],
  ['村卫生室药品配备不足，乡村医生待遇偏低', '推动县级医院下派医生轮岗'],
  ['产业基地灌溉设施不足', '列入下一年度高标准农田建设计划'],
  ['群众反映养老服务站利用率不高', '指导县里调整服务时段并引入社会力量'],
];

const demoActor: Actor = {
  id: null,
  username: 'demo',
  displayName: '演示数据',
  role: 'system',
  scope: '',
  ip: 'local',
};

/** A context whose clock says `date` (noon in Shanghai): the filing is made on that day. */
const on = (ctx: AppContext, date: string): AppContext => ({
  ...ctx,
  clock: { now: () => new Date(`${date}T04:00:00Z`) },
});

const monthStart = (date: string, offset: number) => {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + offset);
  return d.toISOString().slice(0, 10);
};
const daysIn = (first: string) => Number(addDays(monthStart(first, 1), -1).slice(8, 10));

interface Plan {
  unit: { id: number; name: string; region_code: string | null };
  start: string;
  county: string;
  second?: string;
}

export async function seedFieldVisitDemoVisits(ctx: AppContext) {
  const random = new Random(5301);
  const today = dateInShanghai(ctx.clock.now());
  const units = await ctx.db
    .selectFrom('fv_units')
    .select(['id', 'name', 'region_code'])
    .orderBy('id')
    .execute();
  const counties = await ctx.db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 'county')
    .where('code', 'like', '53%')
    .orderBy('code')
    .execute();
  const codes = counties.map((c) => c.code);
  const provincial = units.filter((u) => u.region_code === null);
  const plans: Plan[] = [];
  for (let offset = -3; offset <= 1; offset++) {
    const first = monthStart(today, offset);
    const day = () => addDays(first, random.int(0, daysIn(first) - 1));
    for (const county of codes) {
      const busy =
        offset === 0
          ? county === DEMO_BUSY_COUNTY
            ? DEMO_BUSY_COUNTY_LOAD
            : OVER_THE_LINE[county]
          : undefined;
      const n =
        busy ??
        random.weighted([
          [0, 3],
          [1, 4],
          [2, 2],
          [3, 1],
        ] as const);
      for (let i = 0; i < n; i++) {
        // A prefecture visits its own counties; provincial units go anywhere.
        const own = units.find((u) => u.region_code !== null && county.startsWith(u.region_code));
        const unit = own && random.chance(0.3) ? own : random.pick(provincial);
        // The busy county's figure is exact: no other county's visit stops there too.
        const neighbours = codes.filter(
          (c) => c.slice(0, 4) === county.slice(0, 4) && c !== county && c !== DEMO_BUSY_COUNTY,
        );
        plans.push({
          unit,
          start: day(),
          county,
          ...(random.chance(0.15) && neighbours.length ? { second: random.pick(neighbours) } : {}),
        });
      }
    }
  }
  // In the order they were filed, so that each is judged by what was filed before it.
  const dated = plans.map((p) => ({ ...p, filedOn: addDays(p.start, -random.int(3, 20)) }));
  dated.sort((a, b) => a.filedOn.localeCompare(b.filedOn) || a.county.localeCompare(b.county));
  const reviewer = {
    ...demoActor,
    role: 'visit_reviewer',
    displayName: '省委社会工作部 审核员',
    scope: '53',
  };
  for (const p of dated) {
    // Filings of the coming days were made recently: none is dated after today.
    const filedOn = p.filedOn < today ? p.filedOn : addDays(today, -1);
    const at = on(ctx, filedOn);
    const topics = DEMO_TOPICS[p.unit.name] ?? PREFECTURE_TOPICS;
    const input = {
      unitId: p.unit.id,
      topic: random.pick(topics),
      leaderName: random.pick(['张', '李', '王', '赵', '杨']) + random.pick(['伟', '敏', '军', '华', '强']),
      leaderLevel: random.pick(['厅级', '副厅级', '处级']),
      startDate: p.start,
      endDate: addDays(p.start, random.int(0, 2)),
      stops: [
        { countyCode: p.county, site: random.pick(DEMO_SITES) },
        ...(p.second ? [{ countyCode: p.second }] : []),
      ],
      headcount: random.chance(0.06) ? random.int(11, 14) : random.int(3, 8),
      asks: '不搞迎送，不要求准备汇报材料',
    };
    // Over the line a filing must explain itself, as a unit would when the form asks.
    const filed = await recordFiling(at, demoActor, p.unit, input, 'zh').catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'EXPLANATION_REQUIRED')
        return recordFiling(at, demoActor, p.unit, { ...input, explanation: EXPLANATION }, 'zh');
      throw err;
    });
    // The reviewer has decided what was flagged before this week; later ones wait in the queue.
    if (filed.status === 'pending_review' && filedOn < addDays(today, -7))
      await reviewVisit(
        on(ctx, addDays(filedOn, 1)),
        reviewer,
        filed.id,
        random.chance(0.85)
          ? { decision: 'approve' }
          : { decision: 'reject', comment: '请压缩随行人员后重新报备' },
        'zh',
      );
  }
  await fileDemoResults(ctx, random, today);
  await demoCoordination(ctx, today);
}

/** A unit asking to join 省教育厅's next visit, and 楚雄市 flagging a clash with one coming to it. */
async function demoCoordination(ctx: AppContext, today: string) {
  /** Filed or approved visits of (or not of) a unit, starting from four days on, soonest first. */
  const upcoming = (unit: string, ofUnit = true) =>
    ctx.db
      .selectFrom('field_visits')
      .innerJoin('fv_units', 'fv_units.id', 'field_visits.unit_id')
      .select(['field_visits.id', 'field_visits.unit_id'])
      .where('fv_units.name', ofUnit ? '=' : '!=', unit)
      .where('field_visits.start_date', '>', addDays(today, 3))
      .where('field_visits.status', 'in', ['filed', 'approved'])
      .orderBy('field_visits.start_date')
      .orderBy('field_visits.id');
  const hosted = await upcoming('省教育厅').executeTakeFirst();
  const asking = await ctx.db
    .selectFrom('fv_units')
    .select('id')
    .where('name', '=', '省卫生健康委')
    .executeTakeFirst();
  if (hosted && asking)
    await ctx.db
      .insertInto('fv_join_requests')
      .values({
        visit_id: hosted.id,
        unit_id: asking.id,
        department_id: null,
        message: '我委基层卫生健康处拟派两人同行，了解学校卫生室建设情况',
        status: 'pending',
        requested_by: null,
        requested_by_name: '省卫生健康委 报备员',
        created_at: `${addDays(today, -1)}T02:00:00.000Z`,
      })
      .execute();
  const toChuxiong = await upcoming('省教育厅', false)
    .where('field_visits.id', 'in', (eb) =>
      eb.selectFrom('field_visit_counties').select('visit_id').where('county_code', '=', DEMO_BUSY_COUNTY),
    )
    .executeTakeFirst();
  if (toChuxiong)
    await flagClash(
      ctx,
      { ...demoActor, role: 'county_viewer', displayName: '楚雄市 查看员', scope: DEMO_BUSY_COUNTY },
      Number(toChuxiong.id),
      { countyCode: DEMO_BUSY_COUNTY, reason: '当周全市开展防汛应急演练，建议错峰安排' },
      'zh',
    );
}

/** Most visits past their due date filed a result; the others are the overdue list. */
async function fileDemoResults(ctx: AppContext, random: Random, today: string) {
  const owing = await ctx.db
    .selectFrom('field_visits')
    .select(['id', 'end_date'])
    .where('status', 'in', ['filed', 'approved'])
    .where('end_date', '<', today)
    .orderBy('id')
    .execute();
  for (const v of owing) {
    if (random.chance(0.12)) continue;
    const [findings, solved] = random.pick(RESULTS) as [string, string];
    await ctx.db
      .updateTable('field_visits')
      .set({
        result_findings: findings,
        result_solved: solved,
        result_at: `${addDays(v.end_date, random.int(1, 6))}T08:00:00.000Z`,
      })
      .where('id', '=', v.id)
      .execute();
  }
}
