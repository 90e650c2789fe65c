import { type DivisionSelection, loadDivisions } from '../../modules/regions/regions.divisions.js';
import { insertMissingRegions } from '../../modules/regions/regions.repository.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { isoNow } from '../../platform/clock.js';
import { type AppContext, inTransaction } from '../../platform/context.js';
import type { Role } from '../../platform/roles.js';
import { seedFieldVisitsDemo } from './fieldvisits-demo.js';
import { seedFieldVisitDemoVisits } from './fieldvisits-demo.visits.js';
import { seedRegistryDemo } from './registry-demo.js';

/**
 * The demo of DESIGN.md, built from the seed page: the streets of its three communities (from
 * the official division codes), a few grids in each community, Yunnan's prefectures and
 * counties, and one account per role. Deterministic: the same on every machine.
 */
export const DEMO_DIVISIONS: DivisionSelection[] = [
  { prefix: '620105002', depth: 'community' }, // 兰州 安宁区 西路街道: 枣林西社区
  { prefix: '130402006', depth: 'community' }, // 邯郸 邯山区: 农林二社区
  { prefix: '350103009', depth: 'community' }, // 福州 台江区: 洋头口社区
  { prefix: '53', depth: 'county' }, // 云南: 16 prefectures, 129 counties
];

const GRIDS: Record<string, string[]> = {
  '620105002009': [
    '第一网格',
    '第二网格',
    '第三网格',
    '第四网格',
    '第五网格',
    '第六网格',
    '第七网格',
    '第八网格',
  ],
  '130402006014': ['第一网格', '第二网格', '第三网格'],
  '350103009014': ['臻园网格', '洋头口第二网格', '洋头口第三网格'],
};

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  scope: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', scope: '' },
  { username: 'district', displayName: '安宁区民政局 李建国', role: 'district_officer', scope: '620105' },
  { username: 'street', displayName: '西路街道 张敏', role: 'street_officer', scope: '620105002' },
  { username: 'secretary', displayName: '黄丽娟', role: 'community_secretary', scope: '620105002009' },
  { username: 'staff', displayName: '于林', role: 'community_staff', scope: '620105002009' },
  { username: 'grid', displayName: '王彤', role: 'grid_worker', scope: '620105002009001' },
  { username: 'resident', displayName: '王女士', role: 'resident', scope: '620105002009001' },
  { username: 'canteen', displayName: '农林二社区长者食堂', role: 'canteen_operator', scope: '130402006014' },
  { username: 'volunteer', displayName: '刘志愿', role: 'volunteer', scope: '130402006014' },
  { username: 'party', displayName: '吴昂', role: 'party_member', scope: '350103009014' },
  { username: 'reporter', displayName: '省教育厅 报备员', role: 'unit_reporter', scope: '53' },
  { username: 'reviewer', displayName: '省委社会工作部 审核员', role: 'visit_reviewer', scope: '53' },
  { username: 'county', displayName: '楚雄市 查看员', role: 'county_viewer', scope: '532301' },
];

/**
 * Loads the demo into an empty database; does nothing when any account exists already.
 * `registry: false` leaves out the registry of 枣林西 (11,000 residents), and `fieldVisits:
 * false` the research visits filed in the demo, which most tests do not need (and whose counts
 * they would have to work around).
 */
export async function seedDemo(
  ctx: AppContext,
  password: string,
  options: { registry?: boolean; fieldVisits?: boolean } = {},
): Promise<boolean> {
  const existing = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    await loadDivisions(tx, DEMO_DIVISIONS);
    const now = isoNow(tx.clock);
    await insertMissingRegions(
      tx.db,
      Object.entries(GRIDS).flatMap(([community, names]) =>
        names.map((name, i) => ({
          code: `${community}${String(i + 1).padStart(3, '0')}`,
          name,
          level: 'grid' as const,
          parent_code: community,
          created_at: now,
          updated_at: now,
        })),
      ),
    );
    await tx.db
      .insertInto('users')
      .values(
        DEMO_ACCOUNTS.map((a) => ({
          username: a.username,
          display_name: a.displayName,
          password_hash: passwordHash,
          role: a.role,
          scope: a.scope,
          // Demo accounts skip the forced change so that anyone can look around at once.
          must_change_password: 0,
          disabled: 0,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await seedFieldVisitsDemo(tx);
    if (options.fieldVisits !== false) await seedFieldVisitDemoVisits(tx);
    if (options.registry !== false) await seedRegistryDemo(tx);
  });
  return true;
}
