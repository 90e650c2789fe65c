import { ArrowLeftOutlined, EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Radio, Skeleton, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { type Resident, useResident } from '../../api/residents';
import { useLastVisit, useRecordVisit, type Visit } from '../../api/visits';
import { EmptyState } from '../../components/EmptyState';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { QueryError } from '../../components/QueryError';
import { type MessageKey, useT } from '../../i18n';
import { formatAgo, fromShanghaiLocal, inShanghai } from '../residents/dates';
import { genderAge, RiskTags, VisitDue } from '../residents/ResidentBits';
import { labelOf, optionsOf, VISIT_MODE_KEYS } from '../residents/vocabulary';
// Not lazy: the result must show even if the connection drops right after the save.
import { VisitResult } from './VisitResult';
import { clearDraft, loadDraft, saveDraft, type VisitDraft } from './visitDraft';
import './visits.css';

type NoteField = 'findings' | 'needs' | 'followUp';

/** Phrases a grid worker writes again and again, one tap each (appended to the text). */
const PHRASES: Record<NoteField, MessageKey[]> = {
  findings: [
    'visits.phrase.stable',
    'visits.phrase.goodSpirits',
    'visits.phrase.homeSafe',
    'visits.phrase.unwell',
    'visits.phrase.familyPresent',
  ],
  needs: [
    'visits.phrase.mealDelivery',
    'visits.phrase.hospitalEscort',
    'visits.phrase.medicine',
    'visits.phrase.housework',
    'visits.phrase.noNeeds',
  ],
  followUp: [
    'visits.phrase.familyContacted',
    'visits.phrase.volunteerArranged',
    'visits.phrase.reportedCommunity',
    'visits.phrase.revisitNextWeek',
  ],
};

const NOTE_FIELDS: { name: NoteField; label: MessageKey; placeholder: MessageKey }[] = [
  { name: 'findings', label: 'visits.findings', placeholder: 'visits.findingsPlaceholder' },
  { name: 'needs', label: 'visits.needs', placeholder: 'visits.needsPlaceholder' },
  { name: 'followUp', label: 'visits.followUp', placeholder: 'visits.followUpPlaceholder' },
];

const FIELDS = ['mode', 'findings', 'needs', 'followUp', 'majorChange', 'visitedAt'] as const;
const LOCAL_MINUTE = 'YYYY-MM-DDTHH:mm';

/**
 * 记录走访, made for a phone held in one hand on a doorstep with a weak signal: the person on top,
 * big buttons for how the visit was made, three boxes with one-tap phrases, and 提交 at the
 * bottom within the thumb's reach. What is typed is kept on the phone until the server has it.
 */
export default function VisitFormPage() {
  const t = useT();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const resident = useResident(id);
  const [done, setDone] = useState<{ visit: Visit; resident: Resident } | null>(null);

  const back = (
    <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} className="back-link">
      {t('visits.back')}
    </Button>
  );

  if (resident.isError) {
    const missing = isApiError(resident.error) && resident.error.status === 404;
    return (
      <div className="visit-page">
        {back}
        <Card>
          {missing ? (
            <EmptyState description={t('residents.notFound')} />
          ) : (
            <QueryError error={resident.error} onRetry={() => void resident.refetch()} />
          )}
        </Card>
      </div>
    );
  }

  if (done) {
    return (
      <div className="visit-page">
        <VisitResult visit={done.visit} resident={done.resident} />
      </div>
    );
  }

  return (
    <div className="visit-page">
      {back}
      {resident.data ? (
        <ResidentSummary resident={resident.data} />
      ) : (
        <Card size="small">
          <Skeleton active paragraph={{ rows: 2 }} />
        </Card>
      )}
      <VisitForm residentId={id} deleted={Boolean(resident.data?.deletedAt)} onDone={setDone} />
    </div>
  );
}

function ResidentSummary({ resident }: { resident: Resident }) {
  const t = useT();
  const last = useLastVisit(resident.id);
  const lastVisit = last.data;
  return (
    <Card size="small" className="visit-person">
      <Flex vertical gap={6}>
        <Flex align="baseline" gap={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {resident.name}
          </Typography.Title>
          <Typography.Text>{genderAge(t, resident)}</Typography.Text>
        </Flex>
        <RiskTags tags={resident.tags} />
        <Typography.Text type="secondary">
          <EnvironmentOutlined /> {resident.address ?? resident.regionName}
        </Typography.Text>
        <Flex gap="2px 12px" wrap align="center">
          <Typography.Text>
            <Typography.Text type="secondary">{t('residents.lastVisit')}</Typography.Text>{' '}
            {formatAgo(t, resident.lastVisitAt)}
            {lastVisit ? t('visits.lastMode', { mode: labelOf(t, VISIT_MODE_KEYS, lastVisit.mode) }) : ''}
          </Typography.Text>
          <VisitDue resident={resident} compact />
        </Flex>
        {lastVisit && (lastVisit.needs || lastVisit.followUp) ? (
          <div className="visit-last-notes">
            {lastVisit.needs ? (
              <div>
                <Typography.Text type="secondary">
                  {t('visits.needs')}
                  {t('common.colon')}
                </Typography.Text>
                {lastVisit.needs}
              </div>
            ) : null}
            {lastVisit.followUp ? (
              <div>
                <Typography.Text type="secondary">
                  {t('visits.followUp')}
                  {t('common.colon')}
                </Typography.Text>
                {lastVisit.followUp}
              </div>
            ) : null}
          </div>
        ) : null}
      </Flex>
    </Card>
  );
}

function VisitForm({
  residentId,
  deleted,
  onDone,
}: {
  residentId: number;
  deleted: boolean;
  onDone: (result: { visit: Visit; resident: Resident }) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<VisitDraft>();
  const record = useRecordVisit(residentId);
  const [restored] = useState(() => loadDraft(residentId));
  const [editingTime, setEditingTime] = useState(Boolean(restored?.visitedAt));
  const [failure, setFailure] = useState<unknown>(null);
  const majorChange = Form.useWatch('majorChange', form);

  const append = (field: NoteField, phrase: string) => {
    const current = ((form.getFieldValue(field) as string | undefined) ?? '').trim();
    if (current.includes(phrase)) return;
    const next = current ? `${current}${t('visits.phraseSeparator')}${phrase}` : phrase;
    form.setFieldValue(field, next);
    saveDraft(residentId, form.getFieldsValue(true) as VisitDraft);
  };

  const submit = (values: VisitDraft) => {
    setFailure(null);
    const note = (text: string | undefined) => text?.trim() || null;
    record.mutate(
      {
        mode: values.mode,
        // No time chosen: the server's "now", which no phone clock can put in the future.
        visitedAt: values.visitedAt ? fromShanghaiLocal(values.visitedAt).toISOString() : undefined,
        findings: note(values.findings),
        needs: note(values.needs),
        followUp: note(values.followUp),
        majorChange: values.majorChange === true,
      },
      {
        onSuccess: (result) => {
          clearDraft(residentId);
          window.scrollTo(0, 0);
          onDone(result);
        },
        onError: (error) => {
          if (!applyApiErrorToForm(form, error, FIELDS)) setFailure(error);
        },
      },
    );
  };

  const now = inShanghai();
  return (
    <Form<VisitDraft>
      form={form}
      layout="vertical"
      className="visit-form"
      initialValues={{ mode: 'home', majorChange: false, visitedAt: null, ...restored }}
      onValuesChange={(_changed, all) => saveDraft(residentId, all)}
      onFinish={submit}
      disabled={deleted}
    >
      {restored ? (
        <Alert
          type="info"
          showIcon
          className="visit-restored"
          title={t('visits.draftRestored')}
          action={
            <Button
              size="small"
              type="text"
              onClick={() => {
                clearDraft(residentId);
                form.resetFields();
                form.setFieldsValue({
                  mode: 'home',
                  majorChange: false,
                  visitedAt: null,
                  findings: '',
                  needs: '',
                  followUp: '',
                });
                setEditingTime(false);
              }}
            >
              {t('visits.clearDraft')}
            </Button>
          }
        />
      ) : null}

      <Form.Item label={t('visits.mode')} name="mode" className="visit-field">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          className="visit-modes"
          options={optionsOf(t, VISIT_MODE_KEYS)}
        />
      </Form.Item>

      <Form.Item label={t('visits.time')} className="visit-field" required={false}>
        {editingTime ? (
          <Flex gap={8} align="center">
            <Form.Item
              name="visitedAt"
              noStyle
              rules={[
                {
                  validator: async (_rule, value: string | null | undefined) => {
                    if (!value) return;
                    const chosen = fromShanghaiLocal(value);
                    if (!chosen.isValid()) throw new Error(t('visits.timeInvalid'));
                    if (chosen.valueOf() > Date.now()) throw new Error(t('visits.timeFuture'));
                    if (chosen.valueOf() < Date.now() - 30 * 86_400_000)
                      throw new Error(t('visits.timeTooOld'));
                  },
                },
              ]}
            >
              <Input
                type="datetime-local"
                aria-label={t('visits.time')}
                max={now.format(LOCAL_MINUTE)}
                min={now.subtract(30, 'day').format(LOCAL_MINUTE)}
                className="visit-time-input"
              />
            </Form.Item>
            <Button
              type="link"
              onClick={() => {
                form.setFieldValue('visitedAt', null);
                saveDraft(residentId, form.getFieldsValue(true) as VisitDraft);
                setEditingTime(false);
              }}
            >
              {t('visits.useNow')}
            </Button>
          </Flex>
        ) : (
          <Flex gap={8} align="center">
            <Typography.Text>{t('visits.now', { time: now.format('HH:mm') })}</Typography.Text>
            <Button
              type="link"
              onClick={() => {
                form.setFieldValue('visitedAt', now.format(LOCAL_MINUTE));
                setEditingTime(true);
              }}
            >
              {t('visits.changeTime')}
            </Button>
          </Flex>
        )}
      </Form.Item>

      {NOTE_FIELDS.map((field) => (
        <div key={field.name} className="visit-field">
          <Form.Item label={t(field.label)} name={field.name} style={{ marginBottom: 8 }}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={1000}
              placeholder={t(field.placeholder)}
            />
          </Form.Item>
          <Flex gap={6} wrap className="visit-phrases">
            {PHRASES[field.name].map((key) => (
              <Button
                key={key}
                size="small"
                shape="round"
                icon={<PlusOutlined />}
                onClick={() => append(field.name, t(key))}
              >
                {t(key)}
              </Button>
            ))}
          </Flex>
        </div>
      ))}

      <div className={majorChange ? 'visit-major visit-major-on' : 'visit-major'}>
        <Flex justify="space-between" align="center" gap={12}>
          <label htmlFor="visit-major-change" className="visit-major-label">
            {t('visits.majorChange')}
          </label>
          <Form.Item name="majorChange" valuePropName="checked" noStyle>
            <Switch id="visit-major-change" />
          </Form.Item>
        </Flex>
        <Typography.Text type={majorChange ? 'danger' : 'secondary'} className="small-text">
          {t('visits.majorChangeHelp')}
        </Typography.Text>
      </div>

      {/* The failure shows beside the button, where the thumb and the eye already are. */}
      <div className="visit-submit-bar">
        {failure ? (
          <Alert
            type="error"
            showIcon
            className="visit-failure"
            title={t('visits.saveFailed')}
            description={
              <>
                {errorText(t, failure)}
                <br />
                {t('visits.keptTyped')}
              </>
            }
            action={
              <Button size="small" danger onClick={() => form.submit()} loading={record.isPending}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : null}

        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={record.isPending}
          disabled={record.isPending || deleted}
          data-testid="visit-submit"
        >
          {record.isPending ? t('visits.sending') : t('visits.submit')}
        </Button>
      </div>
    </Form>
  );
}
