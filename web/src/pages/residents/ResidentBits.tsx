import { Tag, Typography } from 'antd';
import type { Resident, ResidentTag, RiskLevel } from '../../api/residents';
import { type Translate, useT } from '../../i18n';
import { formatDue, overdueDays } from './dates';
import { GENDER_KEYS, labelOf, RISK_COLORS, RISK_KEYS } from './vocabulary';

const RISK_ORDER: Record<RiskLevel, number> = { high: 0, key: 1, general: 2 };

/** Care tags coloured by risk (高风险 red, 重点 orange, 一般 blue), the riskiest first. */
export function RiskTags({ tags, empty }: { tags: ResidentTag[]; empty?: boolean }) {
  const t = useT();
  if (tags.length === 0) {
    return empty ? <Typography.Text type="secondary">{t('residents.noTags')}</Typography.Text> : null;
  }
  const sorted = [...tags].sort((a, b) => RISK_ORDER[a.riskLevel] - RISK_ORDER[b.riskLevel]);
  return (
    <span className="tag-list">
      {sorted.map((tag) => (
        <Tag key={tag.code} color={RISK_COLORS[tag.riskLevel]} title={t(RISK_KEYS[tag.riskLevel])}>
          {tag.name}
        </Tag>
      ))}
    </span>
  );
}

/** 女 · 83岁 */
export function genderAge(t: Translate, resident: Pick<Resident, 'gender' | 'age'>): string {
  return `${labelOf(t, GENDER_KEYS, resident.gender)} · ${t('residents.ageYears', { n: resident.age })}`;
}

/**
 * When the next visit is due, with a red 逾期N天 once it is late; nothing for someone who needs
 * no scheduled visits.
 */
export function VisitDue({ resident, compact }: { resident: Resident; compact?: boolean }) {
  const t = useT();
  if (!resident.visitDueAt) {
    return compact ? null : <Typography.Text type="secondary">—</Typography.Text>;
  }
  const late = resident.overdue ? Math.max(1, overdueDays(resident.visitDueAt)) : 0;
  return (
    <span className="visit-due">
      {late > 0 ? (
        <Tag color="error" className="visit-due-badge">
          {t('residents.overdueDays', { n: late })}
        </Tag>
      ) : null}
      <Typography.Text type={late > 0 ? 'danger' : undefined} className="visit-due-date">
        {formatDue(t, resident.visitDueAt)}
      </Typography.Text>
    </span>
  );
}
