import { isoNow } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';

/**
 * The units that file research visits in the demo: a set of Yunnan's provincial units with some
 * of their internal departments, and the 16 prefectures (from the regions already loaded). The
 * demo's `reporter` files for 省教育厅.
 */
export const DEMO_PROVINCIAL_UNITS: [name: string, departments: string[]][] = [
  ['省教育厅', ['基础教育处', '职业教育与继续教育处', '发展规划处', '学生资助管理中心']],
  ['省卫生健康委', ['基层卫生健康处', '医政医管处', '疾病预防控制处']],
  ['省农业农村厅', ['乡村产业发展处', '农田建设管理处', '种植业管理处']],
  ['省民政厅', ['养老服务处', '社会救助处', '儿童福利处']],
  ['省人力资源社会保障厅', ['就业促进处', '农民工工作处']],
  ['省住房城乡建设厅', ['村镇建设处', '城市建设处']],
  ['省交通运输厅', ['综合规划处', '农村公路处']],
  ['省水利厅', ['农村水利水电处', '水旱灾害防御处']],
  ['省生态环境厅', ['土壤生态环境处', '水生态环境处']],
  ['省文化和旅游厅', ['公共服务处', '资源开发处']],
  ['省乡村振兴局', ['规划财务处', '社会帮扶处']],
  ['省商务厅', ['市场体系建设处', '对外贸易处']],
];

/** What each unit visits about (the demo's filings and the benchmark's history draw on it). */
// biome-ignore format: a table
export const DEMO_TOPICS: Record<string, string[]> = {
  省教育厅: ['义务教育薄弱环节改善', '农村学生营养改善计划', '职业教育产教融合', '学生资助政策落实', '乡村教师队伍建设'],
  省卫生健康委: ['县域医共体建设', '基层医疗卫生服务能力', '村卫生室标准化建设', '乡村医生队伍建设'],
  省农业农村厅: ['高标准农田建设', '高原特色农业产业', '种业振兴', '粮食生产和春耕备耕'],
  省民政厅: ['农村养老服务', '社会救助兜底保障', '留守儿童关爱保护'],
  省人力资源社会保障厅: ['农民工就业帮扶', '稳岗就业政策落实'],
  省住房城乡建设厅: ['农村危房改造', '传统村落保护'],
  省交通运输厅: ['农村公路建设养护', '城乡客运一体化'],
  省水利厅: ['农村供水保障', '中小河流治理', '防汛抗旱'],
  省生态环境厅: ['高原湖泊保护治理', '农村人居环境整治'],
  省文化和旅游厅: ['乡村旅游发展', '公共文化服务'],
  省乡村振兴局: ['巩固拓展脱贫攻坚成果', '易地搬迁后续扶持'],
  省商务厅: ['县域商业体系建设', '沿边开放', '农产品电商'],
};

/** A prefecture's topics, visiting its own counties. */
export const PREFECTURE_TOPICS = [
  '乡村振兴重点工作',
  '基层治理',
  '营商环境',
  '安全生产',
  '民族团结进步示范创建',
  '防汛抗旱',
];

/** Where in a county a visit goes. */
export const DEMO_SITES = [
  '中心学校',
  '卫生院',
  '村委会',
  '易地搬迁安置点',
  '农业产业园',
  '养老服务中心',
  '工业园区',
  '职业高中',
];

export const DEMO_REPORTER_UNIT = '省教育厅';

export async function seedFieldVisitsDemo(ctx: AppContext) {
  const now = isoNow(ctx.clock);
  const prefectures = await ctx.db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('parent_code', '=', '53')
    .orderBy('code')
    .execute();
  const units = [
    ...DEMO_PROVINCIAL_UNITS.map(([name]) => ({ name, kind: 'provincial', region_code: null })),
    ...prefectures.map((p) => ({ name: p.name, kind: 'prefecture', region_code: p.code })),
  ].map((u, i) => ({ ...u, sort_order: i, created_at: now, updated_at: now }));
  const inserted = await ctx.db.insertInto('fv_units').values(units).returning(['id', 'name']).execute();
  const idOf = new Map(inserted.map((u) => [u.name, Number(u.id)]));
  await ctx.db
    .insertInto('fv_departments')
    .values(
      DEMO_PROVINCIAL_UNITS.flatMap(([unit, departments]) =>
        departments.map((name) => ({ unit_id: idOf.get(unit) as number, name, created_at: now })),
      ),
    )
    .execute();
  const reporter = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'reporter')
    .executeTakeFirst();
  if (reporter)
    await ctx.db
      .insertInto('fv_reporters')
      .values({ user_id: reporter.id, unit_id: idOf.get(DEMO_REPORTER_UNIT) as number, department_id: null })
      .execute();
}
