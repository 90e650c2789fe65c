import { CheckOutlined, RollbackOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import {
  type FieldVisit,
  fetchNearby,
  fieldVisitKeys,
  type ReviewDecision,
  reviewVisit,
  useVisitMutation,
} from '../../api/fieldvisits';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { useT } from '../../i18n';
import { formatRange } from './visitDates';
import { DECISION_KEYS } from './vocabulary';

interface ReviewValues {
  comment?: string;
  joinVisitId?: number;
}

/** Other units' visits to the same counties within a week: what the reviewer may suggest joining. */
function useJoinCandidates(visit: FieldVisit, enabled: boolean) {
  const codes = [...new Set(visit.stops.map((s) => s.countyCode))];
  const results = useQueries({
    queries: codes.map((code) => ({
      queryKey: fieldVisitKeys.nearby(code, visit.startDate, visit.topic),
      queryFn: () => fetchNearby(code, visit.startDate, visit.topic),
      enabled,
    })),
  });
  // A visit to two of the counties comes twice: once is enough.
  const unique = new Map(results.flatMap((r) => r.data ?? []).map((other) => [other.id, other]));
  const options = [...unique.values()]
    .filter((other) => other.id !== visit.id && other.unitName !== visit.unitName)
    .map((other) => ({
      value: other.id,
      label: `${other.topic} · ${other.unitName} · ${formatRange(other.startDate, other.endDate)}`,
      related: other.related,
    }))
    .sort((a, b) => Number(b.related) - Number(a.related));
  return { options, loading: results.some((r) => r.isLoading) };
}

/** 审核: approve, send back with a reason, or suggest joining another unit's visit. */
export function ReviewActions({ visit }: { visit: FieldVisit }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const candidates = useJoinCandidates(visit, decision === 'suggest_join');
  const review = useVisitMutation((values: ReviewValues & { decision: ReviewDecision }) =>
    reviewVisit(visit.id, {
      decision: values.decision,
      ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
      ...(values.decision === 'suggest_join' && values.joinVisitId
        ? { joinVisitId: values.joinVisitId }
        : {}),
    }),
  );

  const finish = (values: ReviewValues) => {
    if (!decision) return;
    review.mutate(
      { ...values, decision },
      {
        onSuccess: () => {
          setDecision(null);
          void message.success(t('fv.review.done', { decision: t(DECISION_KEYS[decision]) }));
        },
        onError: (error) => {
          if (!applyApiErrorToForm(form, error, ['comment', 'joinVisitId']))
            void message.error(errorText(t, error));
        },
      },
    );
  };

  const titles: Record<ReviewDecision, string> = {
    approve: t('fv.review.approveTitle'),
    reject: t('fv.review.rejectTitle'),
    suggest_join: t('fv.review.suggestTitle'),
  };
  return (
    <>
      <Flex gap={8} wrap className="fv-review-actions">
        <Button
          type="primary"
          icon={<CheckOutlined />}
          onClick={() => setDecision('approve')}
          data-testid="fv-approve"
        >
          {t('fv.review.approve')}
        </Button>
        <Button danger icon={<RollbackOutlined />} onClick={() => setDecision('reject')}>
          {t('fv.review.reject')}
        </Button>
        <Button icon={<TeamOutlined />} onClick={() => setDecision('suggest_join')}>
          {t('fv.review.suggest')}
        </Button>
      </Flex>
      <Modal
        open={decision !== null}
        title={decision ? titles[decision] : ''}
        okText={decision ? t(DECISION_KEYS[decision]) : t('common.confirm')}
        okButtonProps={{ danger: decision === 'reject', 'data-testid': 'fv-review-ok' }}
        cancelText={t('common.cancel')}
        confirmLoading={review.isPending}
        onOk={() => form.submit()}
        onCancel={() => setDecision(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {visit.unitName} · {visit.topic}
        </Typography.Paragraph>
        <Form<ReviewValues> form={form} layout="vertical" preserve={false} onFinish={finish}>
          {decision === 'suggest_join' ? (
            <Form.Item
              label={t('fv.review.joinVisit')}
              name="joinVisitId"
              rules={[{ required: true, message: t('fv.review.joinVisitRequired') }]}
              extra={
                candidates.options.length === 0 && !candidates.loading
                  ? t('fv.review.noCandidates')
                  : undefined
              }
            >
              <Select
                loading={candidates.loading}
                options={candidates.options.map(({ value, label }) => ({ value, label }))}
                placeholder={t('fv.review.joinVisitPlaceholder')}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          ) : null}
          <Form.Item
            label={
              decision === 'reject'
                ? t('fv.review.reason')
                : `${t('fv.review.comment')}${t('common.optional')}`
            }
            name="comment"
            rules={
              decision === 'reject'
                ? [{ required: true, whitespace: true, message: t('fv.review.reasonRequired') }]
                : []
            }
          >
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
