import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { isApiError } from '../../api/errors';
import type { Unit } from '../../api/fieldvisits';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { FIELDS, type VisitFormValues } from './formValues';
import { MembersField } from './MembersField';
import { StopsField } from './StopsField';
import { hasStarted } from './visitDates';

interface VisitFormProps {
  form: FormInstance<VisitFormValues>;
  initial: VisitFormValues;
  editing: boolean;
  units: Unit[];
  /** The reporter's own unit, when the server tells it: then it is fixed. */
  ownUnitId: number | null;
  /** Counties of the filing whose month is at its line: an explanation is then required. */
  overLine: string[];
  headcountMax: number | undefined;
  saving: boolean;
  onSubmit: (values: VisitFormValues) => void;
  /** The server's refusal (shown above the form unless a field took it). */
  error: unknown;
  /** The server asked for an explanation (422 EXPLANATION_REQUIRED): keep the field required. */
  explanationAsked: boolean;
}

/** Server paths like `/stops/0/countyCode` as antd names (`['stops', 0, 'countyCode']`). */
function namePath(path: string): (string | number)[] {
  return path
    .replace(/^\//, '')
    .split('/')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Puts a refusal on its field: the 422s on the field they are about, others where they point. */
export function applyVisitError(form: FormInstance<VisitFormValues>, error: unknown): boolean {
  if (isApiError(error, 'EXPLANATION_REQUIRED')) {
    form.setFields([{ name: 'explanation', errors: [error.message] }]);
    return true;
  }
  if (isApiError(error, 'LATE_FILING')) {
    form.setFields([{ name: 'startDate', errors: [error.message] }]);
    return true;
  }
  if (isApiError(error) && error.details.some((d) => /^\/(stops|members)\/\d+\//.test(d.path))) {
    // The path comes from the server: antd cannot check it against the form's names.
    const fields = error.details.map((d) => ({ name: namePath(d.path), errors: [d.message] }));
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    return true;
  }
  return applyApiErrorToForm(form, error, FIELDS);
}

/** The filing itself: who, what, when, where, how many, what is asked of the locality. */
export function VisitForm({
  form,
  initial,
  editing,
  units,
  ownUnitId,
  overLine,
  headcountMax,
  saving,
  onSubmit,
  error,
  explanationAsked,
}: VisitFormProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const unitId = Form.useWatch('unitId', form) ?? initial.unitId;
  const startDate = Form.useWatch('startDate', form) as Dayjs | null | undefined;
  const headcount = Form.useWatch('headcount', form) as number | null | undefined;
  const urgent = Form.useWatch('urgent', form) as boolean | undefined;
  const unit = units.find((u) => u.id === unitId);
  // Before or on today's date a filing is late: only an urgent one, with its reason, is taken.
  const late = !editing && startDate ? hasStarted(startDate.format('YYYY-MM-DD')) : false;
  const needsExplanation = overLine.length > 0 || explanationAsked;
  const showExplanation = needsExplanation || Boolean(initial.explanation);
  const fixedUnit = ownUnitId !== null && units.some((u) => u.id === ownUnitId);
  const half = { xs: 24, md: 12 };

  return (
    <Form<VisitFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={onSubmit}
      scrollToFirstError
      className="fv-form"
    >
      {error ? <Alert type="error" showIcon className="fv-form-error" title={errorText(t, error)} /> : null}
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            label={t('fv.field.unit')}
            name="unitId"
            rules={[{ required: true, message: t('fv.form.unitRequired') }]}
          >
            {fixedUnit ? (
              <Select disabled options={units.map((u) => ({ value: u.id, label: u.name }))} />
            ) : (
              <Select
                options={units.map((u) => ({ value: u.id, label: u.name }))}
                showSearch={{ optionFilterProp: 'label' }}
                disabled={editing}
                placeholder={t('fv.form.unitPlaceholder')}
                onChange={() => form.setFieldValue('departmentId', null)}
              />
            )}
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={`${t('fv.field.department')}${t('common.optional')}`} name="departmentId">
            <Select
              allowClear
              placeholder={t('fv.form.departmentPlaceholder')}
              options={(unit?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
              notFoundContent={t('fv.form.noDepartments')}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={`${t('fv.field.leaderName')}${t('common.optional')}`} name="leaderName">
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={`${t('fv.field.leaderLevel')}${t('common.optional')}`} name="leaderLevel">
            <Input maxLength={40} placeholder={t('fv.form.leaderLevelPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            label={t('fv.field.topic')}
            name="topic"
            rules={[{ required: true, whitespace: true, message: t('fv.form.topicRequired') }]}
          >
            <Input
              maxLength={100}
              showCount
              placeholder={t('fv.form.topicPlaceholder')}
              data-testid="fv-topic"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={`${t('fv.field.purpose')}${t('common.optional')}`} name="purpose">
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={12}>
          <Form.Item
            label={t('fv.field.startDate')}
            name="startDate"
            rules={[{ required: true, message: t('fv.form.startRequired') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly={isMobile}
              data-testid="fv-start"
              onChange={(value) => {
                const end = form.getFieldValue('endDate') as Dayjs | null | undefined;
                if (value && (!end || end.isBefore(value, 'day'))) form.setFieldValue('endDate', value);
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={12}>
          <Form.Item
            label={t('fv.field.endDate')}
            name="endDate"
            dependencies={['startDate']}
            rules={[
              { required: true, message: t('fv.form.endRequired') },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: Dayjs | null | undefined) => {
                  const start = getFieldValue('startDate') as Dayjs | null | undefined;
                  if (value && start && value.isBefore(start, 'day'))
                    throw new Error(t('fv.form.endBeforeStart'));
                },
              }),
            ]}
          >
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly={isMobile}
              data-testid="fv-end"
              disabledDate={(day) => Boolean(startDate && day.isBefore(startDate, 'day'))}
            />
          </Form.Item>
        </Col>
        {late ? (
          <Col span={24}>
            <Alert
              type="warning"
              showIcon
              className="fv-late"
              title={t('fv.form.lateTitle')}
              description={t('fv.form.lateHint')}
            />
            <Form.Item name="urgent" valuePropName="checked" style={{ marginBottom: urgent ? 8 : undefined }}>
              <Checkbox>{t('fv.field.urgent')}</Checkbox>
            </Form.Item>
            {urgent ? (
              <Form.Item
                label={t('fv.field.urgentReason')}
                name="urgentReason"
                rules={[{ required: true, whitespace: true, message: t('fv.form.urgentReasonRequired') }]}
              >
                <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
            ) : null}
          </Col>
        ) : null}
        <Col span={24}>
          <StopsField />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('fv.field.headcount')}
            name="headcount"
            rules={[{ required: true, message: t('fv.form.headcountRequired') }]}
            extra={
              headcountMax !== undefined && headcount && headcount > headcountMax ? (
                <Typography.Text type="warning">
                  {t('fv.form.headcountOver', { max: headcountMax })}
                </Typography.Text>
              ) : headcountMax !== undefined ? (
                t('fv.form.headcountHint', { max: headcountMax })
              ) : undefined
            }
          >
            <InputNumber
              min={1}
              max={500}
              precision={0}
              style={{ width: '100%' }}
              inputMode="numeric"
              data-testid="fv-headcount"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <MembersField />
        </Col>
        <Col span={24}>
          <Form.Item
            label={`${t('fv.field.asks')}${t('common.optional')}`}
            name="asks"
            extra={t('fv.form.asksHint')}
          >
            {/* No counter: it would sit on the hint below. */}
            <Input.TextArea
              maxLength={500}
              autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder={t('fv.form.asksPlaceholder')}
            />
          </Form.Item>
        </Col>
        {showExplanation ? (
          <Col span={24}>
            {overLine.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                className="fv-over-line"
                title={t('fv.form.overLine', { counties: overLine.join('、') })}
              />
            ) : null}
            <Form.Item
              label={t('fv.field.explanation')}
              name="explanation"
              rules={
                needsExplanation
                  ? [{ required: true, whitespace: true, message: t('fv.form.explanationRequired') }]
                  : []
              }
              required={needsExplanation}
            >
              <Input.TextArea
                maxLength={1000}
                showCount
                autoSize={{ minRows: 3, maxRows: 8 }}
                placeholder={t('fv.form.explanationPlaceholder')}
              />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Flex gap={8} className="fv-form-actions">
        <Button type="primary" htmlType="submit" loading={saving} data-testid="fv-submit">
          {editing ? t('fv.form.save') : t('fv.form.submit')}
        </Button>
        <Button onClick={() => window.history.back()}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
