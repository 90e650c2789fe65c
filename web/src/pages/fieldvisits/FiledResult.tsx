import { CheckCircleFilled, ClockCircleFilled } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { Filed } from '../../api/fieldvisits';
import { useT } from '../../i18n';
import { StatusTag, WarningList } from './VisitBits';

interface FiledResultProps {
  filed: Filed;
  topic: string;
  editing: boolean;
  /** 再报一条: an empty form again. */
  onAnother: () => void;
}

/** After a filing is saved: filed straight away, or sent to review with each warning as worded. */
export function FiledResult({ filed, topic, editing, onAnother }: FiledResultProps) {
  const t = useT();
  const navigate = useNavigate();
  const review = filed.status === 'pending_review';
  return (
    <Flex vertical align="center" gap={12} className="fv-filed" data-testid="fv-filed">
      {review ? (
        <ClockCircleFilled className="fv-filed-icon fv-filed-review" />
      ) : (
        <CheckCircleFilled className="fv-filed-icon" />
      )}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {review ? t('fv.filed.review') : editing ? t('fv.filed.saved') : t('fv.filed.filed')}
      </Typography.Title>
      <Flex gap={8} align="center" wrap justify="center">
        <Typography.Text type="secondary">{topic}</Typography.Text>
        <StatusTag status={filed.status} />
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
        {review ? t('fv.filed.reviewHint') : t('fv.filed.filedHint')}
      </Typography.Text>
      {filed.warnings.length > 0 ? (
        <div className="fv-filed-warnings">
          <WarningList warnings={filed.warnings} />
        </div>
      ) : null}
      <Flex gap={12} wrap justify="center" className="fv-filed-actions">
        <Button onClick={() => navigate('/field-visits')}>{t('fv.backToList')}</Button>
        {editing ? null : <Button onClick={onAnother}>{t('fv.filed.another')}</Button>}
        <Button type="primary" onClick={() => navigate(`/field-visits/${filed.id}`)}>
          {t('fv.filed.open')}
        </Button>
      </Flex>
    </Flex>
  );
}
