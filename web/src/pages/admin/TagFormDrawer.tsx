import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { isApiError } from '../../api/errors';
import { useRoles } from '../../api/hooks';
import type { RiskLevel } from '../../api/residents';
import { residentKeys } from '../../api/residents';
import {
  type CatalogTag,
  createTag,
  type NewTag,
  type TagCategory,
  tagKeys,
  updateTag,
} from '../../api/tags';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { optionsOf, RISK_KEYS } from '../residents/vocabulary';
import { SaveDrawer } from './SaveDrawer';
import { SUGGESTED_INTERVAL_DAYS, TAG_CATEGORY_KEYS } from './tagVocabulary';

interface TagFormValues {
  code: string;
  name: string;
  category: TagCategory;
  riskLevel: RiskLevel;
  visitIntervalDays: number;
  sensitive: boolean;
  grantedRoles: string[];
  sortOrder?: number | null;
}

const FIELDS = [
  'code',
  'name',
  'category',
  'riskLevel',
  'visitIntervalDays',
  'sensitive',
  'grantedRoles',
  'sortOrder',
] as const;

const CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

interface TagFormDrawerProps {
  open: boolean;
  /** The tag being edited; null to create one. */
  tag: CatalogTag | null;
  onClose: () => void;
}

export function TagFormDrawer({ open, tag, onClose }: TagFormDrawerProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<TagFormValues>();
  const sensitive = Form.useWatch('sensitive', form) ?? false;
  const roles = useRoles();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const save = useMutation({
    mutationFn: (values: TagFormValues) => {
      const fields = {
        name: values.name.trim(),
        category: values.category,
        riskLevel: values.riskLevel,
        visitIntervalDays: values.visitIntervalDays,
        sensitive: values.sensitive,
        // The server drops the roles of a tag that is not sensitive; send none rather than stale ones.
        grantedRoles: (values.sensitive ? values.grantedRoles : []) as NewTag['grantedRoles'],
        // Left empty: a new tag takes the default place, an edited one keeps its own.
        sortOrder: values.sortOrder ?? undefined,
      };
      return tag ? updateTag(tag.id, fields) : createTag({ code: values.code.trim(), ...fields });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: tagKeys.all });
      // Residents show their tags by name and risk: let them pick up the change.
      void queryClient.invalidateQueries({ queryKey: residentKeys.all });
      message.success(tag ? t('common.saved') : t('tags.created', { name: saved.name }));
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 'TAG_CODE_TAKEN')) {
        form.setFields([{ name: 'code', errors: [error.message] }]);
      } else if (!applyApiErrorToForm(form, error, FIELDS)) {
        message.error(errorText(t, error));
      }
    },
  });

  const initialValues: Partial<TagFormValues> = tag
    ? {
        name: tag.name,
        category: tag.category,
        riskLevel: tag.riskLevel,
        visitIntervalDays: tag.visitIntervalDays,
        sensitive: tag.sensitive,
        grantedRoles: tag.grantedRoles ?? [],
      }
    : { sensitive: false, grantedRoles: [] };

  return (
    <SaveDrawer
      open={open}
      onClose={onClose}
      title={tag ? t('tags.editTitle', { name: tag.name }) : t('tags.newTitle')}
      onSave={() => form.submit()}
      saving={save.isPending}
      width={520}
    >
      <Form<TagFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => save.mutate(values)}
        onValuesChange={(changed: Partial<TagFormValues>) => {
          // A risk level suggests its interval, unless the admin has typed one of their own.
          if (changed.riskLevel && !form.isFieldTouched('visitIntervalDays')) {
            form.setFieldValue('visitIntervalDays', SUGGESTED_INTERVAL_DAYS[changed.riskLevel]);
          }
        }}
        disabled={save.isPending}
      >
        {tag ? (
          <Form.Item label={t('tags.code')}>
            <Typography.Text code>{tag.code}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            label={t('tags.code')}
            name="code"
            extra={t('tags.codeHelp')}
            rules={[
              { required: true, whitespace: true, message: t('tags.codeRequired') },
              { pattern: CODE_PATTERN, message: t('tags.codePattern') },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="off" spellCheck={false} maxLength={40} />
          </Form.Item>
        )}
        <Form.Item
          label={t('tags.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('tags.nameRequired') },
            { max: 20, message: t('tags.nameTooLong') },
          ]}
        >
          <Input autoComplete="off" maxLength={20} showCount />
        </Form.Item>
        <Flex gap={16} wrap={isMobile}>
          <Form.Item
            label={t('tags.category')}
            name="category"
            rules={[{ required: true, message: t('tags.categoryRequired') }]}
            style={{ flex: 1, minWidth: 0 }}
          >
            <Select options={optionsOf(t, TAG_CATEGORY_KEYS)} />
          </Form.Item>
          <Form.Item
            label={t('tags.riskLevel')}
            name="riskLevel"
            rules={[{ required: true, message: t('tags.riskRequired') }]}
            style={{ flex: 1, minWidth: 0 }}
          >
            <Select options={optionsOf(t, RISK_KEYS)} />
          </Form.Item>
        </Flex>
        <Form.Item
          label={t('tags.interval')}
          name="visitIntervalDays"
          extra={t('tags.intervalHelp')}
          rules={[{ required: true, type: 'integer', min: 1, max: 366, message: t('tags.intervalRequired') }]}
        >
          <InputNumber
            min={1}
            max={366}
            precision={0}
            prefix={t('tags.every')}
            suffix={t('tags.days')}
            style={{ width: 180 }}
          />
        </Form.Item>
        <Form.Item
          label={t('tags.sensitive')}
          name="sensitive"
          valuePropName="checked"
          extra={t('tags.sensitiveHelp')}
        >
          <Switch />
        </Form.Item>
        <Form.Item
          label={t('tags.grantedRoles')}
          name="grantedRoles"
          extra={t('tags.grantedRolesHelp')}
          rules={[
            ({ getFieldValue }) => ({
              warningOnly: true,
              validator: (_rule, value: string[] | undefined) =>
                getFieldValue('sensitive') && (value ?? []).length === 0
                  ? Promise.reject(new Error(t('tags.grantedRolesEmpty')))
                  : Promise.resolve(),
            }),
          ]}
          dependencies={['sensitive']}
        >
          <Select
            mode="multiple"
            allowClear
            disabled={!sensitive || save.isPending}
            placeholder={sensitive ? t('tags.grantedRolesPlaceholder') : t('tags.grantedRolesOff')}
            loading={roles.isLoading}
            options={(roles.data ?? []).map((role) => ({ value: role.code, label: role.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item
          label={`${t('tags.sortOrder')}${t('common.optional')}`}
          name="sortOrder"
          extra={t('tags.sortOrderHelp')}
        >
          <InputNumber
            min={0}
            max={10_000}
            precision={0}
            placeholder={tag ? t('tags.sortOrderKeep') : '100'}
            style={{ width: 180 }}
          />
        </Form.Item>
      </Form>
    </SaveDrawer>
  );
}
