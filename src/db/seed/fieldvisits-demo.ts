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
