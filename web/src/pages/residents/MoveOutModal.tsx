import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { moveOutResident, type Resident, residentKeys } from '../../api/residents';
import { visitKeys } from '../../api/visits';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { useT } from '../../i18n';
import { todayDate } from './dates';

interface MoveOutValues {
  date: Dayjs;
  destination?: string;
  note?: string;
}

/** 迁出: the person leaves the community; the record stays, marked 离开, with the move. */
export function MoveOutModal({
  resident,
  open,
  onClose,
}: {
  resident: Resident;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<MoveOutValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const save = useMutation({
    mutationFn: (values: MoveOutValues) =>
      moveOutResident(resident.id, {
        date: values.date.format('YYYY-MM-DD'),
        destination: values.destination?.trim() || null,
        note: values.note?.trim() || null,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(residentKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: residentKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: residentKeys.history(updated.id) });
      void queryClient.invalidateQueries({ queryKey: visitKeys.all });
      void message.success(t('residents.movedOut', { name: updated.name }));
      onClose();
    },
    onError: (error) => {
      if (!applyApiErrorToForm(form, error, ['date', 'destination', 'note'])) {
        void message.error(errorText(t, error));
      }
    },
  });

  return (
    <Modal
      open={open}
      title={t('residents.moveOutTitle', { name: resident.name })}
      okText={t('residents.moveOut')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('residents.moveOutHelp')}</Typography.Paragraph>
      <Form<MoveOutValues>
        form={form}
        layout="vertical"
        initialValues={{ date: todayDate() }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          label={t('residents.moveOutDate')}
          name="date"
          rules={[{ required: true, message: t('residents.dateRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item label={`${t('residents.destination')}${t('common.optional')}`} name="destination">
          <Input maxLength={100} placeholder={t('residents.destinationPlaceholder')} />
        </Form.Item>
        <Form.Item label={`${t('residents.note')}${t('common.optional')}`} name="note">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
