import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import {
  type FieldVisit,
  type Filed,
  fileVisit,
  reviseVisit,
  useMonthLoad,
  useRefreshVisits,
  useReporterUnit,
  useThresholds,
  useUnits,
  useVisit,
} from '../../api/fieldvisits';
import { usePermission } from '../../auth/session';
import { EmptyState } from '../../components/EmptyState';
import { FullPageSpin } from '../../components/FullPageSpin';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useDebounced } from '../../components/useDebounced';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { CoordinationPanel } from './CoordinationPanel';
import { FiledResult } from './FiledResult';
import { chosenCounties, initialValues, toChange, toNewVisit, type VisitFormValues } from './formValues';
import { useCounties } from './useCounties';
import { applyVisitError, VisitForm } from './VisitForm';
import { hasStarted, monthOf, thisMonth } from './visitDates';
import './fieldvisits.css';

/** `/field-visits/new` (报备) and `/field-visits/:id/edit` (修改, before the visit starts). */
export default function FieldVisitFormPage() {
  const t = useT();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const editing = Number.isInteger(id) && id > 0;
  const visit = useVisit(editing ? id : 0);
  const units = useUnits();
  const canFile = usePermission('fieldVisits.file');
  const own = useReporterUnit(canFile);

  const failed = (editing && visit.error) || units.error || own.error;
  if (failed) {
    return (
      <Card>
        {isApiError(failed) && failed.status === 404 ? (
          <EmptyState description={t('fv.notFound')} />
        ) : (
          <QueryError
            error={failed}
            onRetry={() => {
              void visit.refetch();
              void units.refetch();
              void own.refetch();
            }}
          />
        )}
      </Card>
    );
  }
  if ((editing && !visit.data) || !units.data || own.isLoading) return <FullPageSpin />;

  const title = editing ? t('fv.form.editTitle') : t('fv.form.newTitle');
  const back = (
    <Button
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate(editing ? `/field-visits/${id}` : '/field-visits')}
    >
      {editing ? t('fv.backToVisit') : t('fv.backToList')}
    </Button>
  );
  // An account not yet linked to a unit has nothing to file for: the administrator links it.
  if (canFile && own.data === null) {
    return (
      <>
        <PageHeader title={title} extra={back} />
        <Alert type="warning" showIcon title={t('fv.form.noUnit')} />
      </>
    );
  }
  // Only a filing still to come can change (the server refuses the rest with 409).
  if (visit.data && (visit.data.status === 'cancelled' || hasStarted(visit.data.startDate))) {
    return (
      <>
        <PageHeader title={title} extra={back} />
        <Alert
          type="info"
          showIcon
          title={
            visit.data.status === 'cancelled' ? t('fv.form.cancelledNoEdit') : t('fv.form.startedNoEdit')
          }
        />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={title}
        subtitle={editing ? visit.data?.topic : t('fv.form.newSubtitle')}
        extra={back}
      />
      <FilingScreen
        key={visit.data?.id ?? 'new'}
        visit={visit.data}
        units={units.data}
        ownUnitId={own.data?.unitId ?? null}
        ownDepartmentId={own.data?.departmentId ?? null}
      />
    </>
  );
}

interface FilingScreenProps {
  visit: FieldVisit | undefined;
  units: NonNullable<ReturnType<typeof useUnits>['data']>;
  ownUnitId: number | null;
  ownDepartmentId: number | null;
}

/** The form, and beside it (below on a phone) the chosen counties' month and nearby visits. */
function FilingScreen({ visit, units, ownUnitId, ownDepartmentId }: FilingScreenProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const refresh = useRefreshVisits();
  const canFile = usePermission('fieldVisits.file');
  const [form] = Form.useForm<VisitFormValues>();
  const [filed, setFiled] = useState<{ result: Filed; values: VisitFormValues } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [alertError, setAlertError] = useState<unknown>(null);
  const [explanationAsked, setExplanationAsked] = useState(false);
  const thresholds = useThresholds();
  const { names } = useCounties();
  const editing = visit !== undefined;

  const initial = useMemo(() => {
    const values = initialValues(visit, ownUnitId ?? undefined);
    return visit || !ownDepartmentId ? values : { ...values, departmentId: ownDepartmentId };
  }, [visit, ownUnitId, ownDepartmentId]);

  // What the side panel follows: the form as typed, or what was just filed.
  const watchedStops = Form.useWatch('stops', form) as VisitFormValues['stops'];
  const watchedStart = Form.useWatch('startDate', form) as Dayjs | null | undefined;
  const watchedTopic = (Form.useWatch('topic', form) as string | undefined) ?? '';
  const shown: VisitFormValues = filed?.values ?? {
    stops: watchedStops ?? initial.stops,
    startDate: watchedStart ?? initial.startDate,
    topic: watchedTopic,
  };
  const startDate = shown.startDate ? shown.startDate.format('YYYY-MM-DD') : undefined;
  const month = startDate ? monthOf(startDate) : thisMonth();
  const topic = useDebounced((shown.topic ?? '').trim(), 500);
  const load = useMonthLoad(month);
  const counties = chosenCounties(shown).map((code) => ({ code, name: names.get(code) ?? code }));

  // A county whose month is at its line makes this filing the one over it: explanation required.
  // An edit already counts in its own county and month, which it does not count against itself.
  const counted = (code: string) =>
    visit !== undefined &&
    visit.status !== 'cancelled' &&
    monthOf(visit.startDate) === month &&
    visit.stops.some((s) => s.countyCode === code);
  const overLine = load.data
    ? counties
        .filter(
          (c) =>
            (load.data.items.find((i) => i.countyCode === c.code)?.count ?? 0) - (counted(c.code) ? 1 : 0) >=
            load.data.max,
        )
        .map((c) => c.name)
    : [];

  const save = useMutation({
    mutationFn: (values: VisitFormValues) => {
      if (!visit) return fileVisit(toNewVisit(values));
      return reviseVisit(visit.id, toChange(initial, values));
    },
    onSuccess: (result, values) => {
      setFiled({ result, values });
      void refresh();
    },
    onError: (error) => {
      if (isApiError(error, 'EXPLANATION_REQUIRED')) setExplanationAsked(true);
      setAlertError(applyVisitError(form, error) ? null : error);
      // Load and nearby visits may have moved while the form was open.
      void refresh();
    },
  });

  const submit = (values: VisitFormValues) => {
    setAlertError(null);
    if (visit && Object.keys(toChange(initial, values)).length === 0) {
      void message.info(t('fv.form.nothingChanged'));
      return;
    }
    save.mutate(values);
  };

  const ownUnit = units.find((u) => u.id === (ownUnitId ?? visit?.unitId));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Card styles={{ body: { padding: isMobile ? 16 : undefined } }}>
          {filed ? (
            <FiledResult
              filed={filed.result}
              topic={filed.values.topic ?? ''}
              editing={editing}
              onAnother={() => {
                form.resetFields();
                setFiled(null);
                setExplanationAsked(false);
                setFormKey((key) => key + 1);
              }}
            />
          ) : (
            <VisitForm
              key={formKey}
              form={form}
              initial={initial}
              editing={editing}
              units={units}
              ownUnitId={ownUnitId}
              overLine={overLine}
              headcountMax={thresholds.data?.headcountMax}
              saving={save.isPending}
              onSubmit={submit}
              error={alertError}
              explanationAsked={explanationAsked}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <div className="fv-side">
          <CoordinationPanel
            counties={counties}
            month={month}
            load={load.data}
            startDate={startDate}
            topic={topic}
            canJoin={canFile}
            departments={ownUnit?.departments ?? []}
          />
        </div>
      </Col>
    </Row>
  );
}
