import type { VisitMode } from '../../modules/registry/registry.vocabulary.js';
import { HIGH_RISK_AGE, HIGH_RISK_INTERVAL_DAYS } from '../../modules/registry/tags.catalog.js';
import { nextVisitDue } from '../../modules/visits/due.js';
import { careInterval } from '../../modules/visits/refresh-due.js';
import { addDays, startOfShanghaiDay } from '../../platform/clock.js';
import { Random } from './random.js';
import { DEMO_ELDER, type People, type Person, type PlannedHousehold } from './registry-demo.people.js';
import { GRID_COUNT } from './registry-demo.places.js';

/**
 * The key people (重点人群) of the demo: 20–26 per grid, as each grid worker of the seed page
 * keeps "20-odd", with tags that fit their age and household, and about six months of visits at
 * roughly their interval. About one in eight is overdue today and a few are due today, so the
 * grid workers' pages have something to show on any day the demo is loaded.
 */

/** Grid 001's worker is the demo account `grid` (王彤 of the seed page); the others are invented. */
export const GRID_WORKERS = ['王彤', '马晓燕', '张建军', '陈静', '杨帆', '赵丽萍', '刘海鹏', '何玉梅'];
const COMMUNITY_STAFF = ['于林', '黄丽娟'];
const MAJOR_CHANGE_SEED = 16;

export interface PlannedTag {
  code: string;
  startedOn: string;
  reason: string;
  taggedByName: string;
  createdAt: string;
}

export interface PlannedVisit {
  visitedAt: string;
  mode: VisitMode;
  findings: string;
  needs: string | null;
  followUp: string | null;
  majorChange: boolean;
  visitorName: string;
  /** Visited by the worker of grid 001, who has a demo account (visitor_id). */
  byGridAccount: boolean;
}

export interface Care {
  tags: PlannedTag[];
  visits: PlannedVisit[];
  intervalDays: number;
  lastVisitAt: string;
  dueAt: string;
}

type Texts =
  | 'elderly'
  | 'frail'
  | 'disability'
  | 'assistance'
  | 'children'
  | 'family'
  | 'special'
  | 'critical';
type Pool = (p: Person, hh: PlannedHousehold) => boolean;

interface Profile {
  pool: Pool;
  min: number;
  max: number;
  texts: Texts;
  tags: (rng: Random, p: Person) => string[];
}

const maybe = (rng: Random, p: number, code: string) => (rng.chance(p) ? [code] : []);
const old = (p: Person) => (p.age >= HIGH_RISK_AGE ? ['advanced_age'] : []);

/** Who the key people of a grid are: [pool, how many (min–max), what they carry]. */
// biome-ignore format: a table
const PROFILES: Profile[] = [
  {
    pool: (p, hh) => hh.kind === 'alone' && p.age >= 80,
    min: 3,
    max: 4,
    texts: 'elderly',
    tags: (rng) => ['living_alone', 'advanced_age', ...maybe(rng, 0.3, 'disabled_care'), ...maybe(rng, 0.15, 'dibao')],
  },
  {
    pool: (p, hh) => hh.kind === 'alone' && p.age >= 60 && p.age < 80,
    min: 2,
    max: 2,
    texts: 'elderly',
    tags: (rng) => ['living_alone', ...maybe(rng, 0.2, 'dibao')],
  },
  { pool: (p, hh) => hh.kind === 'nest' && p.age >= 80, min: 2, max: 3, texts: 'elderly', tags: () => ['empty_nest', 'advanced_age'] },
  { pool: (p, hh) => hh.kind === 'nest' && p.age >= 60 && p.age < 80, min: 1, max: 2, texts: 'elderly', tags: () => ['empty_nest'] },
  {
    pool: (p, hh) => p.age >= 70 && (p.relation === 'parent' || hh.kind === 'elder_with_child') && p.relation !== 'child',
    min: 2,
    max: 2,
    texts: 'frail',
    tags: (rng, p) => [...rng.weighted([[['disabled_care'], 5], [['dementia'], 3], [['disabled_care', 'dementia'], 2]] as const), ...old(p)],
  },
  { pool: (p) => p.age >= 18 && p.age < 65, min: 2, max: 2, texts: 'disability', tags: (rng) => ['disabled', ...maybe(rng, 0.3, 'dibao')] },
  { pool: (p) => p.relation === 'self' && p.age >= 30 && p.age < 65, min: 2, max: 3, texts: 'assistance', tags: () => ['dibao'] },
  { pool: (p, hh) => hh.kind === 'alone' && p.age >= 60 && p.age < 80, min: 1, max: 1, texts: 'assistance', tags: () => ['tekun', 'living_alone'] },
  {
    pool: (p, hh) => hh.parentsAway && p.relation === 'grandchild' && p.age >= 3 && p.age <= 15,
    min: 1,
    max: 2,
    texts: 'children',
    tags: () => ['left_behind_child'],
  },
  {
    pool: (p) => (p.relation === 'child' || p.relation === 'grandchild') && p.age >= 3 && p.age <= 16,
    min: 1,
    max: 1,
    texts: 'children',
    tags: () => ['child_in_difficulty'],
  },
  { pool: (p, hh) => hh.kind === 'couple' && p.relation === 'self' && p.age >= 52, min: 1, max: 1, texts: 'family', tags: () => ['special_family'] },
  { pool: (p, hh) => hh.members.length > 1 && p.age >= 40 && p.age < 76, min: 0, max: 1, texts: 'critical', tags: () => ['critical_illness'] },
  {
    pool: (p) => p.age >= 20 && p.age < 56 && p.relation !== 'grandchild',
    min: 1,
    max: 2,
    texts: 'special',
    tags: (rng) => [rng.weighted([['community_correction', 35], ['released_prisoner', 35], ['severe_mental_disorder', 30]] as const)],
  },
];

/** Why a tag was set, and how long ago (days, min–max). */
// biome-ignore format: a table
const TAG_START: Record<string, { reasons: string[]; days: [number, number] }> = {
  living_alone: { reasons: ['老伴去世，子女在外地工作', '子女在外省定居，本人不愿随迁', '无子女，老伴去世后独居'], days: [180, 3000] },
  empty_nest: { reasons: ['子女均在外地，老两口共同生活', '子女在国外工作，老两口居住'], days: [365, 4000] },
  advanced_age: { reasons: ['年满80周岁'], days: [120, 120] },
  disabled_care: { reasons: ['脑梗后遗症，生活部分不能自理', '长期卧床，生活不能自理', '帕金森病，行动困难'], days: [120, 1500] },
  disabled: { reasons: ['肢体二级残疾（持残疾人证）', '视力一级残疾（持残疾人证）', '听力二级残疾（持残疾人证）', '智力三级残疾（持残疾人证）'], days: [365, 5000] },
  dementia: { reasons: ['经医院诊断为阿尔茨海默病', '血管性痴呆，记忆力明显减退'], days: [150, 1200] },
  dibao: { reasons: ['家庭人均收入低于兰州市低保标准', '因病致贫，经审核纳入城市低保'], days: [120, 2000] },
  tekun: { reasons: ['无劳动能力、无生活来源、无法定赡养人'], days: [365, 3000] },
  left_behind_child: { reasons: ['父母均在外地务工，由祖父母照料'], days: [120, 1200] },
  child_in_difficulty: { reasons: ['父亲病故，母亲重病，家庭经济困难', '父母离异后由母亲抚养，母亲患病无业'], days: [120, 900] },
  special_family: { reasons: ['独生子女去世（失独家庭）', '独生子女伤残（三级以上）'], days: [365, 4000] },
  critical_illness: { reasons: ['肝癌晚期，居家治疗', '慢性心力衰竭，多次住院', '尿毒症，每周透析三次'], days: [120, 300] },
  community_correction: { reasons: ['判处缓刑，社区矫正期内'], days: [120, 500] },
  released_prisoner: { reasons: ['刑满释放，安置帮教期内'], days: [150, 1000] },
  severe_mental_disorder: { reasons: ['精神分裂症，居家服药治疗', '双相情感障碍，居家治疗'], days: [365, 3000] },
};

// biome-ignore format: a table
const TEXTS: Record<Texts, { findings: string[]; needs: string[]; followUp: string[] }> = {
  elderly: {
    findings: ['身体状况稳定，血压偏高，按时服药', '精神状态良好，生活能自理，屋内整洁', '近期食欲一般，睡眠较差，已提醒按时就医', '取暖正常，已检查燃气报警器，使用安全', '腿脚不便，下楼困难，平时很少外出', '听力下降，沟通需大声，情绪稳定', '血糖控制尚可，家中常用药充足', '子女每周来看望一次，生活基本能自理', '天气转凉，已提醒添衣保暖、注意防滑', '反映最近膝盖疼，已陪同到社区卫生服务站检查', '家中电线老化，存在安全隐患', '心情不错，常到楼下和邻居聊天'],
    needs: ['希望有人帮忙买菜', '行动不便，吃饭靠子女送', '需要代办高龄津贴季审', '希望社区组织上门理发', '想参加社区老年大学书法班', '家中水龙头漏水，需要维修', '希望安装扶手和防滑垫', '希望家庭医生定期上门量血压', '需要帮忙缴纳水电燃气费', '希望有人陪同去医院复查'],
    followUp: ['联系社区长者食堂送餐；下周复访', '已联系物业上门维修', '协助办理高龄津贴季审', '联系家庭医生上门随访', '已告知子女注意老人用药', '纳入志愿者结对帮扶，每周电话问候', '申请适老化改造，安装扶手', '帮忙代缴水电费，下次走访带回票据', '继续关注，按期走访'],
  },
  frail: {
    findings: ['长期卧床，由老伴照料，皮肤无压疮', '康复训练坚持中，可扶拐短距离行走', '记忆力明显减退，常忘记关火，家属已加强看护', '认知障碍加重，夜间有走失风险', '生活不能完全自理，由保姆照顾', '坐轮椅出行，家中无障碍设施不足'],
    needs: ['申请残疾人两项补贴', '需要上门康复指导', '希望申请居家养老上门服务', '需要防走失手环', '需要轮椅和助行器', '家属照护压力大，希望有喘息服务'],
    followUp: ['协助申请残疾人护理补贴', '联系街道残联上门评估', '已发放防走失手环并登记', '联系居家养老服务中心上门', '下周与家庭医生一同入户'],
  },
  disability: {
    findings: ['持残疾人证，在社区工厂从事简单工作', '肢体残疾，出行依靠电动轮椅，情绪稳定', '视力残疾，家属照料，生活基本稳定', '听力残疾，用手机文字交流，就业意愿强'],
    needs: ['希望帮助联系适合的工作', '申请无障碍改造', '需要办理残疾人证换证', '希望参加技能培训'],
    followUp: ['推荐参加残联职业技能培训', '联系街道残联办理换证', '登记就业意向，推送岗位信息'],
  },
  assistance: {
    findings: ['家庭收入无明显变化，低保金按月到账', '患慢性病，医疗支出较大，生活困难', '本人失业在家，正在找工作', '特困供养金按时发放，本人生活能自理', '房屋漏雨，冬季取暖困难'],
    needs: ['希望申请临时救助', '需要就业信息', '希望孩子上学能减免费用', '需要冬季取暖补助', '医药费负担重，希望申请医疗救助'],
    followUp: ['协助提交临时救助申请', '推荐参加街道招聘会', '低保年审材料已收齐，报街道审核', '联系慈善协会送去米面油', '协助申请医疗救助'],
  },
  children: {
    findings: ['学习情况良好，由祖父母照料，父母在外务工', '孩子性格内向，与同学交往较少', '期中考试成绩有进步，老师反映表现积极', '父母每周视频通话一次，孩子情绪稳定', '祖父母年纪大，辅导作业有困难'],
    needs: ['希望有人辅导作业', '需要冬季衣物和学习用品', '希望参加暑期托管班', '孩子想学画画'],
    followUp: ['安排进入社区“四点半课堂”', '与学校班主任沟通孩子情况', '联系志愿者每周辅导一次', '申请困境儿童生活补贴'],
  },
  family: {
    findings: ['老两口情绪平稳，逢年过节较为思念孩子', '身体尚可，老两口互相照应', '老伴住院，本人在医院陪护', '参加社区合唱团后心情好了很多'],
    needs: ['希望有人陪伴聊天', '希望办理养老机构优先入住登记', '需要住院陪护帮助'],
    followUp: ['安排志愿者节日上门慰问', '联系计生协会送去慰问金', '帮助联系护工'],
  },
  special: {
    findings: ['按时到司法所报到，思想稳定，表现良好', '服药依从性好，情绪稳定，家属监护到位', '已找到工作，在物流公司上班', '近期情绪有波动，家属反映睡眠差', '与家人关系缓和，生活规律'],
    needs: ['希望帮助联系就业', '需要办理医保续缴', '希望减免部分医药费'],
    followUp: ['与司法所保持沟通', '联系精防医生随访，督促按时服药', '推荐参加就业培训', '继续关注，按期走访'],
  },
  critical: {
    findings: ['化疗后身体虚弱，家属陪护', '病情稳定，居家服药治疗', '近期疼痛加重，已联系医院', '心衰，活动后气喘，需吸氧'],
    needs: ['希望家庭医生上门', '需要申请大病医疗救助', '需要制氧机'],
    followUp: ['联系家庭医生上门诊疗', '协助申请大病救助', '每周电话随访家属'],
  },
};

const MAJOR = {
  findings: [
    '夜间摔倒，邻居发现后送医',
    '突发脑梗，已住院治疗',
    '老伴去世，情绪低落',
    '因肺部感染住院',
    '家中燃气泄漏，及时处置，无人员受伤',
  ],
  needs: ['住院期间需要人陪护', '需要心理疏导', '出院后需要送餐和护理'],
  followUp: ['已通知子女；24小时内回访', '联系社工上门心理疏导', '协调邻居和志愿者轮流照看'],
  after: ['已出院回家，恢复情况良好', '情绪有所好转，子女已回家陪伴', '已安排护工照料，生活有人照应'],
};

const MODES: (readonly [VisitMode, number])[] = [
  ['home', 60],
  ['phone', 20],
  ['video', 7],
  ['paired', 10],
  ['third_party', 3],
];

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
/** An instant on a Shanghai calendar date, `minutes` after midnight there. */
const at = (date: string, minutes: number) =>
  new Date(Date.parse(startOfShanghaiDay(date)) + minutes * 60_000).toISOString();
/** The date someone turns `age` (a 29 February birthday falls on 28 February in common years). */
const birthday = (birthDate: string, age: number) => {
  const year = Number(birthDate.slice(0, 4)) + age;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDay = birthDate.slice(5) === '02-29' && !leap ? '02-28' : birthDate.slice(5);
  return `${year}-${monthDay}`;
};

/** The visit rule's interval for tag codes (the catalog's intervals, weekly for 80+ alone or empty nest). */
const intervalOf = (codes: string[], intervals: Map<string, number>, age: number) =>
  careInterval(
    codes.map((code) => ({ code, visit_interval_days: intervals.get(code) ?? Number.POSITIVE_INFINITY })),
    age,
  );

export function planCare(
  rng: Random,
  now: Date,
  today: string,
  people: People,
  intervals: Map<string, number>,
): Map<number, Care> {
  const care = new Map<number, Care>();
  const taken = new Set<number>();
  const chosenHouseholds = new Set<number>();
  const elder = people.persons.findIndex((p) => p.name === DEMO_ELDER.name);
  if (elder < 0) throw new Error('planCare: the elder is missing');

  for (let grid = 1; grid <= GRID_COUNT; grid++) {
    const worker = GRID_WORKERS[grid - 1] ?? '';
    const residents = people.persons.flatMap((p, i) =>
      p.grid === grid && p.status === 'resident' ? [i] : [],
    );
    const counts = PROFILES.map((p) => p.min);
    // 王彤 keeps "20-odd" besides 潘阿姨 (the seed page).
    const target = rng.int(grid === 1 ? 22 : 20, 26);
    while (counts.reduce((a, b) => a + b, 0) < target) {
      const open = PROFILES.flatMap((p, i) => ((counts[i] ?? 0) < p.max ? [i] : []));
      if (open.length === 0) break;
      const i = rng.pick(open);
      counts[i] = (counts[i] ?? 0) + 1;
    }
    const chosen: { person: number; profile: Profile }[] = [];
    PROFILES.forEach((profile, i) => {
      let wanted = counts[i] ?? 0;
      if (grid === 1 && i === 0) {
        chosen.push({ person: elder, profile });
        taken.add(elder);
        wanted--;
      }
      const pool = rng.shuffle(
        residents.filter((r) => {
          const p = people.persons[r] as Person;
          const hh = people.households[p.household] as PlannedHousehold;
          // One of an empty-nest couple is enough: the visit is to both.
          return (
            !taken.has(r) && !(hh.kind === 'nest' && chosenHouseholds.has(p.household)) && profile.pool(p, hh)
          );
        }),
      );
      for (const r of pool.slice(0, Math.max(0, wanted))) {
        chosen.push({ person: r, profile });
        taken.add(r);
        chosenHouseholds.add((people.persons[r] as Person).household);
      }
    });

    // Which are overdue today (about one in eight) and which fall due today: 潘阿姨 is one of
    // the overdue in grid 001, with only two others, so that she is near the top of the list.
    const others = rng.shuffle(chosen.filter((c) => c.person !== elder));
    const overdue = grid === 1 ? 2 : Math.round(chosen.length * (0.1 + rng.next() * 0.06));
    const dueToday = grid === 1 ? 1 : rng.chance(0.5) ? 1 : 0;
    others.forEach(({ person, profile }, k) => {
      const p = people.persons[person] as Person;
      const state = k < overdue ? 'overdue' : k < overdue + dueToday ? 'due_today' : 'on_time';
      // Visits draw from a stream of their own: how many fit in six months varies by a day or
      // so with the calendar, and must not reshuffle everyone planned after.
      const visitRng = new Random(Math.imul(person + 1, 0x9e3779b1));
      care.set(person, planOne(rng, visitRng, now, today, p, profile, intervals, worker, grid, state));
    });
  }
  care.set(elder, planElder(rng, now, today, people.persons[elder] as Person, intervals));
  addMajorChanges(new Random(MAJOR_CHANGE_SEED), care, people);
  return care;
}

function tagsFor(rng: Random, today: string, p: Person, codes: string[], worker: string): PlannedTag[] {
  return codes.map((code) => {
    const start = TAG_START[code] ?? { reasons: [''], days: [120, 365] };
    let startedOn = addDays(today, -rng.int(start.days[0], start.days[1]));
    if (code === 'advanced_age') startedOn = birthday(p.birthDate, HIGH_RISK_AGE);
    // A child's circumstances are noted from their first year on at the earliest.
    if (startedOn < addDays(p.birthDate, 365)) startedOn = addDays(p.birthDate, 365);
    return {
      code,
      startedOn,
      reason: rng.pick(start.reasons),
      taggedByName: rng.chance(0.8) ? `网格员 ${worker}` : rng.pick(COMMUNITY_STAFF),
      createdAt: at(startedOn, rng.int(9 * 60, 17 * 60)),
    };
  });
}

function visit(rng: Random, date: string, texts: Texts, worker: string, grid: number): PlannedVisit {
  const pool = TEXTS[texts];
  const mode = rng.weighted(MODES);
  return {
    visitedAt: at(date, rng.int(9 * 60, 17 * 60 + 30)),
    mode,
    findings: `${mode === 'paired' ? `（与${rng.pick(COMMUNITY_STAFF)}结对走访）` : ''}${rng.pick(pool.findings)}`,
    needs: rng.chance(0.7) ? rng.pick(pool.needs) : null,
    followUp: rng.chance(0.85) ? rng.pick(pool.followUp) : null,
    majorChange: false,
    visitorName: worker,
    byGridAccount: grid === 1,
  };
}

function finish(tags: PlannedTag[], visits: PlannedVisit[], intervalDays: number): Care {
  visits.sort((a, b) => a.visitedAt.localeCompare(b.visitedAt));
  const last = visits[visits.length - 1];
  if (!last) throw new Error('planCare: someone cared for without visits');
  const caredSince = tags.map((t) => t.startedOn).sort()[0] ?? null;
  const dueAt = nextVisitDue({
    intervalDays,
    lastVisit: { visitedAt: last.visitedAt, majorChange: last.majorChange },
    caredSince,
  });
  if (dueAt === null) throw new Error('planCare: no due date');
  return { tags, visits, intervalDays, lastVisitAt: last.visitedAt, dueAt };
}

function planOne(
  rng: Random,
  visitRng: Random,
  now: Date,
  today: string,
  p: Person,
  profile: Profile,
  intervals: Map<string, number>,
  worker: string,
  grid: number,
  state: 'overdue' | 'due_today' | 'on_time',
): Care {
  const tags = tagsFor(rng, today, p, profile.tags(rng, p), worker);
  const interval = intervalOf(
    tags.map((t) => t.code),
    intervals,
    p.age,
  );
  if (interval === null) throw new Error('planCare: a key person without an interval');
  // The last visit, in days before today: "weekly" is due by the end of the 7th day after it.
  const last =
    state === 'overdue'
      ? interval + rng.int(1, Math.min(interval, 10))
      : state === 'due_today'
        ? interval
        : rng.int(1, interval - 1);
  const caredSince = tags.map((t) => t.startedOn).sort()[0] ?? today;
  const horizon = Math.min(183, daysBetween(caredSince, today));
  const visits: PlannedVisit[] = [];
  for (let d = last; d <= Math.max(horizon, last); ) {
    visits.push(visit(visitRng, addDays(today, -d), profile.texts, worker, grid));
    d += interval <= 7 ? visitRng.int(5, 7) : visitRng.int(Math.round(interval * 0.6), interval);
  }
  const result = finish(tags, visits, interval);
  // Only midnight itself could make these disagree (due at 00:00 is not yet overdue then).
  const late = state === 'overdue' ? result.dueAt > now.toISOString() : result.dueAt < now.toISOString();
  if (late) throw new Error(`planCare: ${p.name} should be ${state}`);
  return result;
}

/**
 * 潘阿姨's story: weekly visits while she lived alone at 83; a fall 16 days ago (hip fracture,
 * hospital: a major change), a visit within 24 hours, visits after her discharge two weeks ago,
 * the latest 8 days ago. Weekly, she was due by the end of yesterday: overdue today.
 */
function planElder(rng: Random, now: Date, today: string, p: Person, intervals: Map<string, number>): Care {
  const worker = GRID_WORKERS[0] ?? '';
  const tags: PlannedTag[] = [
    { code: 'living_alone', startedOn: addDays(today, -1100), reason: '老伴去世后独居，女儿在西安工作' },
    { code: 'advanced_age', startedOn: birthday(p.birthDate, HIGH_RISK_AGE), reason: '年满80周岁' },
    {
      code: 'disabled_care',
      startedOn: addDays(today, -14),
      reason: '髋部骨折术后出院，行动不便，生活部分不能自理',
    },
  ].map((t) => ({ ...t, taggedByName: `网格员 ${worker}`, createdAt: at(t.startedOn, 16 * 60) }));
  const interval = intervalOf(
    tags.map((t) => t.code),
    intervals,
    p.age,
  );
  if (interval !== HIGH_RISK_INTERVAL_DAYS) throw new Error('planCare: the elder should be visited weekly');
  const visits: PlannedVisit[] = [];
  for (let d = 23; d <= 180; d += rng.int(6, 7))
    visits.push(visit(rng, addDays(today, -d), 'elderly', worker, 1));
  const story = (
    days: number,
    minutes: number,
    mode: VisitMode,
    findings: string,
    needs: string | null,
    followUp: string,
    majorChange = false,
  ) =>
    visits.push({
      visitedAt: at(addDays(today, -days), minutes),
      mode,
      findings,
      needs,
      followUp,
      majorChange,
      visitorName: worker,
      byGridAccount: true,
    });
  story(
    16,
    15 * 60 + 20,
    'paired',
    '摔倒致髋部骨折，已送医住院',
    '住院期间需有人陪护，女儿正从西安赶回',
    '联系其女儿；请邻居帮忙照看房屋；出院后上门随访',
    true,
  );
  story(
    15,
    10 * 60,
    'phone',
    '电话联系其女儿：手术顺利，术后恢复中',
    '出院后需要有人照料起居',
    '出院当天上门',
  );
  story(
    13,
    14 * 60 + 30,
    'home',
    '已出院回家休养，术后需卧床，可扶助行器短距离行走',
    '行动不便，吃饭靠邻居帮忙，需要送餐上门',
    '联系社区长者食堂每日送餐；申请居家养老上门服务',
  );
  story(
    8,
    10 * 60 + 40,
    'home',
    '伤口恢复良好，可扶助行器在室内活动，情绪稳定',
    '行动不便，吃饭靠邻居帮忙，需要送餐上门；希望有人帮忙取药',
    '长者食堂已开始送午餐；下周复访',
  );
  const result = finish(tags, visits, interval);
  if (result.dueAt > now.toISOString()) throw new Error('planCare: the elder should be overdue');
  return result;
}

/** A few major changes in past histories, each followed by a visit within 24 hours. */
function addMajorChanges(rng: Random, care: Map<number, Care>, people: People) {
  const candidates = rng.shuffle(
    [...care.entries()].filter(
      ([person, c]) =>
        (people.persons[person] as Person).age >= 60 &&
        c.visits.length >= 3 &&
        !c.visits.some((v) => v.majorChange),
    ),
  );
  for (const [, c] of candidates.slice(0, 8)) {
    // Never the latest visit: the due dates above stay as they are.
    const target = c.visits[rng.int(0, c.visits.length - 3)] as PlannedVisit;
    target.majorChange = true;
    target.findings = rng.pick(MAJOR.findings);
    target.needs = rng.pick(MAJOR.needs);
    target.followUp = rng.pick(MAJOR.followUp);
    c.visits.push({
      ...target,
      visitedAt: new Date(Date.parse(target.visitedAt) + rng.int(3, 20) * 3_600_000).toISOString(),
      mode: rng.chance(0.5) ? 'home' : 'phone',
      findings: `重大变化后回访：${rng.pick(MAJOR.after)}`,
      needs: null,
      followUp: '恢复正常走访频次',
      majorChange: false,
    });
    c.visits.sort((a, b) => a.visitedAt.localeCompare(b.visitedAt));
  }
}
