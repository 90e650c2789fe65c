import { App, Form, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useUnits } from '../../api/fieldvisits';
import { type Reporter, useAssignReporter } from '../../api/fv-oversight';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { useT } from '../../i18n';
import { SaveDrawer } from '../admin/SaveDrawer';

interface AssignValues {
  unitId: number;
  departmentId?: number;
}

const FIELDS = ['unitId', 'departmentId'] as const;

interface AssignReporterDrawerProps {
  open: boolean;
  reporter: Reporter | null;
  onClose: () => void;
}

/** 指定单位: the unit (and department) a reporter files for. */
export function AssignReporterDrawer({ open, reporter, onClose }: AssignReporterDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const units = useUnits();
  const assign = useAssignReporter();
  const unitId = Form.useWatch('unitId', form);

  const unitOptions = useMemo(
    () =>
      (['provincial', 'prefecture'] as const).map((kind) => ({
        label: t(kind === 'provincial' ? 'fvo.units.kindProvincial' : 'fvo.units.kindPrefecture'),
        title: kind,
        options: (units.data ?? [])
          .filter((u) => u.kind === kind)
          .map((u) => ({ value: u.id, label: u.name })),
      })),
    [units.data, t],
  );
  const departments = units.data?.find((u) => u.id === unitId)?.departments ?? [];

  const submit = (values: AssignValues) => {
    if (!reporter) return;
    assign.mutate(
      { userId: reporter.userId, unitId: values.unitId, departmentId: values.departmentId },
      {
        onSuccess: (saved) => {
          void message.success(
            t('fvo.reporters.assigned', { name: saved.displayName, unit: saved.unitName ?? '' }),
          );
          onClose();
        },
        onError: (error) => {
          if (!applyApiErrorToForm(form, error, FIELDS)) void message.error(errorText(t, error));
        },
      },
    );
  };

  return (
    <SaveDrawer
      open={open}
      onClose={onClose}
      title={t('fvo.reporters.assignTitle', { name: reporter?.displayName ?? '' })}
      onSave={() => form.submit()}
      saving={assign.isPending}
      width={440}
    >
      <Form<AssignValues>
        form={form}
        layout="vertical"
        initialValues={{
          unitId: reporter?.unitId ?? undefined,
          departmentId: reporter?.departmentId ?? undefined,
        }}
        onFinish={submit}
        onValuesChange={(changed) => {
          // Another unit's departments are not this one's.
          if ('unitId' in changed) form.setFieldValue('departmentId', undefined);
        }}
        disabled={assign.isPending}
      >
        <Form.Item label={t('fvo.reporters.account')}>
          <Typography.Text>
            {reporter?.displayName} <Typography.Text code>{reporter?.username}</Typography.Text>
          </Typography.Text>
        </Form.Item>
        <Form.Item
          label={t('fvo.unit')}
          name="unitId"
          rules={[{ required: true, message: t('fvo.reporters.unitRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isLoading}
            options={unitOptions}
            placeholder={t('fvo.reporters.unitPlaceholder')}
            data-testid="assign-unit"
          />
        </Form.Item>
        <Form.Item
          label={t('fvo.reporters.department')}
          name="departmentId"
          extra={t('fvo.reporters.departmentHint')}
        >
          <Select
            allowClear
            disabled={departments.length === 0}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            placeholder={
              unitId && departments.length === 0
                ? t('fvo.reporters.noDepartments')
                : t('fvo.reporters.departmentPlaceholder')
            }
            data-testid="assign-department"
          />
        </Form.Item>
      </Form>
    </SaveDrawer>
  );
}
