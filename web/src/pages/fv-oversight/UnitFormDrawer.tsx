import { App, Form, Input, Radio, Select, Typography } from 'antd';
import { isApiError } from '../../api/errors';
import { type NewFvUnit, useCreateUnit, usePrefectures } from '../../api/fv-oversight';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { useT } from '../../i18n';
import { SaveDrawer } from '../admin/SaveDrawer';

interface UnitFormValues {
  name: string;
  kind: NewFvUnit['kind'];
  regionCode?: string;
  departments?: string[];
}

const FIELDS = ['name', 'kind', 'regionCode', 'departments'] as const;

interface UnitFormDrawerProps {
  open: boolean;
  onClose: () => void;
}

/** 新增单位: a provincial unit or a prefecture, with its internal departments typed one by one. */
export function UnitFormDrawer({ open, onClose }: UnitFormDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitFormValues>();
  const kind = Form.useWatch('kind', form);
  const prefectures = usePrefectures();
  const create = useCreateUnit();

  const submit = (values: UnitFormValues) => {
    const departments = [...new Set((values.departments ?? []).map((d) => d.trim()).filter(Boolean))];
    create.mutate(
      {
        name: values.name.trim(),
        kind: values.kind,
        regionCode: values.kind === 'prefecture' ? values.regionCode : undefined,
        departments: departments.length > 0 ? departments : undefined,
      },
      {
        onSuccess: (unit) => {
          void message.success(t('fvo.units.created', { name: unit.name }));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'FV_UNIT_EXISTS') {
            form.setFields([{ name: 'name', errors: [t('fvo.units.nameTaken')] }]);
          } else if (!applyApiErrorToForm(form, error, FIELDS)) {
            void message.error(errorText(t, error));
          }
        },
      },
    );
  };

  return (
    <SaveDrawer
      open={open}
      onClose={onClose}
      title={t('fvo.units.newTitle')}
      onSave={() => form.submit()}
      saving={create.isPending}
      width={480}
    >
      <Form<UnitFormValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'provincial', departments: [] }}
        onFinish={submit}
        disabled={create.isPending}
      >
        <Form.Item
          label={t('fvo.units.kind')}
          name="kind"
          rules={[{ required: true, message: t('fvo.units.kindRequired') }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'provincial', label: t('fvo.units.kindProvincial') },
              { value: 'prefecture', label: t('fvo.units.kindPrefecture') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('fvo.units.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('fvo.units.nameRequired') }]}
        >
          <Input maxLength={60} autoComplete="off" placeholder={t('fvo.units.namePlaceholder')} />
        </Form.Item>
        {kind === 'prefecture' ? (
          <Form.Item
            label={t('fvo.units.region')}
            name="regionCode"
            rules={[{ required: true, message: t('fvo.units.regionRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={prefectures.isLoading}
              options={(prefectures.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
              onChange={(code: string) => {
                // A prefecture's unit is usually named after it: fill the name if still empty.
                const region = prefectures.data?.find((p) => p.code === code);
                if (region && !form.getFieldValue('name')) form.setFieldValue('name', region.name);
              }}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          label={t('fvo.units.departments')}
          name="departments"
          extra={t('fvo.units.departmentsHint')}
        >
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={[',', '，', '、', ';', '；']}
            placeholder={t('fvo.units.departmentsPlaceholder')}
            aria-label={t('fvo.units.departments')}
            data-testid="unit-departments"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('fvo.units.reportersNote')}</Typography.Paragraph>
      </Form>
    </SaveDrawer>
  );
}
