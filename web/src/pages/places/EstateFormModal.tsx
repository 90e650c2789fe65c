import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { createEstate, type Estate } from '../../api/places';
import { RegionPicker } from '../../components/RegionPicker';
import { useT } from '../../i18n';
import { useWorkingRegion } from '../../layout/WorkingRegion';
import { useGridChoice } from '../residents/GridSelect';
import { FormErrorAlert } from './FormErrorAlert';
import { SaveModal } from './SaveModal';
import { useSaveForm } from './useSaveForm';

interface EstateFormValues {
  regionCode?: string;
  name?: string;
  address?: string;
}

const FIELDS = ['regionCode', 'name', 'address'] as const;

/**
 * Where an estate can belong: the community being worked on (most estates span grids) or one of
 * its grids; a grid worker's own grid; above a community, any community or grid of the tree.
 */
function EstateRegionSelect(props: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
}) {
  const t = useT();
  const { region } = useWorkingRegion();
  const { grids, loading } = useGridChoice();
  if (grids === null) return <RegionPicker {...props} placeholder={t('places.estateRegionPlaceholder')} />;
  const options = [
    ...(region?.level === 'community'
      ? [{ value: region.code, label: t('places.wholeCommunity', { name: region.name }) }]
      : []),
    ...grids.map((grid) => ({ value: grid.code, label: grid.name })),
  ];
  return (
    <Select
      {...props}
      loading={loading}
      options={options}
      placeholder={t('places.estateRegionPlaceholder')}
      onChange={(code: string | undefined) => props.onChange?.(code)}
    />
  );
}

/** 新增小区: a name, the community or grid it belongs to, and its address. */
export function EstateFormModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (estate: Estate) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<EstateFormValues>();
  const { region } = useWorkingRegion();
  const { grids } = useGridChoice();
  const preset =
    region?.level === 'community' ? region.code : grids?.length === 1 ? grids[0]?.code : undefined;

  const { mutation, alertError, clearAlert } = useSaveForm<EstateFormValues, Estate>(
    form,
    FIELDS,
    (values) =>
      createEstate({
        regionCode: values.regionCode ?? '',
        name: (values.name ?? '').trim(),
        address: values.address?.trim() || null,
      }),
    (estate) => {
      void queryClient.invalidateQueries({ queryKey: ['places', 'estates'] });
      void message.success(t('places.estateCreated', { name: estate.name }));
      onSaved(estate);
    },
    { open, target: null },
  );

  useEffect(() => {
    if (open && preset && !form.getFieldValue('regionCode')) form.setFieldValue('regionCode', preset);
  }, [open, preset, form]);

  return (
    <SaveModal
      open={open}
      title={t('places.newEstate')}
      onSave={() => form.submit()}
      onCancel={onClose}
      saving={mutation.isPending}
    >
      <Form<EstateFormValues>
        form={form}
        // Field ids are prefixed with it: the forms stay mounted side by side (forceRender).
        name="estate"
        layout="vertical"
        onFinish={(values) => mutation.mutate(values)}
        onValuesChange={clearAlert}
        data-testid="estate-form"
      >
        <FormErrorAlert error={alertError} />
        <Form.Item
          label={t('places.estateName')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('places.estateNameRequired') }]}
        >
          <Input maxLength={60} autoComplete="off" placeholder={t('places.estateNamePlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('places.estateRegion')}
          name="regionCode"
          extra={t('places.estateRegionHelp')}
          rules={[{ required: true, message: t('places.estateRegionRequired') }]}
        >
          <EstateRegionSelect />
        </Form.Item>
        <Form.Item label={`${t('places.address')}${t('common.optional')}`} name="address">
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
