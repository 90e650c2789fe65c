import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { Resident } from '../../api/residents';
import type { Visit } from '../../api/visits';
import { useT } from '../../i18n';
import { formatDue, formatInstant } from '../residents/dates';
import { labelOf, VISIT_MODE_KEYS } from '../residents/vocabulary';

/** After a visit is recorded: what was saved, when the next one is due, and where to go next. */
export function VisitResult({ visit, resident }: { visit: Visit; resident: Resident }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Card className="visit-result" data-testid="visit-result">
      <Flex vertical align="center" gap={10} style={{ textAlign: 'center' }}>
        <CheckCircleFilled className="visit-result-icon" />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('visits.saved')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {resident.name} · {labelOf(t, VISIT_MODE_KEYS, visit.mode)} · {formatInstant(visit.visitedAt)}
        </Typography.Text>
        {resident.visitDueAt ? (
          <div className="visit-result-next">
            <Typography.Text type="secondary">{t('visits.nextDue')}</Typography.Text>
            <Typography.Text strong className="visit-result-due">
              {formatDue(t, resident.visitDueAt)}
            </Typography.Text>
            {visit.majorChange ? (
              <Typography.Text type="danger">{t('visits.majorChangeNext')}</Typography.Text>
            ) : null}
          </div>
        ) : (
          <Typography.Text type="secondary">{t('visits.noScheduledVisits')}</Typography.Text>
        )}
        <Flex gap={12} className="visit-result-actions">
          <Button size="large" onClick={() => navigate('/')}>
            {t('common.backHome')}
          </Button>
          <Button
            size="large"
            type="primary"
            onClick={() => navigate(`/residents/${resident.id}?tab=visits`)}
          >
            {t('visits.viewResident')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
