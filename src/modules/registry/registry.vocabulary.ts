/**
 * The fixed vocabularies of the registry, stored as these English codes; the web app and the
 * Excel templates show them in Chinese (REGISTRY_LABELS).
 */
export const HUKOU = ['local', 'nonlocal'] as const;
/** 常住, 暂住, 空挂 (registered here, living elsewhere), 离开, 死亡. */
export const RESIDENT_STATUS = ['resident', 'temporary', 'registered_only', 'left', 'deceased'] as const;
export const RELATIONS = [
  'self',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'grandparent',
  'sibling',
  'child_in_law',
  'other',
] as const;
export const POLITICAL = [
  'party_member',
  'probationary',
  'league_member',
  'democratic_party',
  'masses',
] as const;
export const GENDERS = ['male', 'female'] as const;
export const BUILDING_KINDS = ['residential', 'commercial', 'mixed'] as const;
export const HOUSE_USES = ['residential', 'commercial', 'office', 'other'] as const;
export const ORGANISATION_KINDS = ['organisation', 'shop'] as const;
export const RISK_LEVELS = ['high', 'key', 'general'] as const;
export const TAG_CATEGORIES = [
  'elderly',
  'disability',
  'assistance',
  'children',
  'family',
  'special',
] as const;
export const VISIT_MODES = ['home', 'phone', 'video', 'third_party', 'paired'] as const;

export type Hukou = (typeof HUKOU)[number];
export type ResidentStatus = (typeof RESIDENT_STATUS)[number];
export type Relation = (typeof RELATIONS)[number];
export type Political = (typeof POLITICAL)[number];
export type Gender = (typeof GENDERS)[number];
export type BuildingKind = (typeof BUILDING_KINDS)[number];
export type HouseUse = (typeof HOUSE_USES)[number];
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type TagCategory = (typeof TAG_CATEGORIES)[number];
export type VisitMode = (typeof VISIT_MODES)[number];

/** Chinese names, for templates, exports and imports (which accept either the code or the name). */
export const REGISTRY_LABELS: Record<string, Record<string, string>> = {
  hukou: { local: '本地户籍', nonlocal: '非本地户籍' },
  status: { resident: '常住', temporary: '暂住', registered_only: '空挂', left: '离开', deceased: '死亡' },
  relation: {
    self: '户主',
    spouse: '配偶',
    child: '子女',
    parent: '父母',
    grandchild: '孙子女',
    grandparent: '祖父母',
    sibling: '兄弟姐妹',
    child_in_law: '儿媳/女婿',
    other: '其他',
  },
  political: {
    party_member: '中共党员',
    probationary: '中共预备党员',
    league_member: '共青团员',
    democratic_party: '民主党派',
    masses: '群众',
  },
  gender: { male: '男', female: '女' },
  buildingKind: { residential: '住宅', commercial: '商业', mixed: '商住混合' },
  houseUse: { residential: '住宅', commercial: '商铺', office: '办公', other: '其他' },
  organisationKind: { organisation: '单位', shop: '商铺' },
  riskLevel: { high: '高风险', key: '重点', general: '一般' },
  tagCategory: {
    elderly: '老年人',
    disability: '残疾与失能',
    assistance: '社会救助',
    children: '儿童',
    family: '特殊家庭',
    special: '特殊人群',
  },
  visitMode: {
    home: '入户走访',
    phone: '电话',
    video: '视频/微信',
    third_party: '第三方',
    paired: '结对走访',
  },
};
