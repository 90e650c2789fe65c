import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { createHousehold, type Household, placeKeys } from '../../api/places';
import { useT } from '../../i18n';
import { FormErrorAlert } from './FormErrorAlert';
import { SaveModal } from './SaveModal';
import { useSaveForm } from './useSaveForm';

interface HouseholdFormValues {
  number?: string;
  note?: string;
}

const FIELDS = ['number', 'note'] as const;

/** 新增户 in a house: its 户号 and a note; the grid is the house's. */
export function HouseholdFormModal({
  open,
  houseId,
  buildingId,
  onClose,
}: {
  open: boolean;
  houseId: number;
  buildingId: number;
  onClose: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<HouseholdFormValues>();

  const { mutation, alertError, clearAlert } = useSaveForm<HouseholdFormValues, Household>(
    form,
    FIELDS,
    (values) =>
      createHousehold({ houseId, number: values.number?.trim() || null, note: values.note?.trim() || null }),
    () => {
      void queryClient.invalidateQueries({ queryKey: placeKeys.house(houseId) });
      void queryClient.invalidateQueries({ queryKey: placeKeys.building(buildingId) });
      void queryClient.invalidateQueries({ queryKey: placeKeys.buildings() });
      void message.success(t('places.householdCreated'));
      onClose();
    },
    { open, target: houseId },
  );

  return (
    <SaveModal
      open={open}
      title={t('places.newHousehold')}
      onSave={() => form.submit()}
      onCancel={onClose}
      saving={mutation.isPending}
    >
      <Form<HouseholdFormValues>
        form={form}
        // Field ids are prefixed with it: the forms stay mounted side by side (forceRender).
        name="household"
        layout="vertical"
        onFinish={(values) => mutation.mutate(values)}
        onValuesChange={clearAlert}
        data-testid="household-form"
      >
        <FormErrorAlert error={alertError} />
        <Form.Item
          label={`${t('places.householdNumber')}${t('common.optional')}`}
          name="number"
          extra={t('places.householdNumberHelp')}
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item label={`${t('residents.note')}${t('common.optional')}`} name="note">
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
