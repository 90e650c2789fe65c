import { AlertOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { type FieldVisit, flagClash, useVisitMutation } from '../../api/fieldvisits';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { useT } from '../../i18n';
import { CountySelect } from './CountySelect';
import { useCounties } from './useCounties';
import { formatWhen } from './visitDates';

interface ClashValues {
  countyCode: string;
  reason: string;
}

/**
 * 冲突提示: a county tells the reviewer and the unit that the visit clashes with something local
 * (a festival, a flood, another inspection); the filing goes back to the reviewer's queue.
 */
export function ClashSection({ visit, canFlag }: { visit: FieldVisit; canFlag: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const { names } = useCounties();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ClashValues>();
  const clashes = visit.clashes ?? [];
  // A county flags only for its own counties among the stops.
  const mine = [...new Set(visit.stops.map((s) => s.countyCode))].filter((code) => names.has(code));
  const flag = useVisitMutation((values: ClashValues) =>
    flagClash(visit.id, { countyCode: values.countyCode, reason: values.reason.trim() }),
  );
  const flaggable = canFlag && visit.status !== 'cancelled' && mine.length > 0;
  if (clashes.length === 0 && !flaggable) return null;

  return (
    <Card
      size="small"
      title={t('fv.clash.title')}
      className="fv-section"
      extra={
        flaggable ? (
          <Button size="small" icon={<AlertOutlined />} onClick={() => setOpen(true)}>
            {t('fv.clash.flag')}
          </Button>
        ) : null
      }
    >
      {clashes.length === 0 ? (
        <Typography.Text type="secondary">{t('fv.clash.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={10}>
          {clashes.map((clash) => (
            <Flex key={clash.id} vertical gap={2} className="fv-clash">
              <Typography.Text strong>{clash.countyName}</Typography.Text>
              <Typography.Text className="pre-line">{clash.reason}</Typography.Text>
              <Typography.Text type="secondary" className="small-text">
                {clash.flaggedByName} · {formatWhen(clash.createdAt)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
      <Modal
        open={open}
        title={t('fv.clash.flagTitle')}
        okText={t('fv.clash.send')}
        cancelText={t('common.cancel')}
        confirmLoading={flag.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('fv.clash.hint')}</Typography.Paragraph>
        <Form<ClashValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ countyCode: mine.length === 1 ? mine[0] : undefined }}
          onFinish={(values) =>
            flag.mutate(values, {
              onSuccess: () => {
                setOpen(false);
                void message.success(t('fv.clash.sent'));
              },
              onError: (error) => {
                if (!applyApiErrorToForm(form, error, ['countyCode', 'reason']))
                  void message.error(errorText(t, error));
              },
            })
          }
        >
          <Form.Item
            label={t('fv.field.county')}
            name="countyCode"
            rules={[{ required: true, message: t('fv.form.countyRequired') }]}
          >
            <CountySelect only={mine} />
          </Form.Item>
          <Form.Item
            label={t('fv.clash.reason')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('fv.clash.reasonRequired') }]}
          >
            <Input.TextArea
              maxLength={500}
              showCount
              autoSize={{ minRows: 3, maxRows: 6 }}
              placeholder={t('fv.clash.reasonPlaceholder')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
