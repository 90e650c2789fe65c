import { App, Button, Flex, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { decideJoin, type JoinRequest, useVisitMutation } from '../../api/fieldvisits';
import { errorText } from '../../components/errorText';
import { useT } from '../../i18n';
import { formatWhen } from './visitDates';
import { JOIN_STATUS_COLORS, JOIN_STATUS_KEYS } from './vocabulary';

interface JoinRequestItemProps {
  request: JoinRequest;
  /** `incoming`: made to one's own visit, decided here; `outgoing`: one's own, shown with its visit. */
  direction: 'incoming' | 'outgoing';
  /** Leave out the visit's name (on the visit's own page). */
  hideVisit?: boolean;
  /** The host unit's reporter answers; others (the county, the reviewer) only read. */
  canDecide?: boolean;
}

/** One 联合调研 request: who asks to join which visit, why, and what became of it. */
export function JoinRequestItem({ request, direction, hideVisit, canDecide = true }: JoinRequestItemProps) {
  const t = useT();
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<'accept' | 'decline' | null>(null);
  const [comment, setComment] = useState('');
  const decide = useVisitMutation((decision: 'accept' | 'decline') =>
    decideJoin(request.id, { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
  );

  const submit = () => {
    if (!deciding) return;
    decide.mutate(deciding, {
      onSuccess: (decided) => {
        setDeciding(null);
        void message.success(t(JOIN_STATUS_KEYS[decided.status]));
      },
      onError: (error) => void message.error(errorText(t, error)),
    });
  };

  return (
    <Flex vertical gap={4} className="fv-join-item" data-testid="fv-join-request">
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Typography.Text strong>
          {direction === 'incoming'
            ? t('fv.join.incomingTitle', {
                unit: request.departmentName
                  ? `${request.unitName} · ${request.departmentName}`
                  : request.unitName,
              })
            : t('fv.join.outgoingTitle', { unit: request.visitUnitName })}
        </Typography.Text>
        <Tag color={JOIN_STATUS_COLORS[request.status]}>{t(JOIN_STATUS_KEYS[request.status])}</Tag>
      </Flex>
      {hideVisit ? null : (
        <Typography.Text type="secondary" className="small-text">
          <Link to={`/field-visits/${request.visitId}`}>{request.visitTopic}</Link>
          {` · ${request.visitStartDate}`}
        </Typography.Text>
      )}
      <Typography.Paragraph className="pre-line fv-join-message" style={{ marginBottom: 0 }}>
        {request.message}
      </Typography.Paragraph>
      <Typography.Text type="secondary" className="small-text">
        {t('fv.join.askedBy', { name: request.requestedByName, at: formatWhen(request.createdAt) })}
        {request.decidedByName && request.decidedAt
          ? ` · ${t('fv.join.decidedBy', { name: request.decidedByName, at: formatWhen(request.decidedAt) })}`
          : ''}
      </Typography.Text>
      {request.comment ? (
        <Typography.Text className="pre-line">
          {t('fv.join.comment')}
          {t('common.colon')}
          {request.comment}
        </Typography.Text>
      ) : null}
      {direction === 'incoming' && canDecide && request.status === 'pending' ? (
        <Flex gap={8} className="fv-join-actions">
          <Button type="primary" size="small" onClick={() => setDeciding('accept')}>
            {t('fv.join.accept')}
          </Button>
          <Button size="small" onClick={() => setDeciding('decline')}>
            {t('fv.join.decline')}
          </Button>
        </Flex>
      ) : null}
      <Modal
        open={deciding !== null}
        title={deciding === 'accept' ? t('fv.join.acceptTitle') : t('fv.join.declineTitle')}
        okText={deciding === 'accept' ? t('fv.join.accept') : t('fv.join.decline')}
        okButtonProps={{ danger: deciding === 'decline' }}
        cancelText={t('common.cancel')}
        confirmLoading={decide.isPending}
        onOk={submit}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('fv.join.decideHint', { unit: request.unitName, topic: request.visitTopic })}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={t('fv.join.comment')}
          placeholder={t('fv.join.commentPlaceholder')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 5 }}
        />
      </Modal>
    </Flex>
  );
}
