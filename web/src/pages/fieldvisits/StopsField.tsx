import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useT } from '../../i18n';
import { CountySelect } from './CountySelect';

const MAX_STOPS = 20;

/** 调研地点: one or more counties, each with an optional site (a village, a school, a company). */
export function StopsField() {
  const t = useT();
  return (
    <Form.Item label={t('fv.field.stops')} required className="fv-stops-item">
      <Form.List name="stops">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start" className="fv-stop-row" data-testid="fv-stop">
                <Form.Item
                  name={[field.name, 'countyCode']}
                  rules={[{ required: true, message: t('fv.form.countyRequired') }]}
                  className="fv-stop-county"
                  style={{ marginBottom: 0 }}
                >
                  <CountySelect aria-label={t('fv.form.stopCounty', { n: index + 1 })} />
                </Form.Item>
                <Form.Item name={[field.name, 'site']} className="fv-stop-site" style={{ marginBottom: 0 }}>
                  <Input
                    maxLength={60}
                    aria-label={t('fv.form.stopSite', { n: index + 1 })}
                    placeholder={t('fv.form.sitePlaceholder')}
                  />
                </Form.Item>
                {fields.length > 1 ? (
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('fv.form.removeStop', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                ) : null}
              </Flex>
            ))}
            {fields.length < MAX_STOPS ? (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                {t('fv.form.addStop')}
              </Button>
            ) : null}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
