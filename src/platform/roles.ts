/** The roles of DESIGN.md. Every account has exactly one. */
export const ROLES = [
  'resident',
  'grid_worker',
  'community_staff',
  'community_secretary',
  'street_officer',
  'district_officer',
  'canteen_operator',
  'volunteer',
  'party_member',
  'unit_reporter',
  'visit_reviewer',
  'county_viewer',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  resident: { zh: '居民', en: 'Resident' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  community_staff: { zh: '社区工作人员', en: 'Community staff' },
  community_secretary: { zh: '社区书记', en: 'Community secretary' },
  street_officer: { zh: '街道干部', en: 'Street officer' },
  district_officer: { zh: '区级干部', en: 'District officer' },
  canteen_operator: { zh: '食堂经营方', en: 'Canteen operator' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
  party_member: { zh: '在职党员', en: 'Party member' },
  unit_reporter: { zh: '调研报备员', en: 'Visit reporter' },
  visit_reviewer: { zh: '调研报备审核', en: 'Visit reviewer' },
  county_viewer: { zh: '县市查看', en: 'County viewer' },
  admin: { zh: '系统管理员', en: 'Administrator' },
};

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
