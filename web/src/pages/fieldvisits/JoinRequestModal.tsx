import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { type NearbyVisit, requestJoin, useVisitMutation } from '../../api/fieldvisits';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { useT } from '../../i18n';
import { formatRange } from './visitDates';

interface JoinRequestModalProps {
  visit: NearbyVisit | null;
  /** The departments of the reporter's unit, one of which may be the one joining. */
  departments: { id: number; name: string }[];
  onClose: () => void;
}

interface JoinValues {
  message: string;
  departmentId?: number;
}

/** 申请联合调研: asks the host unit to let one's own people join its visit instead of adding one. */
export function JoinRequestModal({ visit, departments, onClose }: JoinRequestModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<JoinValues>();
  const send = useVisitMutation((values: JoinValues) =>
    requestJoin(visit?.id ?? 0, {
      message: values.message.trim(),
      ...(values.departmentId ? { departmentId: values.departmentId } : {}),
    }),
  );
  return (
    <Modal
      open={visit !== null}
      title={t('fv.join.requestTitle')}
      okText={t('fv.join.send')}
      cancelText={t('common.cancel')}
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {visit ? (
        <Typography.Paragraph type="secondary">
          {t('fv.join.requestHint', {
            unit: visit.unitName,
            topic: visit.topic,
            dates: formatRange(visit.startDate, visit.endDate),
          })}
        </Typography.Paragraph>
      ) : null}
      <Form<JoinValues>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) =>
          send.mutate(values, {
            onSuccess: () => {
              void message.success(t('fv.join.sent', { unit: visit?.unitName ?? '' }));
              onClose();
            },
            onError: (error) => {
              if (!applyApiErrorToForm(form, error, ['message', 'departmentId']))
                void message.error(errorText(t, error));
            },
          })
        }
      >
        {departments.length > 0 ? (
          <Form.Item label={`${t('fv.field.department')}${t('common.optional')}`} name="departmentId">
            <Select allowClear options={departments.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item
          label={t('fv.join.message')}
          name="message"
          rules={[{ required: true, whitespace: true, message: t('fv.join.messageRequired') }]}
        >
          <Input.TextArea
            maxLength={500}
            showCount
            autoSize={{ minRows: 3, maxRows: 6 }}
            placeholder={t('fv.join.messagePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
