import type { BuildingKind, HouseUse } from '../../modules/registry/registry.vocabulary.js';
import { type Random, randomSurname, syntheticCreditCode, syntheticMobile } from './random.js';

/**
 * The places of the 枣林西社区 demo (安宁区, Lanzhou): 14 estates over the 8 grids, their
 * buildings and houses, and 160 organisations and 240 shops. Coordinates are WGS-84 around the
 * community (lat 36.100–36.112, lng 103.710–103.730); each estate clusters around its centre.
 */
export const DEMO_COMMUNITY = '620105002009';
export const GRID_COUNT = 8;
export const gridCode = (grid: number) => `${DEMO_COMMUNITY}${String(grid).padStart(3, '0')}`;

/** count × (floors, units, rooms per floor per unit); `mixed` has shops on the ground floor. */
type Block = [count: number, floors: number, units: number, rooms: number, kind?: BuildingKind];

interface EstateSpec {
  name: string;
  grid: number;
  road: string;
  door: number;
  lat: number;
  lng: number;
  /** Flat sizes in m² (old 家属院 are small, new high-rises large). */
  area: [number, number];
  blocks: Block[];
}

/** The elder's estate comes first: she lives in 枣林西苑 3号楼 (see registry-demo.care.ts). */
// biome-ignore format: a table
const ESTATES: EstateSpec[] = [
  estate('枣林西苑', 1, '枣林西路', 128, 36.1098, 103.7122, [55, 95], [10, 6, 3, 2], [1, 7, 2, 2, 'mixed'], [1, 2, 1, 8, 'commercial']),
  estate('枣林北里', 1, '枣林西路', 96, 36.1076, 103.7133, [50, 90], [8, 6, 2, 2], [2, 11, 2, 3]),
  estate('西路家属院', 2, '安宁西路', 412, 36.11, 103.7172, [45, 80], [10, 6, 3, 2], [1, 7, 3, 2, 'mixed']),
  estate('万里厂家属院', 2, '万新路', 37, 36.1077, 103.7178, [45, 78], [12, 6, 2, 2], [2, 7, 2, 2]),
  estate('长风厂家属院', 3, '安宁西路', 356, 36.1097, 103.7222, [48, 85], [10, 7, 3, 2], [1, 7, 3, 2, 'mixed']),
  estate('刘家堡小区', 3, '建宁西路', 15, 36.1074, 103.7228, [52, 92], [6, 6, 2, 2], [1, 3, 1, 8, 'commercial']),
  estate('桃林苑', 4, '银安路', 88, 36.1098, 103.7272, [78, 135], [3, 18, 2, 3], [1, 2, 1, 10, 'commercial']),
  estate('安宁花园', 4, '银安路', 120, 36.1075, 103.7276, [72, 128], [8, 11, 2, 3]),
  estate('银滩小区', 5, '北滨河西路', 1302, 36.1043, 103.7123, [55, 98], [10, 6, 3, 2], [1, 6, 2, 2, 'mixed']),
  estate('滨河雅居', 5, '北滨河西路', 1288, 36.102, 103.713, [85, 140], [2, 33, 2, 4]),
  estate('金安嘉园', 6, '万新路', 65, 36.1042, 103.7174, [80, 138], [3, 24, 2, 3], [1, 3, 1, 8, 'commercial']),
  estate('师大北村', 6, '安宁东路', 945, 36.1021, 103.7178, [50, 88], [9, 6, 2, 2]),
  estate('交大东苑', 7, '安宁西路', 288, 36.1032, 103.7225, [75, 130], [4, 18, 2, 3], [1, 11, 2, 3, 'mixed']),
  estate('兰石厂家属院', 8, '建宁西路', 57, 36.1032, 103.7275, [45, 82], [14, 6, 2, 2], [2, 7, 3, 2, 'mixed']),
];

function estate(
  name: string,
  grid: number,
  road: string,
  door: number,
  lat: number,
  lng: number,
  area: [number, number],
  ...blocks: Block[]
): EstateSpec {
  return { name, grid, road, door, lat, lng, area, blocks };
}

export interface PlannedEstate {
  name: string;
  grid: number;
  address: string;
  lat: number;
  lng: number;
}

export interface PlannedBuilding {
  estate: number;
  grid: number;
  number: string;
  kind: BuildingKind;
  floors: number;
  units: number;
  elevators: number;
  address: string;
  lat: number;
  lng: number;
}

export interface PlannedHouse {
  building: number;
  grid: number;
  unit: string | null;
  floor: number;
  room: string;
  /** Hundredths of a square metre. */
  area: number;
  use: HouseUse;
}

export interface Places {
  estates: PlannedEstate[];
  buildings: PlannedBuilding[];
  houses: PlannedHouse[];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function planPlaces(rng: Random): Places {
  const places: Places = { estates: [], buildings: [], houses: [] };
  for (const spec of ESTATES) {
    const e = places.estates.length;
    const address = `兰州市安宁区${spec.road}${spec.door}号`;
    places.estates.push({ name: spec.name, grid: spec.grid, address, lat: spec.lat, lng: spec.lng });
    const total = spec.blocks.reduce((n, [count]) => n + count, 0);
    // Buildings stand in rows around the estate's centre, 40–50 m apart.
    const columns = Math.ceil(Math.sqrt(total));
    const rows = Math.ceil(total / columns);
    let n = 0;
    for (const [count, floors, units, rooms, kind = 'residential'] of spec.blocks) {
      for (let i = 0; i < count; i++, n++) {
        const number = `${n + 1}号楼`;
        const b = places.buildings.length;
        places.buildings.push({
          estate: e,
          grid: spec.grid,
          number,
          kind,
          floors,
          units,
          elevators: kind === 'commercial' || floors < 7 ? 0 : units * (floors >= 18 ? 2 : 1),
          address: `${address}${spec.name}${number}`,
          lat: round6(
            spec.lat + ((rows - 1) / 2 - Math.floor(n / columns)) * 0.0004 + (rng.next() - 0.5) * 0.00008,
          ),
          lng: round6(spec.lng + ((n % columns) - (columns - 1) / 2) * 0.0005 + (rng.next() - 0.5) * 0.0001),
        });
        for (let floor = 1; floor <= floors; floor++) {
          for (let u = 1; u <= units; u++) {
            for (let r = 1; r <= rooms; r++) {
              const use: HouseUse =
                kind === 'commercial'
                  ? floor === 1
                    ? 'commercial'
                    : 'office'
                  : kind === 'mixed' && floor === 1
                    ? 'commercial'
                    : 'residential';
              const [min, max] = use === 'residential' ? spec.area : [45, 140];
              places.houses.push({
                building: b,
                grid: spec.grid,
                unit: kind === 'commercial' ? null : `${u}单元`,
                floor,
                // Room numbers restart in every unit, as on the doors: 1单元 301, 2单元 301.
                room: `${floor}${String(r).padStart(2, '0')}`,
                area: rng.int(min * 100, max * 100),
                use,
              });
            }
          }
        }
      }
    }
  }
  return places;
}

// ---- Organisations and shops ----

export interface PlannedOrganisation {
  kind: 'organisation' | 'shop';
  grid: number;
  name: string;
  creditCode: string;
  category: string;
  contactName: string;
  contactPhone: string;
  address: string;
  building: number | null;
  lat: number;
  lng: number;
}

const BRANDS = [
  ...'金城 陇原 黄河 丝路 恒达 瑞丰 鑫源 华泰 博远 昌盛 安泰 宏远 兴隆 盛世 祥和 德润 嘉禾 天成 永信 汇通 金鼎 中诚 百川 和顺 聚丰 鼎盛 明珠 新起点 桃源 枣林 西路 万达 陇星 腾达 福满 惠民 利民 乐康 晨光 凯旋'.split(
    ' ',
  ),
];
const INDUSTRIES = [
  ...'商贸 建筑工程 物流 信息技术 餐饮管理 装饰工程 教育咨询 医疗器械 电子科技 文化传媒 机电设备 家政服务 汽车服务 环保科技 广告 印务 劳务派遣 房地产经纪 工程机械 农副产品 电气安装 软件开发 健康管理 会计服务 旅行社'.split(
    ' ',
  ),
];

/** Fixed bodies of a neighbourhood: [name, category, credit-code head]. */
const INSTITUTIONS: [string, string, string][] = [
  ['兰州市安宁区枣林西路小学', '学校', '12620105'],
  ['兰州市安宁区西路小学', '学校', '12620105'],
  ['兰州市安宁区银滩路小学', '学校', '12620105'],
  ['兰州市第八十四中学', '学校', '12620105'],
  ['兰州市安宁区第三幼儿园', '幼儿园', '12620105'],
  ['安宁区西路街道中心幼儿园', '幼儿园', '12620105'],
  ['安宁区小太阳幼儿园', '幼儿园', '52620105'],
  ['安宁区金苹果幼儿园', '幼儿园', '52620105'],
  ['安宁区童心幼儿园', '幼儿园', '52620105'],
  ['安宁区蓝天幼儿园', '幼儿园', '52620105'],
  ['安宁区西路街道枣林西社区卫生服务站', '卫生服务站', '12620105'],
  ['安宁区西路街道社区卫生服务中心', '卫生服务站', '12620105'],
  ['安宁区银滩社区卫生服务站', '卫生服务站', '12620105'],
  ['兰州市公安局安宁分局刘家堡派出所', '机关', '11620105'],
  ['安宁区西路街道综合文化站', '事业单位', '12620105'],
  ['安宁区老年大学西路教学点', '事业单位', '12620105'],
  ['安宁区枣林西社区志愿者协会', '社会组织', '51620105'],
  ['安宁区西路街道老年人协会', '社会组织', '51620105'],
  ['安宁区桃乡书画协会', '社会组织', '51620105'],
  ['安宁区夕阳红秦腔艺术团', '社会组织', '51620105'],
  ['安宁区春晖社会工作服务中心', '社会组织', '52620105'],
  ['安宁区康乐居家养老服务中心', '社会组织', '52620105'],
  ['安宁区仁爱残疾人康复中心', '社会组织', '52620105'],
  ['安宁区阳光青少年服务中心', '社会组织', '52620105'],
  ['安宁区同心调解服务中心', '社会组织', '52620105'],
  ['安宁区乐龄助餐服务中心', '社会组织', '52620105'],
  ['安宁区晨曦培训学校', '社会组织', '52620105'],
  ['安宁区启明星艺术培训学校', '社会组织', '52620105'],
  ['中国农业银行兰州安宁西路支行', '金融机构', '91620105'],
  ['中国工商银行兰州枣林路支行', '金融机构', '91620105'],
  ['甘肃银行兰州安宁支行西路分理处', '金融机构', '91620105'],
  ['兰州银行枣林西路支行', '金融机构', '91620105'],
  ['中国邮政储蓄银行兰州市安宁区西路营业所', '金融机构', '91620105'],
];

/** Shop kinds: [category, weight, name patterns]; `{b}` a brand, `{s}` a surname, `{r}` a road. */
// biome-ignore format: a table
const SHOP_KINDS: [string, number, string[]][] = [
  ['超市', 14, ['{b}超市', '{b}生活超市', '{s}家便利店', '{b}便利店']],
  ['餐馆', 40, ['{s}记牛肉面', '{b}牛肉面馆', '{s}家手抓羊肉', '{b}饺子馆', '陇上{b}饭庄', '{s}家黄焖羊肉', '{b}麻辣烫', '{s}记酿皮', '{b}川菜馆', '{s}家砂锅']],
  ['药店', 10, ['{b}大药房', '陇康大药房（{r}店）', '{b}医药超市']],
  ['理发店', 14, ['{b}美发', '{s}师傅理发店', '{b}造型']],
  ['水果蔬菜', 16, ['{s}家果蔬', '{b}水果店', '{b}蔬菜店']],
  ['烟酒副食', 10, ['{b}烟酒店', '{s}家副食店']],
  ['早餐店', 12, ['{s}家早餐', '{b}包子铺', '{s}记灰豆子']],
  ['五金建材', 8, ['{b}五金店', '{s}家五金水暖']],
  ['洗衣店', 6, ['{b}干洗店', '{b}洗衣房']],
  ['快递驿站', 8, ['{b}快递驿站', '{r}菜鸟驿站']],
  ['通讯维修', 8, ['{b}手机维修', '{b}通讯']],
  ['服装鞋帽', 10, ['{b}服饰', '{s}家鞋店', '{b}童装']],
  ['烧烤', 8, ['{s}记烧烤', '{b}烤肉']],
  ['面包糕点', 6, ['{b}蛋糕房', '{b}面包坊']],
  ['母婴用品', 5, ['{b}母婴店']],
  ['文具书店', 5, ['{b}文具店', '{b}书店']],
  ['花店', 4, ['{b}花艺', '{s}家花店']],
  ['眼镜店', 4, ['{b}眼镜']],
  ['家电维修', 4, ['{b}家电维修部']],
  ['宠物店', 3, ['{b}宠物店']],
  ['汽车维修', 5, ['{b}汽车修理部', '{b}洗车行']],
];

const ROADS = ['枣林西路', '安宁西路', '万新路', '银安路', '建宁西路', '北滨河西路', '安宁东路'];
const personName = (rng: Random) =>
  randomSurname(rng) +
  rng.pick([...'建国 志强 丽娟 晓燕 海军 红梅 文斌 小平 永红 立新 春燕 国庆 秀芳 俊杰 婷婷'.split(' ')]);

/**
 * 160 organisations and 240 shops with valid, unique 统一社会信用代码 (GB 32100): 91 enterprises,
 * 92 个体工商户, 51/52 social organisations, 11/12 public bodies, all registered in 安宁区
 * (620105). About half the shops and a few offices sit in the estates' commercial rooms.
 */
export function planOrganisations(rng: Random, places: Places, phones: Set<string>): PlannedOrganisation[] {
  const codes = new Set<string>();
  const names = new Set<string>();
  const out: PlannedOrganisation[] = [];
  const rooms = (use: HouseUse) => rng.shuffle(places.houses.filter((h) => h.use === use));
  const shopRooms = rooms('commercial');
  const offices = rooms('office');
  const add = (
    kind: 'organisation' | 'shop',
    name: string,
    category: string,
    head: string,
    room: PlannedHouse | undefined,
    estateIndex = rng.int(0, places.estates.length - 1),
  ) => {
    names.add(name);
    const building = room ? places.buildings[room.building] : undefined;
    const estate = places.estates[building ? building.estate : estateIndex];
    if (!estate) throw new Error('planOrganisations: no estate');
    out.push({
      kind,
      grid: building ? building.grid : estate.grid,
      name,
      creditCode: syntheticCreditCode(rng, head, codes),
      category,
      contactName: personName(rng),
      contactPhone: syntheticMobile(rng, phones),
      address:
        building && room
          ? `${building.address}${room.unit ?? ''}${room.room}`
          : `兰州市安宁区${rng.pick(ROADS)}${rng.int(1, 1500)}号`,
      building: room ? room.building : null,
      lat: building ? building.lat : Math.round((estate.lat + (rng.next() - 0.5) * 0.0016) * 1e6) / 1e6,
      lng: building ? building.lng : Math.round((estate.lng + (rng.next() - 0.5) * 0.002) * 1e6) / 1e6,
    });
  };

  for (const [name, category, head] of INSTITUTIONS)
    add(
      'organisation',
      name,
      category,
      head,
      category === '社会组织' && rng.chance(0.5) ? offices.pop() : undefined,
    );
  // One property company per estate.
  for (let e = 0; e < places.estates.length; e++) {
    let name = '';
    do name = `兰州${rng.pick(BRANDS)}物业管理有限公司`;
    while (names.has(name));
    add('organisation', name, '物业公司', '91620105', undefined, e);
  }
  while (out.length < 160) {
    const name = `兰州${rng.pick(BRANDS)}${rng.pick(INDUSTRIES)}有限公司`;
    if (names.has(name)) continue;
    add('organisation', name, '企业', '91620105', rng.chance(0.25) ? offices.pop() : undefined);
  }

  const weights = SHOP_KINDS.map((k) => [k, k[1]] as const);
  let shops = 0;
  while (shops < 240) {
    const [category, , patterns] = rng.weighted(weights);
    const name = rng
      .pick(patterns)
      .replace('{b}', rng.pick(BRANDS))
      .replace('{s}', randomSurname(rng))
      .replace('{r}', rng.pick(ROADS));
    if (names.has(name)) continue;
    add(
      'shop',
      name,
      category,
      rng.chance(0.85) ? '92620105' : '91620105',
      rng.chance(0.55) ? shopRooms.pop() : undefined,
    );
    shops++;
  }
  return out;
}
