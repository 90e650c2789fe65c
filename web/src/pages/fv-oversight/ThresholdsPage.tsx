import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, InputNumber, Row, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type Thresholds, useThresholds } from '../../api/fieldvisits';
import { type ThresholdsInput, useSaveThresholds } from '../../api/fv-oversight';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { type MessageKey, useT } from '../../i18n';
import './fv-oversight.css';

type Field = keyof ThresholdsInput;

interface RuleField {
  name: Field;
  label: MessageKey;
  unit: MessageKey;
  min: number;
  max: number;
}

/** The rules as the reviewer reads them: what each means, its figures, the seed's defaults. */
const RULES: { code: string; title: MessageKey; explain: MessageKey; fields: RuleField[] }[] = [
  {
    code: 'UNIT_COUNTY_2W',
    title: 'fvo.warning.UNIT_COUNTY_2W',
    explain: 'fvo.rules.window.explain',
    fields: [
      {
        name: 'unitCountyWindowDays',
        label: 'fvo.rules.windowDays',
        unit: 'fvo.rules.unitDays',
        min: 1,
        max: 92,
      },
      {
        name: 'unitCountyWindowCount',
        label: 'fvo.rules.windowCount',
        unit: 'fvo.rules.unitTimes',
        min: 2,
        max: 100,
      },
    ],
  },
  {
    code: 'UNIT_COUNTY_YEAR',
    title: 'fvo.warning.UNIT_COUNTY_YEAR',
    explain: 'fvo.rules.year.explain',
    fields: [
      {
        name: 'unitCountyYearCount',
        label: 'fvo.rules.yearCount',
        unit: 'fvo.rules.unitTimes',
        min: 2,
        max: 366,
      },
    ],
  },
  {
    code: 'HEADCOUNT',
    title: 'fvo.warning.HEADCOUNT',
    explain: 'fvo.rules.headcount.explain',
    fields: [
      {
        name: 'headcountMax',
        label: 'fvo.rules.headcountMax',
        unit: 'fvo.rules.unitPeople',
        min: 1,
        max: 500,
      },
    ],
  },
  {
    code: 'COUNTY_MONTH_LOAD',
    title: 'fvo.warning.COUNTY_MONTH_LOAD',
    explain: 'fvo.rules.countyMonth.explain',
    fields: [
      {
        name: 'countyMonthMax',
        label: 'fvo.rules.countyMonthMax',
        unit: 'fvo.rules.unitGroups',
        min: 1,
        max: 1000,
      },
    ],
  },
  {
    code: 'RESULT',
    title: 'fvo.rules.result.title',
    explain: 'fvo.rules.result.explain',
    fields: [
      {
        name: 'resultDueDays',
        label: 'fvo.rules.resultDueDays',
        unit: 'fvo.rules.unitDays',
        min: 1,
        max: 90,
      },
    ],
  },
];

const FIELDS = RULES.flatMap((rule) => rule.fields.map((field) => field.name));
const valuesOf = (t: Thresholds): ThresholdsInput =>
  Object.fromEntries(FIELDS.map((name) => [name, t[name]])) as ThresholdsInput;

/** 预警规则: the reviewer sets the rules' figures; each save is a new version for new filings. */
export default function ThresholdsPage() {
  const t = useT();
  const thresholds = useThresholds();
  return (
    <>
      <PageHeader title={t('fvo.rules.title')} subtitle={t('fvo.rules.subtitle')} />
      {thresholds.isError ? (
        <QueryError error={thresholds.error} onRetry={() => void thresholds.refetch()} />
      ) : !thresholds.data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        // A new version starts the form again from what was saved.
        <ThresholdsForm key={thresholds.data.version} current={thresholds.data} />
      )}
    </>
  );
}

function ThresholdsForm({ current }: { current: Thresholds }) {
  const t = useT();
  const isMobile = useIsMobile();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ThresholdsInput>();
  const save = useSaveThresholds();
  const [dirty, setDirty] = useState(false);

  const submit = (values: ThresholdsInput) => {
    modal.confirm({
      title: t('fvo.rules.confirmTitle'),
      content: t('fvo.rules.confirmText'),
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: () =>
        save.mutateAsync(values).then(
          (saved) => {
            void message.success(t('fvo.rules.saved', { version: saved.version }));
          },
          (error: unknown) => {
            if (!applyApiErrorToForm(form, error, FIELDS)) void message.error(errorText(t, error));
          },
        ),
    });
  };

  return (
    <Form<ThresholdsInput>
      form={form}
      layout="vertical"
      initialValues={valuesOf(current)}
      onFinish={submit}
      onValuesChange={(_, all) => setDirty(FIELDS.some((name) => all[name] !== current[name]))}
      requiredMark={false}
    >
      <Alert
        className="fvo-block"
        type="info"
        showIcon
        icon={<InfoCircleOutlined />}
        title={
          // The first version is the seed's, written by the system on first use.
          current.createdByName === 'system'
            ? t('fvo.rules.versionSystem', { version: current.version })
            : t('fvo.rules.version', {
                version: current.version,
                name: current.createdByName,
                at: dayjs(current.createdAt).format('YYYY-MM-DD HH:mm'),
              })
        }
        description={t('fvo.rules.appliesNote')}
        data-testid="thresholds-version"
      />
      <Row gutter={[16, 16]}>
        {RULES.map((rule) => (
          <Col key={rule.code} xs={24} lg={12}>
            <Card
              size="small"
              className="fvo-rule-card"
              title={
                <Flex gap={8} align="center" wrap>
                  <span>{t(rule.title)}</span>
                  {rule.code !== 'RESULT' ? <Tag className="fvo-code-tag">{rule.code}</Tag> : null}
                </Flex>
              }
            >
              <Typography.Paragraph type="secondary" className="fvo-rule-explain">
                {t(rule.explain, Object.fromEntries(FIELDS.map((name) => [name, current[name]])))}
              </Typography.Paragraph>
              <Flex gap={isMobile ? 12 : 16} wrap={!isMobile}>
                {rule.fields.map((field) => (
                  <Form.Item
                    key={field.name}
                    name={field.name}
                    label={t(field.label)}
                    rules={[{ required: true, message: t('fvo.rules.required') }]}
                    className="fvo-rule-field"
                    // On a phone a rule's two figures share the row.
                    style={isMobile ? { flex: 1, minWidth: 0 } : undefined}
                  >
                    <InputNumber
                      min={field.min}
                      max={field.max}
                      precision={0}
                      suffix={t(field.unit)}
                      style={{ width: isMobile ? '100%' : 160 }}
                      data-testid={`threshold-${field.name}`}
                    />
                  </Form.Item>
                ))}
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      <Flex gap={8} justify="flex-end" className="fvo-form-actions">
        <Button
          disabled={!dirty || save.isPending}
          onClick={() => {
            form.resetFields();
            setDirty(false);
          }}
        >
          {t('common.reset')}
        </Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!dirty}>
          {t('fvo.rules.save')}
        </Button>
      </Flex>
    </Form>
  );
}
