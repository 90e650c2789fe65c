import type {
  Gender,
  Hukou,
  Political,
  Relation,
  ResidentStatus,
} from '../../modules/registry/registry.vocabulary.js';
import { addDays } from '../../platform/clock.js';
import { givenName, type Random, randomSurname, syntheticIdNumber, syntheticMobile } from './random.js';
import type { Places } from './registry-demo.places.js';

/**
 * The residents of the 枣林西社区 demo: ~11,000 people in households of one to five, with the age
 * pyramid of an old Lanzhou neighbourhood (factory 家属院 from the 1980s: about 22% aged 60 and
 * over, 4% 80 and over), mostly local 户籍, and synthetic but valid ID and mobile numbers.
 */
export const TARGET_RESIDENTS = 11_000;

/** 潘阿姨 of the seed page: 83, living alone in 枣林西苑 since her husband died. */
export const DEMO_ELDER = {
  name: '潘秀兰',
  age: 83,
  estate: '枣林西苑',
  building: '3号楼',
  unit: '1单元',
  room: '201',
};

export type HouseholdKind =
  | 'alone'
  | 'nest'
  | 'elder_with_child'
  | 'three_gen'
  | 'grandparents'
  | 'family'
  | 'couple'
  | 'single'
  | 'adult_child';

export interface PlannedHousehold {
  house: number;
  grid: number;
  number: string;
  kind: HouseholdKind;
  /** Grandchildren live with their grandparents while the parents work elsewhere (留守). */
  parentsAway: boolean;
  note: string | null;
  members: number[];
}

export interface Person {
  household: number;
  house: number;
  grid: number;
  relation: Relation;
  name: string;
  gender: Gender;
  birthDate: string;
  age: number;
  hukou: Hukou;
  status: ResidentStatus;
  political: Political | null;
  work: string | null;
  moveIn: string | null;
  moveOut: string | null;
  note: string | null;
  idNumber: string;
  phone: string | null;
}

export interface People {
  households: PlannedHousehold[];
  persons: Person[];
}

interface Member {
  relation: Relation;
  age: number;
  gender: Gender;
  surname: string;
}

// Household kinds and their share of households, tuned so that the whole matches the pyramid.
const KINDS: [HouseholdKind, number][] = [
  ['alone', 7.5],
  ['nest', 11.5],
  ['elder_with_child', 5],
  ['three_gen', 7],
  ['grandparents', 5.5],
  ['family', 31],
  ['couple', 13],
  ['single', 12.5],
  ['adult_child', 7],
];
/** Chance that a household of the kind is registered elsewhere (外来务工, renters). */
const NONLOCAL: Record<HouseholdKind, number> = {
  alone: 0.02,
  nest: 0.02,
  elder_with_child: 0.03,
  three_gen: 0.06,
  grandparents: 0.06,
  family: 0.2,
  couple: 0.27,
  single: 0.38,
  adult_child: 0.08,
};

const band = (rng: Random, bands: [number, number, number][]) => {
  const [min, max] = rng.weighted(bands.map((b) => [b, b[2]] as const));
  return rng.int(min, max);
};

function compose(rng: Random, kind: HouseholdKind): { members: Member[]; parentsAway: boolean } {
  const members: Member[] = [];
  const family = randomSurname(rng);
  const sex = (male: number): Gender => (rng.chance(male) ? 'male' : 'female');
  const person = (relation: Relation, age: number, gender: Gender, surname = family) =>
    members.push({ relation, age, gender, surname });
  const couple = (age: number, manIsHead = rng.chance(0.8)) => {
    const man: Member = { relation: 'self', age, gender: 'male', surname: family };
    const woman: Member = {
      relation: 'self',
      age: Math.max(20, age - rng.int(-2, 5)),
      gender: 'female',
      surname: randomSurname(rng),
    };
    members.push({ ...(manIsHead ? man : woman) }, { ...(manIsHead ? woman : man), relation: 'spouse' });
  };
  const children = (parentAge: number, n: number, relation: Relation = 'child') => {
    for (let i = 0; i < n; i++) {
      const age = parentAge - rng.int(23, 34);
      if (age >= 0) person(relation, age, sex(0.51), rng.chance(0.95) ? family : randomSurname(rng));
    }
  };
  let parentsAway = false;
  switch (kind) {
    case 'alone':
      // Widows outlive widowers: most people living alone at this age are women.
      // biome-ignore format: a table
      person('self', band(rng, [[60, 69, 30], [70, 79, 40], [80, 96, 30]]), sex(0.3));
      break;
    case 'nest':
      // biome-ignore format: a table
      couple(band(rng, [[60, 69, 42], [70, 79, 42], [80, 93, 16]]));
      break;
    case 'elder_with_child': {
      // biome-ignore format: a table
      const age = band(rng, [[65, 79, 62], [80, 94, 38]]);
      if (rng.chance(0.5)) couple(age);
      else person('self', age, sex(0.3));
      person('child', Math.max(28, age - rng.int(25, 33)), sex(0.55));
      break;
    }
    case 'three_gen': {
      const age = rng.int(36, 58);
      couple(age, true);
      children(age, rng.chance(0.7) ? 1 : 2);
      const parentAge = Math.max(62, age + rng.int(24, 32));
      if (rng.chance(0.3)) {
        person('parent', parentAge, 'male');
        person('parent', Math.max(60, parentAge - rng.int(0, 4)), 'female', randomSurname(rng));
      } else {
        const gender = sex(0.35);
        person('parent', parentAge, gender, gender === 'male' ? family : randomSurname(rng));
      }
      break;
    }
    case 'grandparents': {
      // biome-ignore format: a table
      const age = band(rng, [[56, 64, 45], [65, 76, 55]]);
      if (rng.chance(0.85)) couple(age);
      else person('self', age, sex(0.3));
      parentsAway = rng.chance(0.55);
      if (!parentsAway) {
        person('child', age - rng.int(24, 32), sex(0.55));
        if (rng.chance(0.7)) person('child_in_law', age - rng.int(24, 32), sex(0.5), randomSurname(rng));
      }
      for (let i = rng.chance(0.35) ? 2 : 1; i > 0; i--) person('grandchild', rng.int(1, 15), sex(0.51));
      break;
    }
    case 'family': {
      // biome-ignore format: a table
      const age = band(rng, [[26, 34, 35], [35, 44, 40], [45, 52, 25]]);
      couple(age);
      // biome-ignore format: a table
      const n = rng.weighted([[1, 60], [2, 35], [3, 5]] as const);
      for (let i = 0; i < n; i++) person('child', rng.int(0, Math.min(age - 22, 24)), sex(0.51));
      break;
    }
    case 'couple':
      couple(rng.chance(0.5) ? rng.int(22, 34) : rng.int(48, 66));
      break;
    case 'single':
      // biome-ignore format: a table
      person('self', band(rng, [[19, 29, 50], [30, 44, 30], [45, 59, 20]]), sex(0.55));
      break;
    case 'adult_child': {
      const age = rng.int(44, 62);
      couple(age);
      person('child', rng.int(18, Math.min(32, age - 20)), sex(0.5));
      break;
    }
  }
  return { members, parentsAway };
}

// 户籍 address codes: most locals were born in 安宁区; people keep the code of their birthplace.
// biome-ignore format: a table
const LOCAL_CODES: [string, number][] = [
  ['620105', 80], ['620102', 5], ['620103', 4], ['620104', 3], ['620111', 1], ['620121', 3],
  ['620122', 2], ['620123', 2],
];
// biome-ignore format: a table
const NONLOCAL_CODES: [string, number][] = [
  ['621102', 12], ['622921', 10], ['620502', 8], ['620602', 7], ['621202', 6], ['620402', 6],
  ['621121', 5], ['622201', 5], ['410102', 4], ['610102', 4], ['640104', 4], ['632123', 3],
  ['510104', 3], ['130402', 2],
];

const SCHOOLS = ['枣林西路小学', '西路小学', '银滩路小学'];
const KINDERGARTENS = ['安宁区第三幼儿园', '西路街道中心幼儿园', '小太阳幼儿园', '金苹果幼儿园'];
const MIDDLE_SCHOOLS = ['兰州市第八十四中学', '兰州市第五十八中学', '兰州市第二十七中学'];
const UNIVERSITIES = ['西北师范大学', '兰州交通大学', '兰州大学', '兰州理工大学', '甘肃政法大学'];
// biome-ignore format: a table
const JOBS = [
  '兰州石化公司 技术员', '物流公司 司机', '个体经营（餐饮）', '外卖骑手', '快递员', '西北师范大学 教师',
  '兰州交通大学 职工', '安宁区人民医院 护士', '超市 收银员', '建筑工地 务工', '出租车司机', '自由职业',
  '银行 职员', '小区保安', '家政服务员', '公务员', '中学教师', '软件公司 工程师', '牛肉面馆 厨师',
  '物业公司 维修工', '灵活就业', '个体经营（小卖部）', '房产中介', '汽车修理工', '电商客服', '幼儿园 教师',
  '会计', '装修工人', '社区工作者', '药店 店员',
];
const FORMER_EMPLOYERS = [
  '兰州长风机器厂',
  '万里机电厂',
  '兰石厂',
  '兰州第二毛纺厂',
  '西北师范大学',
  '安宁区供销社',
  '兰州铁路局',
];
const LEFT_NOTES = ['在外地上大学', '外出务工（西安）', '随子女到外地居住', '在深圳工作', '外出务工（新疆）'];

function workOf(rng: Random, age: number, gender: Gender): string | null {
  if (age < 3) return null;
  if (age < 6) return `${rng.pick(KINDERGARTENS)} 在园`;
  if (age < 12) return `${rng.pick(SCHOOLS)} 学生`;
  if (age < 18) return `${rng.pick(MIDDLE_SCHOOLS)} 学生`;
  if (age < 22 && rng.chance(0.6)) return `${rng.pick(UNIVERSITIES)} 学生`;
  // Men retire at 60, women at 50 or 55 (the rules most of these people retired under).
  if (age >= (gender === 'male' ? 60 : 55))
    return rng.chance(0.6) ? `退休（原${rng.pick(FORMER_EMPLOYERS)}职工）` : '退休';
  return rng.chance(0.75) ? rng.pick(JOBS) : null;
}

function politicalOf(rng: Random, age: number): Political | null {
  if (age < 14) return null;
  if (age <= 28 && rng.chance(0.4)) return 'league_member';
  const party = age >= 60 ? 0.14 : age >= 35 ? 0.09 : 0.06;
  const r = rng.next();
  if (r < party) return 'party_member';
  if (r < party + 0.005 && age < 40) return 'probationary';
  if (r > 0.997) return 'democratic_party';
  return 'masses';
}

/** A birth date that makes someone exactly `age` today (Asia/Shanghai calendar dates). */
export function birthDateForAge(rng: Random, today: string, age: number, daysPastBirthday?: number) {
  const [y, m, d] = today.split('-') as [string, string, string];
  const anchor = `${String(Number(y) - age).padStart(4, '0')}-${m}-${m === '02' && d === '29' ? '28' : d}`;
  return addDays(anchor, -(daysPastBirthday ?? rng.int(0, 364)));
}

export function planPeople(rng: Random, today: string, places: Places, phones: Set<string>): People {
  const people: People = { households: [], persons: [] };
  const idTaken = new Set<string>();
  const perGrid = new Map<number, number>();
  const elderHouse = places.houses.findIndex((h) => {
    const b = places.buildings[h.building];
    return (
      b !== undefined &&
      places.estates[b.estate]?.name === DEMO_ELDER.estate &&
      b.number === DEMO_ELDER.building &&
      h.unit === DEMO_ELDER.unit &&
      h.room === DEMO_ELDER.room
    );
  });
  if (elderHouse < 0) throw new Error('planPeople: the elder’s house is missing');
  const others = places.houses.flatMap((h, i) => (h.use === 'residential' && i !== elderHouse ? [i] : []));
  const houses = [elderHouse, ...rng.shuffle(others)];

  const addPerson = (household: number, member: Member, hukou: Hukou, fields: Partial<Person> = {}) => {
    const hh = people.households[household];
    if (!hh) throw new Error('planPeople: no household');
    const birthDate = fields.birthDate ?? birthDateForAge(rng, today, member.age);
    let name = fields.name;
    while (!name || (name === DEMO_ELDER.name && fields.name === undefined))
      name = member.surname + givenName(rng, member.gender, member.age);
    const age = member.age;
    const code = rng.weighted(hukou === 'local' ? LOCAL_CODES : NONLOCAL_CODES);
    let status: ResidentStatus = 'resident';
    let moveOut: string | null = null;
    let note: string | null = null;
    if (hukou === 'nonlocal') status = rng.chance(0.7) ? 'temporary' : 'resident';
    else if (age >= 18 && member.relation !== 'self' && fields.status === undefined) {
      const r = rng.next();
      if (r < (member.relation === 'child' && age <= 30 ? 0.1 : 0.025)) {
        status = 'left';
        moveOut = addDays(today, -rng.int(30, 900));
        note = rng.pick(LEFT_NOTES);
      } else if (r > 0.97) status = 'registered_only';
    }
    const phoneChance = age >= 80 ? 0.55 : age >= 60 ? 0.85 : age >= 18 ? 0.93 : age >= 14 ? 0.4 : 0;
    let moveIn: string | null = null;
    if (hukou === 'nonlocal') moveIn = addDays(today, -rng.int(60, 2200));
    else if (rng.chance(0.4)) moveIn = addDays(today, -rng.int(30, 365 * 35));
    if (moveIn !== null && moveIn < birthDate) moveIn = birthDate;
    const person: Person = {
      household,
      house: hh.house,
      grid: hh.grid,
      relation: member.relation,
      name,
      gender: member.gender,
      birthDate,
      age,
      hukou,
      status,
      political: politicalOf(rng, age),
      work: workOf(rng, age, member.gender),
      moveIn,
      moveOut,
      note,
      phone: rng.chance(phoneChance) ? syntheticMobile(rng, phones) : null,
      ...fields,
      idNumber: fields.idNumber ?? syntheticIdNumber(rng, code, birthDate, member.gender, idTaken),
    };
    hh.members.push(people.persons.length);
    people.persons.push(person);
  };

  const addHousehold = (house: number, kind: HouseholdKind, parentsAway: boolean) => {
    const grid = places.houses[house]?.grid ?? 1;
    const seq = (perGrid.get(grid) ?? 0) + 1;
    perGrid.set(grid, seq);
    const note =
      kind === 'alone'
        ? '独居'
        : kind === 'nest'
          ? '空巢，子女在外地'
          : parentsAway
            ? '父母在外务工，祖辈照料孙辈'
            : null;
    people.households.push({
      house,
      grid,
      number: `${String(grid).padStart(3, '0')}${String(seq).padStart(4, '0')}`,
      kind,
      parentsAway,
      note,
      members: [],
    });
    return people.households.length - 1;
  };

  // 潘阿姨 first, fixed: the browser tests and the story rely on her.
  const elderBirth = birthDateForAge(rng, today, DEMO_ELDER.age, 97);
  addPerson(
    addHousehold(elderHouse, 'alone', false),
    { relation: 'self', age: DEMO_ELDER.age, gender: 'female', surname: '潘' },
    'local',
    {
      name: DEMO_ELDER.name,
      birthDate: elderBirth,
      idNumber: syntheticIdNumber(rng, '620105', elderBirth, 'female', idTaken),
      // Her daughter in 西安 calls her every evening.
      phone: syntheticMobile(rng, phones),
      status: 'resident',
      political: 'masses',
      work: '退休（原兰州长风机器厂职工）',
      moveIn: addDays(today, -9800),
      moveOut: null,
      note: '老伴已去世，女儿在西安工作',
    },
  );

  for (const house of houses.slice(1)) {
    if (people.persons.length >= TARGET_RESIDENTS) break;
    const kind = rng.weighted(KINDS);
    const { members, parentsAway } = compose(rng, kind);
    const hukou: Hukou = rng.chance(NONLOCAL[kind]) ? 'nonlocal' : 'local';
    const household = addHousehold(house, kind, parentsAway);
    for (const member of members) addPerson(household, member, hukou);
  }
  return people;
}
