import { SearchOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Flex, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AuditFilters as Filters } from '../../api/audit';
import { RegionPicker } from '../../components/RegionPicker';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';

interface FilterValues {
  actor?: string;
  entity?: string;
  action?: string;
  regionCode?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toFilters(values: FilterValues): Filters {
  const text = (value: string | undefined) => value?.trim() || undefined;
  return {
    actor: text(values.actor),
    entity: text(values.entity),
    action: text(values.action),
    regionCode: values.regionCode || undefined,
    // Dates, not instants: the server reads them as whole days in Asia/Shanghai.
    from: values.range?.[0]?.format('YYYY-MM-DD'),
    to: values.range?.[1]?.format('YYYY-MM-DD'),
  };
}

interface AuditFiltersProps {
  initialRegionCode?: string;
  onChange: (filters: Filters) => void;
}

export function AuditFilters({ initialRegionCode, onChange }: AuditFiltersProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FilterValues>();

  return (
    <Form<FilterValues>
      form={form}
      layout="vertical"
      initialValues={{ regionCode: initialRegionCode }}
      onFinish={(values) => onChange(toFilters(values))}
      className="filter-form"
    >
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={6} xxl={4}>
          <Form.Item label={t('audit.actor')} name="actor">
            <Input allowClear placeholder={t('audit.actorPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={6} xxl={4}>
          <Form.Item label={t('audit.entity')} name="entity">
            <Input allowClear placeholder="user" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={6} xxl={4}>
          <Form.Item label={t('audit.action')} name="action">
            <Input allowClear placeholder="user.create" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} xxl={4}>
          <Form.Item label={t('audit.region')} name="regionCode">
            <RegionPicker allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8} xxl={5}>
          <Form.Item label={t('audit.dateRange')} name="range">
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} xxl={3}>
          {/* A blank label lines the buttons up with the fields beside them; on phones they stand
              alone on their row, and the blank line would only push them down. */}
          <Form.Item label={isMobile ? undefined : ' '} colon={false}>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  form.submit();
                }}
              >
                {t('common.reset')}
              </Button>
            </Flex>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
