import { App, Button, Card, Descriptions, Flex, Form, Input, Tag, Typography } from 'antd';
import { type FieldVisit, fileResult, useVisitMutation } from '../../api/fieldvisits';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { useT } from '../../i18n';
import { formatWhen, hasStarted } from './visitDates';

interface ResultValues {
  findings: string;
  solved?: string;
}

/**
 * 调研成果: what the visit found and what it solved for the locality, filed by the unit from the
 * start date on and due some days after the end.
 */
export function ResultSection({ visit, canFile }: { visit: FieldVisit; canFile: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResultValues>();
  const save = useVisitMutation((values: ResultValues) =>
    fileResult(visit.id, {
      findings: values.findings.trim(),
      ...(values.solved?.trim() ? { solved: values.solved.trim() } : {}),
    }),
  );
  if (visit.status === 'cancelled') return null;
  const result = visit.result ?? null;
  const started = hasStarted(visit.startDate);

  return (
    <Card
      size="small"
      title={t('fv.result.title')}
      className="fv-section"
      data-testid="fv-result"
      extra={
        visit.resultDueDate ? (
          <Flex gap={6} align="center">
            <Typography.Text type={visit.resultOverdue ? 'danger' : 'secondary'} className="small-text">
              {t('fv.result.due', { date: visit.resultDueDate })}
            </Typography.Text>
            {visit.resultOverdue ? <Tag color="error">{t('fv.result.overdueTag')}</Tag> : null}
          </Flex>
        ) : null
      }
    >
      {result ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('fv.result.findings')}>
            <span className="pre-line">{result.findings}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('fv.result.solved')}>
            <span className="pre-line">{result.solved || '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('fv.result.filedAt')}>{formatWhen(result.filedAt)}</Descriptions.Item>
        </Descriptions>
      ) : !started ? (
        <Typography.Text type="secondary">{t('fv.result.notYet')}</Typography.Text>
      ) : canFile ? (
        <Form<ResultValues>
          form={form}
          layout="vertical"
          onFinish={(values) =>
            save.mutate(values, {
              onSuccess: () => void message.success(t('fv.result.saved')),
              onError: (error) => {
                if (!applyApiErrorToForm(form, error, ['findings', 'solved']))
                  void message.error(errorText(t, error));
              },
            })
          }
        >
          <Form.Item
            label={t('fv.result.findings')}
            name="findings"
            rules={[{ required: true, whitespace: true, message: t('fv.result.findingsRequired') }]}
          >
            <Input.TextArea
              maxLength={2000}
              showCount
              autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder={t('fv.result.findingsPlaceholder')}
            />
          </Form.Item>
          <Form.Item label={`${t('fv.result.solved')}${t('common.optional')}`} name="solved">
            <Input.TextArea
              maxLength={2000}
              showCount
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={t('fv.result.solvedPlaceholder')}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('fv.result.submit')}
          </Button>
        </Form>
      ) : (
        <Typography.Text type="secondary">{t('fv.result.waiting')}</Typography.Text>
      )}
    </Card>
  );
}
