import { beforeAll, expect, it } from 'vitest';
import {
  DEFAULT_TAGS,
  HIGH_RISK_AGE,
  HIGH_RISK_AGE_TAGS,
  HIGH_RISK_INTERVAL_DAYS,
} from '../../modules/registry/tags.catalog.js';
import { nextVisitDue, strictestInterval } from '../../modules/visits/due.js';
import { addDays, dateInShanghai } from '../../platform/clock.js';
import { ageOn } from '../../platform/identifiers/age.js';
import { parseCreditCode } from '../../platform/identifiers/credit-code.js';
import { parseIdNumber } from '../../platform/identifiers/id-number.js';
import { parseMobile } from '../../platform/identifiers/phone.js';
import { describeEachDatabase, rowCount, ZAOLINXI } from '../../test/harness.js';
import { seedCareTags } from './care-tags.js';
import { DEMO_ELDER_NAME, seedRegistryDemo } from './registry-demo.js';

const GRIDS = Array.from({ length: 8 }, (_, i) => `${ZAOLINXI}${String(i + 1).padStart(3, '0')}`);

describeEachDatabase('registry demo seed', (env) => {
  beforeAll(async () => {
    await seedRegistryDemo(env().ctx);
  });

  const today = () => dateInShanghai(env().ctx.clock.now());
  const residents = () => env().ctx.db.selectFrom('residents').selectAll().orderBy('id').execute();

  it('generates the community of the seed page: 14 estates, ~11,000 residents, 160 organisations, 240 shops', async () => {
    const { db } = env().ctx;
    expect(await rowCount(env(), 'estates')).toBe(14);
    const people = await rowCount(env(), 'residents');
    expect(people).toBeGreaterThanOrEqual(9_900);
    expect(people).toBeLessThanOrEqual(12_100);
    const kinds = await db
      .selectFrom('organisations')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    expect(Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]))).toEqual({
      organisation: 160,
      shop: 240,
    });
    // Every registry row hangs on one of the community's grids.
    for (const table of [
      'estates',
      'buildings',
      'houses',
      'households',
      'residents',
      'organisations',
    ] as const) {
      const outside = await db
        .selectFrom(table)
        .select('region_code')
        .where('region_code', 'not in', GRIDS)
        .execute();
      expect(outside, table).toEqual([]);
    }
  });

  it('builds plausible places: elevators from 7 floors, areas in hundredths of 45–140 m², coordinates in 安宁区', async () => {
    const { db } = env().ctx;
    const buildings = await db.selectFrom('buildings').selectAll().execute();
    for (const b of buildings) {
      if (b.kind !== 'commercial') expect(b.floors).toBeGreaterThanOrEqual(6);
      expect(b.floors).toBeLessThanOrEqual(33);
      if (b.kind !== 'commercial') expect((b.elevators ?? 0) > 0).toBe((b.floors ?? 0) >= 7);
      expect(b.lat).toBeGreaterThanOrEqual(36.1);
      expect(b.lat).toBeLessThanOrEqual(36.112);
      expect(b.lng).toBeGreaterThanOrEqual(103.71);
      expect(b.lng).toBeLessThanOrEqual(103.73);
    }
    const areas = await db
      .selectFrom('houses')
      .select([(eb) => eb.fn.min('area').as('min'), (eb) => eb.fn.max('area').as('max')])
      .executeTakeFirstOrThrow();
    expect(Number(areas.min)).toBeGreaterThanOrEqual(4_500);
    expect(Number(areas.max)).toBeLessThanOrEqual(14_000);
    const houses = await rowCount(env(), 'houses');
    const households = await rowCount(env(), 'households');
    expect(households / houses).toBeGreaterThan(0.7);
  });

  it('gives every resident a unique, valid ID number that agrees with the birth date and gender', async () => {
    const { pii } = env().ctx;
    const rows = await residents();
    const ids = new Set<string>();
    const phones = new Set<string>();
    let sixtyPlus = 0;
    for (const r of rows) {
      const id = pii.decrypt(r.id_number_enc);
      const facts = parseIdNumber(id, today());
      expect(facts, id).toEqual({ idNumber: id, birthDate: r.birth_date, gender: r.gender });
      expect(pii.blindIndex(id)).toBe(r.id_number_index);
      ids.add(id);
      if (r.phone_enc) {
        const phone = pii.decrypt(r.phone_enc);
        expect(parseMobile(phone)).toEqual({ phone });
        expect(r.phone_tail).toBe(phone.slice(-4));
        expect(r.phone_index).toBe(pii.blindIndex(phone));
        phones.add(phone);
      }
      if (ageOn(r.birth_date, today()) >= 60) sixtyPlus++;
    }
    expect(ids.size).toBe(rows.length);
    expect(phones.size).toBe(rows.filter((r) => r.phone_enc).length);
    // An old neighbourhood: about 22% aged 60 and over.
    expect(sixtyPlus / rows.length).toBeGreaterThan(0.18);
    expect(sixtyPlus / rows.length).toBeLessThan(0.27);
  });

  it('gives every organisation and shop a unique, valid 统一社会信用代码', async () => {
    const rows = await env().ctx.db.selectFrom('organisations').selectAll().execute();
    for (const o of rows) {
      expect(parseCreditCode(o.credit_code ?? ''), o.name).toEqual({ creditCode: o.credit_code });
      expect(o.credit_code?.slice(2, 8)).toBe('620105');
      expect(env().ctx.pii.decrypt(o.contact_phone_enc ?? '')).toMatch(/^1\d{10}$/);
    }
    expect(new Set(rows.map((o) => o.credit_code)).size).toBe(rows.length);
  });

  it('gives each grid 20–26 key people, each with active tags', async () => {
    const { db } = env().ctx;
    const cared = await db
      .selectFrom('residents')
      .select(['region_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('visit_due_at', 'is not', null)
      .groupBy('region_code')
      .execute();
    const byGrid = Object.fromEntries(cared.map((c) => [c.region_code, Number(c.n)]));
    for (const grid of GRIDS) {
      expect(byGrid[grid], grid).toBeGreaterThanOrEqual(20);
      expect(byGrid[grid], grid).toBeLessThanOrEqual(26);
    }
    const tagged = await db
      .selectFrom('resident_tags')
      .select((eb) => eb.fn.count<number>('resident_id').distinct().as('n'))
      .where('ended_on', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(tagged.n)).toBe(Object.values(byGrid).reduce((a, b) => a + b, 0));
  });

  it('stores due dates that agree with the visit rule, recomputed from tags, age and visits', async () => {
    const { db } = env().ctx;
    const now = env().ctx.clock.now().toISOString();
    const tags = await db
      .selectFrom('resident_tags')
      .innerJoin('care_tags', 'care_tags.id', 'resident_tags.tag_id')
      .select(['resident_tags.resident_id', 'care_tags.code', 'care_tags.visit_interval_days', 'started_on'])
      .where('ended_on', 'is', null)
      .execute();
    const visits = await db
      .selectFrom('visits')
      .select(['resident_id', 'visited_at', 'major_change'])
      .orderBy('visited_at')
      .execute();
    const last = new Map(visits.map((v) => [v.resident_id, v]));
    const cared = (await residents()).filter((r) => r.visit_due_at !== null || r.last_visit_at !== null);
    let overdue = 0;
    for (const r of cared) {
      const own = tags.filter((t) => t.resident_id === r.id);
      const highRisk =
        ageOn(r.birth_date, today()) >= HIGH_RISK_AGE && own.some((t) => HIGH_RISK_AGE_TAGS.includes(t.code));
      const interval = strictestInterval([
        ...own.map((t) => t.visit_interval_days),
        ...(highRisk ? [HIGH_RISK_INTERVAL_DAYS] : []),
      ]);
      const visit = last.get(r.id);
      expect(visit, r.name).toBeDefined();
      expect(r.visit_interval_days, r.name).toBe(interval);
      expect(r.last_visit_at, r.name).toBe(visit?.visited_at);
      const due = nextVisitDue({
        intervalDays: interval,
        lastVisit: visit ? { visitedAt: visit.visited_at, majorChange: visit.major_change === 1 } : null,
        caredSince: own.map((t) => t.started_on).sort()[0] ?? null,
      });
      expect(r.visit_due_at, r.name).toBe(due);
      if ((r.visit_due_at ?? '') < now) overdue++;
    }
    // About one in eight is overdue: enough to show, not so many that the demo looks neglected.
    expect(overdue / cared.length).toBeGreaterThanOrEqual(0.08);
    expect(overdue / cared.length).toBeLessThanOrEqual(0.16);
    expect(visits.every((v) => v.visited_at <= now)).toBe(true);
  });

  it('has 潘阿姨: 83, living alone in grid 001 after a fracture, weekly visits, overdue today', async () => {
    const { db } = env().ctx;
    const matches = await db
      .selectFrom('residents')
      .selectAll()
      .where('name', '=', DEMO_ELDER_NAME)
      .execute();
    expect(matches).toHaveLength(1);
    const elder = matches[0];
    if (!elder) throw new Error('unreachable');
    expect(elder.region_code).toBe(GRIDS[0]);
    expect(elder.gender).toBe('female');
    expect(ageOn(elder.birth_date, today())).toBe(83);
    const codes = await db
      .selectFrom('resident_tags')
      .innerJoin('care_tags', 'care_tags.id', 'resident_tags.tag_id')
      .select('care_tags.code')
      .where('resident_id', '=', elder.id)
      .where('ended_on', 'is', null)
      .execute();
    expect(codes.map((c) => c.code)).toEqual(expect.arrayContaining(['living_alone', 'disabled_care']));
    expect(elder.visit_interval_days).toBe(7);
    expect(elder.visit_due_at ?? '').toBe(new Date(`${today()}T00:00:00+08:00`).toISOString());
    expect((elder.visit_due_at ?? '') < env().ctx.clock.now().toISOString()).toBe(true);
    const visits = await db
      .selectFrom('visits')
      .selectAll()
      .where('resident_id', '=', elder.id)
      .orderBy('visited_at', 'desc')
      .execute();
    expect(dateInShanghai(new Date(visits[0]?.visited_at ?? ''))).toBe(addDays(today(), -8));
    const fall = visits.find((v) => v.major_change === 1);
    expect(fall?.findings).toContain('骨折');
    expect(dateInShanghai(new Date(fall?.visited_at ?? ''))).toBe(addDays(today(), -16));
    expect(visits.every((v) => v.visitor_name === '王彤')).toBe(true);
  });

  it('shows 潘阿姨 among the overdue on 王彤’s list', async () => {
    const grid = await env().login('grid');
    const response = await grid.get('/api/visits?overdue=true&pageSize=100');
    expect(response.statusCode).toBe(200);
    const names = response.json().items.map((r: { name: string }) => r.name);
    expect(names).toContain(DEMO_ELDER_NAME);
    expect(names.length).toBeLessThanOrEqual(4);
  });

  it("rings 王彤's bell with this morning's reminder, and marks today's reminder run as done", async () => {
    const grid = await env().login('grid');
    const overdue = (await grid.get('/api/visits/summary')).json().overdue;
    const inbox = (await grid.get('/api/notifications')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'VISITS_DUE', link: '/' });
    expect(inbox.items[0].message).toContain(`逾期未访 ${overdue} 人`);
    expect(await rowCount(env(), 'job_runs')).toBe(1);
  });

  it('loads once: a second run changes nothing', async () => {
    const before = await rowCount(env(), 'residents');
    await seedRegistryDemo(env().ctx);
    expect(await seedCareTags(env().ctx.db, new Date().toISOString())).toBe(0);
    expect(await rowCount(env(), 'residents')).toBe(before);
    expect(await rowCount(env(), 'care_tags')).toBe(DEFAULT_TAGS.length);
  });
});
