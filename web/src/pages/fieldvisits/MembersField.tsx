import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useT } from '../../i18n';

/** 成员名单: who goes, with their post; the headcount is given separately (it includes drivers …). */
export function MembersField() {
  const t = useT();
  return (
    <Form.Item label={`${t('fv.field.members')}${t('common.optional')}`} className="fv-members-item">
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start" className="fv-member-row">
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('fv.form.memberNameRequired') }]}
                  className="fv-member-name"
                  style={{ marginBottom: 0 }}
                >
                  <Input
                    maxLength={40}
                    aria-label={t('fv.form.memberName', { n: index + 1 })}
                    placeholder={t('fv.form.memberNamePlaceholder')}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'post']} className="fv-member-post" style={{ marginBottom: 0 }}>
                  <Input
                    maxLength={60}
                    aria-label={t('fv.form.memberPost', { n: index + 1 })}
                    placeholder={t('fv.form.memberPostPlaceholder')}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('fv.form.removeMember', { n: index + 1 })}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
              {t('fv.form.addMember')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
