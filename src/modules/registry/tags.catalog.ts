import type { RiskLevel, TagCategory } from './registry.vocabulary.js';

export interface CatalogTag {
  code: string;
  name: string;
  category: TagCategory;
  riskLevel: RiskLevel;
  visitIntervalDays: number;
  sensitive: boolean;
  grantedRoles: string[];
}

const HEALTH = ['grid_worker', 'community_staff', 'community_secretary'];
const SPECIAL = ['grid_worker', 'community_secretary'];

/**
 * The care tags a new installation starts with (DOMAIN.md, 重点人群); admins edit them after.
 * Intervals follow the service targets by risk (Inner Mongolia 2022): 高风险 weekly, 重点
 * monthly, 一般 quarterly. Health, disability and the special populations are sensitive
 * (PIPL art. 28): only the roles listed see them and who carries them.
 */
export const DEFAULT_TAGS: CatalogTag[] = [
  tag('living_alone', '独居老人', 'elderly', 'key', 30),
  tag('empty_nest', '空巢老人', 'elderly', 'key', 30),
  tag('advanced_age', '高龄老人', 'elderly', 'general', 90),
  tag('critical_illness', '危重病患', 'disability', 'high', 7, HEALTH),
  tag('disabled_care', '失能/半失能', 'disability', 'key', 30, HEALTH),
  tag('disabled', '残疾人', 'disability', 'key', 30, HEALTH),
  tag('dementia', '认知障碍', 'disability', 'key', 30, HEALTH),
  tag('dibao', '低保', 'assistance', 'general', 90),
  tag('tekun', '特困供养', 'assistance', 'key', 30),
  tag('left_behind_child', '留守儿童', 'children', 'key', 30),
  tag('child_in_difficulty', '困境儿童', 'children', 'key', 30),
  tag('special_family', '计生特殊家庭', 'family', 'key', 30),
  tag('released_prisoner', '刑满释放人员', 'special', 'key', 30, SPECIAL),
  tag('community_correction', '社区矫正对象', 'special', 'key', 30, SPECIAL),
  tag('severe_mental_disorder', '严重精神障碍患者', 'special', 'high', 7, SPECIAL),
  tag('drug_user', '吸毒人员', 'special', 'key', 30, SPECIAL),
  tag('aids_risk', '艾滋病危险人员', 'special', 'general', 90, SPECIAL),
  tag('key_youth', '重点青少年', 'special', 'key', 30, SPECIAL),
];

/**
 * 80+ living alone or in an empty nest is 高风险: weekly visits, whatever the tag's own interval
 * says. Applied by the visit rules on the resident's age on the day the due date is computed.
 */
export const HIGH_RISK_AGE = 80;
export const HIGH_RISK_AGE_TAGS = ['living_alone', 'empty_nest'];
export const HIGH_RISK_INTERVAL_DAYS = 7;

function tag(
  code: string,
  name: string,
  category: TagCategory,
  riskLevel: RiskLevel,
  visitIntervalDays: number,
  grantedRoles?: string[],
): CatalogTag {
  return {
    code,
    name,
    category,
    riskLevel,
    visitIntervalDays,
    sensitive: grantedRoles !== undefined,
    grantedRoles: grantedRoles ?? [],
  };
}
