import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Select, Spin, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  addResidentTag,
  endResidentTag,
  type RiskLevel,
  residentKeys,
  type TagAssignment,
  useResidentTags,
  useTagCatalog,
} from '../../api/residents';
import { visitKeys } from '../../api/visits';
import { EmptyState } from '../../components/EmptyState';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { QueryError } from '../../components/QueryError';
import { useT } from '../../i18n';
import { isAfterToday, todayDate } from './dates';
import { RISK_COLORS, RISK_KEYS } from './vocabulary';

interface AddValues {
  tag: string;
  startedOn: Dayjs;
  reason?: string;
}

interface EndValues {
  endedOn: Dayjs;
  reason?: string;
}

const riskColor = (level: string) => RISK_COLORS[level as RiskLevel] ?? 'default';

/** 标签: the care tags now and before; adding or ending one changes how often visits are due. */
export function ResidentTagsTab({ residentId, canWrite }: { residentId: number; canWrite: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const assignments = useResidentTags(residentId);
  const catalog = useTagCatalog();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<TagAssignment | null>(null);
  const [addForm] = Form.useForm<AddValues>();
  const [endForm] = Form.useForm<EndValues>();

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: residentKeys.detail(residentId) });
    void queryClient.invalidateQueries({ queryKey: residentKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: visitKeys.all });
  };

  const add = useMutation({
    mutationFn: (values: AddValues) =>
      addResidentTag(residentId, {
        tag: values.tag,
        startedOn: values.startedOn.format('YYYY-MM-DD'),
        reason: values.reason?.trim() || undefined,
      }),
    onSuccess: (assignment) => {
      refresh();
      void message.success(t('residents.tagAdded', { tag: assignment.tag.name }));
      setAdding(false);
    },
    onError: (error) => {
      if (!applyApiErrorToForm(addForm, error, ['tag', 'startedOn', 'reason'])) {
        void message.error(errorText(t, error));
      }
    },
  });

  const end = useMutation({
    mutationFn: ({ assignment, values }: { assignment: TagAssignment; values: EndValues }) =>
      endResidentTag(residentId, assignment.id, {
        endedOn: values.endedOn.format('YYYY-MM-DD'),
        reason: values.reason?.trim() || undefined,
      }),
    onSuccess: (assignment) => {
      refresh();
      void message.success(t('residents.tagEnded', { tag: assignment.tag.name }));
      setEnding(null);
    },
    onError: (error) => {
      if (!applyApiErrorToForm(endForm, error, ['endedOn', 'reason'])) {
        void message.error(errorText(t, error));
      }
    },
  });

  if (assignments.isError) {
    return <QueryError error={assignments.error} onRetry={() => void assignments.refetch()} />;
  }
  const items = assignments.data ?? [];
  const current = items.filter((a) => a.endedOn === null);
  const past = items.filter((a) => a.endedOn !== null);
  const held = new Set(current.map((a) => a.tag.code));
  const tagOptions = (catalog.data ?? [])
    .filter((tag) => tag.active && !held.has(tag.code))
    .map((tag) => ({
      value: tag.code,
      label: tag.name,
      title: tag.name,
      risk: tag.riskLevel,
      interval: tag.visitIntervalDays,
    }));

  const renderAssignment = (assignment: TagAssignment, active: boolean) => (
    <div key={assignment.id} className="item-row">
      <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
        <Flex gap={8} align="center" wrap>
          <Tag
            color={active ? riskColor(assignment.tag.riskLevel) : 'default'}
            style={{ marginInlineEnd: 0 }}
          >
            {assignment.tag.name}
          </Tag>
          <Typography.Text type="secondary">
            {active
              ? t('residents.tagSince', { date: assignment.startedOn })
              : t('residents.tagPeriod', { from: assignment.startedOn, to: assignment.endedOn ?? '' })}
          </Typography.Text>
        </Flex>
        {assignment.reason ? <Typography.Text>{assignment.reason}</Typography.Text> : null}
        {!active && assignment.endReason ? (
          <Typography.Text>
            {t('residents.endReason')}
            {t('common.colon')}
            {assignment.endReason}
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary" className="small-text">
          {t('residents.taggedBy', { name: assignment.taggedByName })}
          {assignment.endedByName ? ` · ${t('residents.endedBy', { name: assignment.endedByName })}` : ''}
        </Typography.Text>
      </Flex>
      {active && canWrite ? (
        <Button size="small" onClick={() => setEnding(assignment)}>
          {t('residents.endTag')}
        </Button>
      ) : null}
    </div>
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('residents.currentTags')}
        </Typography.Title>
        {canWrite ? (
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              addForm.resetFields();
              setAdding(true);
            }}
          >
            {t('residents.addTag')}
          </Button>
        ) : null}
      </Flex>
      {assignments.isLoading ? (
        <Spin />
      ) : current.length === 0 ? (
        <EmptyState description={t('residents.noTags')} />
      ) : (
        <div className="item-list">{current.map((a) => renderAssignment(a, true))}</div>
      )}
      {past.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('residents.pastTags')}
          </Typography.Title>
          <div className="item-list past-tags">{past.map((a) => renderAssignment(a, false))}</div>
        </>
      ) : null}

      <Modal
        open={adding}
        title={t('residents.addTag')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => addForm.submit()}
        onCancel={() => setAdding(false)}
        confirmLoading={add.isPending}
        destroyOnHidden
      >
        <Form<AddValues>
          form={addForm}
          layout="vertical"
          initialValues={{ startedOn: todayDate() }}
          onFinish={(values) => add.mutate(values)}
        >
          <Form.Item
            label={t('residents.tag')}
            name="tag"
            rules={[{ required: true, message: t('residents.tagRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={catalog.isLoading}
              options={tagOptions}
              optionRender={(option) => (
                <Flex justify="space-between" gap={8}>
                  <span>{option.data.label}</span>
                  <span>
                    <Tag color={riskColor(option.data.risk)} style={{ marginInlineEnd: 4 }}>
                      {t(RISK_KEYS[option.data.risk])}
                    </Tag>
                    <Typography.Text type="secondary" className="small-text">
                      {t('residents.everyDays', { n: option.data.interval })}
                    </Typography.Text>
                  </span>
                </Flex>
              )}
            />
          </Form.Item>
          <Form.Item
            label={t('residents.tagStartedOn')}
            name="startedOn"
            rules={[{ required: true, message: t('residents.dateRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={isAfterToday} inputReadOnly />
          </Form.Item>
          <Form.Item label={`${t('residents.tagReason')}${t('common.optional')}`} name="reason">
            <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={ending !== null}
        title={t('residents.endTagTitle', { tag: ending?.tag.name ?? '' })}
        okText={t('residents.endTag')}
        cancelText={t('common.cancel')}
        onOk={() => endForm.submit()}
        onCancel={() => setEnding(null)}
        confirmLoading={end.isPending}
        destroyOnHidden
      >
        <Form<EndValues>
          form={endForm}
          layout="vertical"
          initialValues={{ endedOn: todayDate() }}
          onFinish={(values) => ending && end.mutate({ assignment: ending, values })}
        >
          <Form.Item
            label={t('residents.tagEndedOn')}
            name="endedOn"
            rules={[{ required: true, message: t('residents.dateRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={isAfterToday} inputReadOnly />
          </Form.Item>
          <Form.Item
            label={t('residents.endReason')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('residents.endReasonRequired') }]}
          >
            <Input.TextArea
              maxLength={200}
              autoSize={{ minRows: 2, maxRows: 4 }}
              placeholder={t('residents.endReasonPlaceholder')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
