import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { FieldVisit } from '../../api/fieldvisits';
import { useT } from '../../i18n';
import { SuggestedJoin } from './SuggestedJoin';
import { formatRange, formatWhen, hasStarted } from './visitDates';
import { DECISION_COLORS, DECISION_KEYS } from './vocabulary';

const orDash = (value: string | null | undefined) => value || '—';

/** Everything the unit filed: who goes, why, when, where, how many, what it asks of the locality. */
export function VisitFacts({ visit }: { visit: FieldVisit }) {
  const t = useT();
  const days = Math.round((Date.parse(visit.endDate) - Date.parse(visit.startDate)) / 86_400_000) + 1;
  return (
    <Card title={t('fv.detail.facts')} size="small" className="fv-section">
      <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} size="small" className="fv-facts">
        <Descriptions.Item label={t('fv.field.unit')}>{visit.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('fv.field.department')}>{orDash(visit.departmentName)}</Descriptions.Item>
        <Descriptions.Item label={t('fv.field.leader')}>
          {visit.leaderName
            ? `${visit.leaderName}${visit.leaderLevel ? `（${visit.leaderLevel}）` : ''}`
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('fv.field.dates')}>
          {formatRange(visit.startDate, visit.endDate)}
          <Typography.Text type="secondary">{` · ${t('fv.days', { n: days })}`}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('fv.field.headcount')}>
          {t('fv.people', { n: visit.headcount })}
        </Descriptions.Item>
        <Descriptions.Item label={t('fv.field.filedBy')}>
          {visit.filedByName} · {formatWhen(visit.createdAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('fv.field.purpose')} span="filled">
          <span className="pre-line">{orDash(visit.purpose)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('fv.field.asks')} span="filled">
          <span className="pre-line">{orDash(visit.asks)}</span>
        </Descriptions.Item>
        {visit.explanation ? (
          <Descriptions.Item label={t('fv.field.explanation')} span="filled">
            <span className="pre-line">{visit.explanation}</span>
          </Descriptions.Item>
        ) : null}
        {visit.urgent ? (
          <Descriptions.Item label={t('fv.field.urgentReason')} span="filled">
            <Tag color="volcano">{t('fv.field.urgent')}</Tag>
            <span className="pre-line">{orDash(visit.urgentReason)}</span>
          </Descriptions.Item>
        ) : null}
        {visit.cancelledAt ? (
          <Descriptions.Item label={t('fv.detail.cancelledAt')}>
            {formatWhen(visit.cancelledAt)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

/** The stops in order, and who goes. */
export function VisitStops({ visit }: { visit: FieldVisit }) {
  const t = useT();
  const members = visit.members ?? [];
  return (
    <Card title={t('fv.detail.stopsAndMembers')} size="small" className="fv-section">
      <ol className="fv-stop-list">
        {visit.stops.map((stop, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a filing's stops are shown in their order, never moved; the same county may come twice.
          <li key={`${stop.countyCode}-${index}`}>
            <Typography.Text strong>{stop.countyName}</Typography.Text>
            {stop.site ? <Typography.Text type="secondary">{` · ${stop.site}`}</Typography.Text> : null}
          </li>
        ))}
      </ol>
      {members.length > 0 ? (
        <Flex vertical gap={4} className="fv-members">
          <Typography.Text type="secondary">{t('fv.field.members')}</Typography.Text>
          <span className="tag-list">
            {members.map((member, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the members as filed, never moved; two may share a name.
              <Tag key={`${member.name}-${index}`}>
                {member.name}
                {member.post ? ` · ${member.post}` : ''}
              </Tag>
            ))}
          </span>
        </Flex>
      ) : null}
    </Card>
  );
}

/**
 * The reviewer's decision: what, why, by whom, and the visit suggested to join. `ownUnit`: read
 * by the filing unit.
 */
export function ReviewRecord({ visit, ownUnit }: { visit: FieldVisit; ownUnit: boolean }) {
  const t = useT();
  const review = visit.review;
  if (!review) return null;
  return (
    <Card title={t('fv.detail.review')} size="small" className="fv-section" data-testid="fv-review-record">
      <Flex vertical gap={6}>
        <Flex gap={8} align="center" wrap>
          <Tag color={DECISION_COLORS[review.decision]}>{t(DECISION_KEYS[review.decision])}</Tag>
          <Typography.Text type="secondary">
            {review.reviewedByName} · {formatWhen(review.reviewedAt)}
          </Typography.Text>
        </Flex>
        {review.comment ? <Typography.Text className="pre-line">{review.comment}</Typography.Text> : null}
        {review.joinVisitId && !ownUnit ? (
          <Link to={`/field-visits/${review.joinVisitId}`}>{t('fv.detail.joinVisitLink')}</Link>
        ) : null}
        {review.joinVisit && ownUnit && !hasStarted(visit.startDate) ? (
          <SuggestedJoin visit={visit} suggested={review.joinVisit} />
        ) : null}
      </Flex>
    </Card>
  );
}
