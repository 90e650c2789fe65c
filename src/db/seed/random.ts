import { creditCodeCheckCharacter } from '../../platform/identifiers/credit-code.js';
import { checkCharacter } from '../../platform/identifiers/id-number.js';

/**
 * Seeded pseudo-random numbers for the generators (demo, district): the same seed gives the
 * same people on every machine. mulberry32: tiny, fast, and plenty for synthetic data (never for
 * anything secret).
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: no items');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of the values, each as likely as its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /** Shuffles in place (Fisher–Yates) and returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

// ---- Synthetic identities: valid in form (DOMAIN.md, Identifiers), unique within `taken`. ----

/**
 * A 居民身份证号 (GB 11643) for someone born on `birthDate` (YYYY-MM-DD): the sequence is odd for
 * men and even for women, the check character is computed. `taken` holds the first 17 digits
 * already used, so that no two people share a number.
 */
export function syntheticIdNumber(
  rng: Random,
  addressCode: string,
  birthDate: string,
  gender: 'male' | 'female',
  taken: Set<string>,
): string {
  const stem = `${addressCode}${birthDate.replaceAll('-', '')}`;
  for (let attempt = 0; ; attempt++) {
    // About 500 numbers per address, birth date and gender: fail loudly rather than loop forever.
    if (attempt > 5000) throw new Error(`no ID numbers left for ${addressCode} ${birthDate} ${gender}`);
    // 001–999 for men (odd), 002–998 for women (even): never 000.
    const sequence = gender === 'male' ? rng.int(0, 499) * 2 + 1 : rng.int(1, 499) * 2;
    const first17 = `${stem}${String(sequence).padStart(3, '0')}`;
    if (taken.has(first17)) continue;
    taken.add(first17);
    return `${first17}${checkCharacter(first17)}`;
  }
}

// biome-ignore format: a table
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155',
  '156', '157', '158', '159', '166', '173', '176', '177', '180', '181', '182', '183', '185', '186',
  '187', '188', '189', '191', '198', '199',
];

/** An 11-digit mainland mobile number not in `taken` (which it joins). */
export function syntheticMobile(rng: Random, taken: Set<string>): string {
  for (;;) {
    const phone = `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    if (taken.has(phone)) continue;
    taken.add(phone);
    return phone;
  }
}

/** The GB 32100 character set: digits and capitals without I, O, S, V, Z. */
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character organisation code body (letters count 10–35). */
function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i] ?? '0';
    const value = c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * A 统一社会信用代码 (GB 32100): `head` is the registering authority, the kind and the 6-digit
 * division (e.g. `91620105`: 工商, enterprise, 安宁区), then a 9-character organisation code
 * (GB 11714, `MA…` as issued since 2015, or 8 digits for older bodies) and the check character.
 */
export function syntheticCreditCode(rng: Random, head: string, taken: Set<string>): string {
  for (;;) {
    let body = '';
    if (rng.chance(0.75)) {
      body = `MA7${rng.int(1, 4)}`;
      while (body.length < 8) body += rng.pick([...CREDIT_CHARSET]);
    } else {
      body = String(rng.int(10_000_000, 99_999_999));
    }
    const first17 = `${head}${body}${orgCodeCheck(body)}`;
    const code = `${first17}${creditCodeCheckCharacter(first17)}`;
    if (taken.has(code)) continue;
    taken.add(code);
    return code;
  }
}

// ---- Names ----

/** Common surnames, most common first (马 moved up: Lanzhou has many Hui families). */
const SURNAMES = [
  ...'王李张刘陈马杨赵黄周吴徐孙朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const SURNAME_WEIGHTS = SURNAMES.map((s, i) => [s, 1 / (i + 4)] as const);

export const randomSurname = (rng: Random) => rng.weighted(SURNAME_WEIGHTS);

/** Given names by generation: the names of people born before 1960 differ from their grandchildren's. */
const OLD_MALE = [
  ...'建国 建军 国强 国华 志强 志刚 德明 德福 福林 春生 长林 永祥 振华 宝山 学文 文清 玉林 占林 万福 金山 立新 卫东 援朝 庆丰 守仁 树林 兴旺 有才 成林 家骏 世荣 耀先 广田 登科 文斌 俊德 永强 秉义 正明 满仓'.split(
    ' ',
  ),
];
const OLD_FEMALE = [
  ...'秀兰 桂英 玉兰 淑珍 凤英 秀英 桂兰 秀珍 玉珍 翠兰 兰英 凤兰 秀芳 金兰 玉梅 桂芳 淑英 素珍 月英 春兰 玉华 秀云 彩霞 菊花 冬梅 雪梅 淑兰 桂珍 玉琴 凤琴 爱华 美兰 翠英 秀梅 春梅 巧云 福英 惠珍'.split(
    ' ',
  ),
];
const MIDDLE_MALE_FIRST = [...'建志国海红晓文永学立宏振明春新卫金俊世德'];
const MIDDLE_MALE = [...'伟军强勇磊涛斌刚波辉鹏杰峰宏海明亮平东健林兵华超凯文忠荣'];
const MIDDLE_FEMALE_FIRST = [...'丽晓红小秀春海玉雪美金亚慧淑'];
const MIDDLE_FEMALE = [...'丽娟敏静燕艳芳霞玲红梅琴萍英华莉丹慧洁云霞蓉'];
const YOUNG_MALE = [...'浩宇鑫博晨阳轩昊俊杰涛帅强凯鹏飞超旭洋磊斌龙锐鹏毅文'];
const YOUNG_FEMALE = [...'婷雪欣佳悦琪璐瑶倩颖楠晶媛娜雨萌蕾洁薇蓉琳丹怡'];
const CHILD_MALE = [
  ...'子轩 浩然 宇轩 梓豪 俊熙 一鸣 沐宸 皓轩 博文 子墨 奕辰 铭泽 天佑 思远 宇航 嘉懿 煜城 锦程 明哲 睿泽 浩宇 子豪 昊天 俊杰 佳乐 家豪 承泽 景行'.split(
    ' ',
  ),
];
const CHILD_FEMALE = [
  ...'梓涵 欣怡 语桐 诗涵 雨萱 可馨 思琪 一诺 若汐 芷若 梦琪 佳怡 子涵 依诺 紫萱 欣妍 雨桐 梓萱 思雨 佳琪 嘉怡 沐瑶 语嫣 安琪 书瑶 晨曦 若曦 语彤'.split(
    ' ',
  ),
];

/**
 * A plausible given name for someone of `age`: 秀兰 and 建国 were born before the 1960s, 梓涵 and
 * 子轩 after 2008. By age rather than birth year, so that a generator run on another day or year
 * names the same people the same way.
 */
export function givenName(rng: Random, gender: 'male' | 'female', age: number): string {
  const male = gender === 'male';
  if (age >= 64) return rng.pick(male ? OLD_MALE : OLD_FEMALE);
  if (age >= 40) {
    if (rng.chance(0.3)) return rng.pick(male ? MIDDLE_MALE : MIDDLE_FEMALE);
    return (
      rng.pick(male ? MIDDLE_MALE_FIRST : MIDDLE_FEMALE_FIRST) + rng.pick(male ? MIDDLE_MALE : MIDDLE_FEMALE)
    );
  }
  if (age >= 18) {
    const pool = male ? YOUNG_MALE : YOUNG_FEMALE;
    return rng.chance(0.2) ? rng.pick(pool) : rng.pick(pool) + rng.pick(pool);
  }
  return rng.pick(male ? CHILD_MALE : CHILD_FEMALE);
}
