import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { moveInResident, residentKeys } from '../../api/residents';
import { visitKeys } from '../../api/visits';
import { applyApiErrorToForm } from '../../components/formErrors';
import { useT } from '../../i18n';
import { isAfterToday, todayDate } from './dates';
import { GridSelect, useGridChoice } from './GridSelect';
import { IdNumberField } from './IdNumberField';
import { normaliseIdNumber } from './idNumber';
import { ServerErrorAlert } from './ServerErrorAlert';

interface MoveInValues {
  idNumber: string;
  regionCode: string;
  date: Dayjs;
  note?: string;
}

const FIELDS = ['idNumber', 'regionCode', 'date', 'note'] as const;

/**
 * 迁入: someone whose record was moved out of another community is taken into one of our
 * grids. The record, with its history, tags and visits, comes along; only the number is asked.
 */
export function MoveInForm() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<MoveInValues>();
  const { grids } = useGridChoice();
  const onlyGrid = grids?.length === 1 ? grids[0]?.code : undefined;
  const [alertError, setAlertError] = useState<unknown>(null);
  // A grid worker has one grid: it is the answer (it may arrive after the first render).
  useEffect(() => {
    if (onlyGrid && !form.getFieldValue('regionCode')) form.setFieldValue('regionCode', onlyGrid);
  }, [onlyGrid, form]);

  const save = useMutation({
    mutationFn: (values: MoveInValues) =>
      moveInResident({
        idNumber: normaliseIdNumber(values.idNumber),
        regionCode: values.regionCode,
        date: values.date.format('YYYY-MM-DD'),
        note: values.note?.trim() || null,
      }),
    onSuccess: (resident) => {
      void queryClient.invalidateQueries({ queryKey: residentKeys.all });
      void queryClient.invalidateQueries({ queryKey: visitKeys.all });
      void message.success(t('residents.movedIn', { name: resident.name }));
      navigate(`/residents/${resident.id}`, { replace: true });
    },
    onError: (error) => {
      setAlertError(applyApiErrorToForm(form, error, FIELDS) ? null : error);
    },
  });

  return (
    <Form<MoveInValues>
      form={form}
      layout="vertical"
      initialValues={{ date: todayDate() }}
      onFinish={(values) => save.mutate(values)}
      onValuesChange={() => setAlertError(null)}
      className="resident-form"
    >
      <Typography.Paragraph type="secondary">{t('residents.moveInHelp')}</Typography.Paragraph>
      <ServerErrorAlert error={alertError} />
      <IdNumberField required />
      <Form.Item
        label={t('residents.grid')}
        name="regionCode"
        rules={[{ required: true, message: t('residents.gridRequired') }]}
      >
        <GridSelect />
      </Form.Item>
      <Form.Item
        label={t('residents.moveInDate')}
        name="date"
        rules={[{ required: true, message: t('residents.dateRequired') }]}
      >
        <DatePicker style={{ width: '100%' }} disabledDate={isAfterToday} inputReadOnly />
      </Form.Item>
      <Form.Item label={`${t('residents.note')}${t('common.optional')}`} name="note">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('residents.moveInSubmit')}
        </Button>
        <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
