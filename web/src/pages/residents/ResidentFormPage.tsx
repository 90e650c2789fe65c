import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import {
  createResident,
  type Hukou,
  type Political,
  type Relation,
  type Resident,
  type ResidentStatus,
  residentKeys,
  updateResident,
  useResident,
} from '../../api/residents';
import { visitKeys } from '../../api/visits';
import { EmptyState } from '../../components/EmptyState';
import { FullPageSpin } from '../../components/FullPageSpin';
import { applyApiErrorToForm } from '../../components/formErrors';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { isAfterToday } from './dates';
import { GridSelect, useGridChoice } from './GridSelect';
import { IdNumberField } from './IdNumberField';
import { normaliseIdNumber, normaliseMobile } from './idNumber';
import { MoveInForm } from './MoveInForm';
import { ServerErrorAlert } from './ServerErrorAlert';
import { HUKOU_KEYS, optionsOf, POLITICAL_KEYS, RELATION_KEYS, STATUS_KEYS } from './vocabulary';
import './residents.css';

interface ResidentFormValues {
  name: string;
  idNumber?: string;
  phone?: string;
  regionCode: string;
  hukou: Hukou;
  status: ResidentStatus;
  relation?: Relation | null;
  political?: Political | null;
  work?: string;
  moveInDate?: Dayjs | null;
  note?: string;
}

const FIELDS = [
  'name',
  'idNumber',
  'phone',
  'regionCode',
  'hukou',
  'status',
  'relation',
  'political',
  'work',
  'moveInDate',
  'note',
] as const;

const text = (value: string | undefined) => value?.trim() || null;

function initialValues(resident: Resident | undefined): Partial<ResidentFormValues> {
  if (!resident) return { hukou: 'local', status: 'resident' };
  return {
    name: resident.name,
    regionCode: resident.regionCode,
    hukou: resident.hukou,
    status: resident.status,
    relation: resident.relation,
    political: resident.political,
    work: resident.work ?? undefined,
    moveInDate: resident.moveInDate ? dayjs(resident.moveInDate) : null,
    note: resident.note ?? undefined,
  };
}

/** `/residents/new` (新增 or, with ?mode=move-in, 迁入) and `/residents/:id/edit`. */
export default function ResidentFormPage() {
  const t = useT();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const editing = Number.isInteger(id) && id > 0;
  const [params, setParams] = useSearchParams();
  const moveIn = !editing && params.get('mode') === 'move-in';
  const isMobile = useIsMobile();
  const resident = useResident(editing ? id : 0);

  if (editing) {
    if (resident.isError) {
      return (
        <Card>
          {isApiError(resident.error) && resident.error.status === 404 ? (
            <EmptyState description={t('residents.notFound')} />
          ) : (
            <QueryError error={resident.error} onRetry={() => void resident.refetch()} />
          )}
        </Card>
      );
    }
    if (!resident.data) return <FullPageSpin />;
  }

  const title = editing
    ? t('residents.editTitle', { name: resident.data?.name ?? '' })
    : moveIn
      ? t('residents.moveInTitle')
      : t('residents.newTitle');

  return (
    <>
      <PageHeader title={title} subtitle={editing ? undefined : t('residents.newSubtitle')} />
      <Card className="resident-form-card" styles={{ body: { padding: isMobile ? 16 : undefined } }}>
        {editing ? null : (
          <Segmented
            block
            className="resident-form-mode"
            value={moveIn ? 'move-in' : 'new'}
            onChange={(value) => setParams(value === 'move-in' ? { mode: 'move-in' } : {}, { replace: true })}
            options={[
              { value: 'new', label: t('residents.new') },
              { value: 'move-in', label: t('residents.moveIn') },
            ]}
          />
        )}
        {moveIn ? (
          <MoveInForm />
        ) : (
          <ResidentForm
            key={resident.data?.id ?? 'new'}
            resident={editing ? resident.data : undefined}
            onDone={navigate}
          />
        )}
      </Card>
    </>
  );
}

function ResidentForm({
  resident,
  onDone,
}: {
  resident: Resident | undefined;
  onDone: (path: string, options: { replace: boolean }) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResidentFormValues>();
  const { grids } = useGridChoice();
  const onlyGrid = grids?.length === 1 ? grids[0]?.code : undefined;
  const [alertError, setAlertError] = useState<unknown>(null);
  const editing = resident !== undefined;

  // A grid worker has one grid: it is the answer (it may arrive after the first render).
  useEffect(() => {
    if (onlyGrid && !form.getFieldValue('regionCode')) form.setFieldValue('regionCode', onlyGrid);
  }, [onlyGrid, form]);

  const save = useMutation({
    mutationFn: (values: ResidentFormValues) => {
      const idNumber = values.idNumber ? normaliseIdNumber(values.idNumber) : undefined;
      const phone = values.phone ? (normaliseMobile(values.phone) ?? values.phone) : undefined;
      const common = {
        name: values.name.trim(),
        regionCode: values.regionCode,
        hukou: values.hukou,
        status: values.status,
        relation: values.relation ?? null,
        political: values.political ?? null,
        work: text(values.work),
        moveInDate: values.moveInDate ? values.moveInDate.format('YYYY-MM-DD') : null,
        note: text(values.note),
      };
      if (resident) {
        // An empty number field keeps the number on record (it is shown masked, never filled in).
        return updateResident(resident.id, {
          ...common,
          ...(idNumber ? { idNumber } : {}),
          ...(phone ? { phone } : {}),
        });
      }
      return createResident({ ...common, idNumber: idNumber ?? '', ...(phone ? { phone } : {}) });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(residentKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: residentKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: residentKeys.history(saved.id) });
      void queryClient.invalidateQueries({ queryKey: visitKeys.all });
      void message.success(editing ? t('common.saved') : t('residents.created', { name: saved.name }));
      onDone(`/residents/${saved.id}`, { replace: true });
    },
    onError: (error) => {
      const onFields = applyApiErrorToForm(form, error, FIELDS);
      // A duplicate keeps its banner: it carries the link to the record already there.
      setAlertError(onFields && !isApiError(error, 'DUPLICATE_PERSON') ? null : error);
    },
  });

  const half = { xs: 24, md: 12 };
  return (
    <Form<ResidentFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues(resident)}
      onFinish={(values) => save.mutate(values)}
      onValuesChange={() => setAlertError(null)}
      scrollToFirstError
      className="resident-form"
    >
      <ServerErrorAlert error={alertError} />
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            label={t('residents.name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('residents.nameRequired') }]}
          >
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label={t('residents.grid')}
            name="regionCode"
            rules={[{ required: true, message: t('residents.gridRequired') }]}
          >
            <GridSelect />
          </Form.Item>
        </Col>
        <Col {...half}>
          <IdNumberField required={!editing} current={resident?.idNumber} />
        </Col>
        <Col {...half}>
          <Form.Item
            label={`${t('residents.phone')}${t('common.optional')}`}
            name="phone"
            validateTrigger={['onChange', 'onBlur']}
            extra={resident?.phone ? t('residents.phoneKeep', { current: resident.phone }) : undefined}
            rules={[
              {
                validateTrigger: 'onBlur',
                validator: async (_rule, value: string | undefined) => {
                  if (value?.trim() && normaliseMobile(value) === null)
                    throw new Error(t('residents.phoneInvalid'));
                },
              },
              {
                validateTrigger: 'onChange',
                validator: async (_rule, value: string | undefined) => {
                  // While typing: only what can never become a mobile number.
                  const digits = (value ?? '').replace(/[\s-]/g, '').replace(/^\+?86/, '');
                  if (digits && (!/^\d*$/.test(digits) || digits[0] !== '1' || digits.length > 11)) {
                    throw new Error(t('residents.phoneInvalid'));
                  }
                },
              },
            ]}
          >
            <Input
              inputMode="tel"
              autoComplete="off"
              maxLength={20}
              placeholder={resident?.phone ? t('residents.keepPlaceholder') : t('residents.phonePlaceholder')}
              className="masked-number"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('residents.hukou')} name="hukou" rules={[{ required: true }]}>
            <Select options={optionsOf(t, HUKOU_KEYS)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('residents.status')} name="status" rules={[{ required: true }]}>
            <Select options={optionsOf(t, STATUS_KEYS)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('residents.relation')} name="relation">
            <Select
              allowClear
              options={optionsOf(t, RELATION_KEYS)}
              placeholder={t('residents.notRecorded')}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('residents.political')} name="political">
            <Select
              allowClear
              options={optionsOf(t, POLITICAL_KEYS)}
              placeholder={t('residents.notRecorded')}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={`${t('residents.work')}${t('common.optional')}`} name="work">
            <Input maxLength={100} placeholder={t('residents.workPlaceholder')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={`${t('residents.moveInDate')}${t('common.optional')}`} name="moveInDate">
            <DatePicker style={{ width: '100%' }} disabledDate={isAfterToday} inputReadOnly />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={`${t('residents.note')}${t('common.optional')}`} name="note">
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={() => window.history.back()}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
