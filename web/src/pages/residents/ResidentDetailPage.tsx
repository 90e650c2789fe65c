import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  ExportOutlined,
  FormOutlined,
  MoreOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Dropdown, Flex, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { useResident } from '../../api/residents';
import { usePermission } from '../../auth/session';
import { EmptyState } from '../../components/EmptyState';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { formatInstant } from './dates';
import { lastListPath } from './listQuery';
import { MoveOutModal } from './MoveOutModal';
import { ResidentHeader, type Revealed } from './ResidentHeader';
import { ResidentHistoryTab } from './ResidentHistoryTab';
import { ResidentHouseholdTab } from './ResidentHouseholdTab';
import { ResidentInfoTab } from './ResidentInfoTab';
import { ResidentTagsTab } from './ResidentTagsTab';
import { ResidentVisitsTab } from './ResidentVisitsTab';
import { RevealNumber } from './RevealNumber';
import { useResidentActions } from './useResidentActions';
import './residents.css';

const TABS = ['info', 'tags', 'visits', 'household', 'history'] as const;
type TabKey = (typeof TABS)[number];

/** One person's record: header, then 基本信息 · 标签 · 走访记录 · 户 · 变更记录 (tab in the URL). */
export default function ResidentDetailPage() {
  const t = useT();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const resident = useResident(id);
  const isMobile = useIsMobile();
  const canWrite = usePermission('registry.write');
  const canRecord = usePermission('visits.record');
  const canReadVisits = usePermission('visits.read');
  const canRevealId = usePermission('registry.revealIdNumber');
  const canRevealPhone = usePermission('registry.revealPhone');
  const [revealed, setRevealed] = useState<Revealed>({});
  const [movingOut, setMovingOut] = useState(false);
  const { remove, restore } = useResidentActions();

  const requested = params.get('tab') as TabKey | null;
  const tab: TabKey = requested && TABS.includes(requested) ? requested : 'info';
  const back = (
    <Button
      type="text"
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate(lastListPath())}
      className="back-link"
    >
      {t('residents.backToList')}
    </Button>
  );

  if (resident.isError) {
    const missing = isApiError(resident.error) && resident.error.status === 404;
    return (
      <>
        {back}
        <Card>
          {missing || !Number.isInteger(id) ? (
            <EmptyState description={t('residents.notFound')} />
          ) : (
            <QueryError error={resident.error} onRetry={() => void resident.refetch()} />
          )}
        </Card>
      </>
    );
  }
  if (!resident.data) return <FullPageSpin />;
  const person = resident.data;
  const deleted = person.deletedAt !== null;
  const present = person.status !== 'left' && person.status !== 'deceased';

  const confirmDelete = () =>
    modal.confirm({
      title: t('residents.deleteConfirm', { name: person.name }),
      content: t('residents.deleteConfirmDesc'),
      okText: t('residents.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(person).catch(() => undefined),
    });

  const more = [
    ...(present ? [{ key: 'moveOut', icon: <ExportOutlined />, label: t('residents.moveOut') }] : []),
    { key: 'delete', icon: <DeleteOutlined />, label: t('residents.delete'), danger: true },
  ];
  const actions = deleted ? null : (
    <>
      {canRecord ? (
        <Button
          type={person.visitIntervalDays !== null ? 'primary' : 'default'}
          icon={<FormOutlined />}
          onClick={() => navigate(`/residents/${person.id}/visit`)}
        >
          {t('visits.record')}
        </Button>
      ) : null}
      {canWrite ? (
        <>
          <Button icon={<EditOutlined />} onClick={() => navigate(`/residents/${person.id}/edit`)}>
            {t('common.edit')}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: more,
              onClick: ({ key }) => (key === 'moveOut' ? setMovingOut(true) : confirmDelete()),
            }}
          >
            <Button icon={<MoreOutlined />}>{t('residents.more')}</Button>
          </Dropdown>
        </>
      ) : null}
    </>
  );

  const onRevealed = (field: keyof Revealed, value: string | null) =>
    setRevealed((previous) => ({ ...previous, [field]: value }));
  const number = (field: keyof Revealed) => (
    <RevealNumber
      residentId={person.id}
      field={field}
      masked={field === 'idNumber' ? person.idNumber : person.phone}
      revealed={revealed[field]}
      onRevealed={(value) => onRevealed(field, value)}
      allowed={!deleted && (field === 'idNumber' ? canRevealId : canRevealPhone)}
    />
  );

  const items = [
    {
      key: 'info',
      label: t('residents.tab.info'),
      children: <ResidentInfoTab resident={person} idNumber={number('idNumber')} phone={number('phone')} />,
    },
    {
      key: 'tags',
      label: t('residents.tab.tags'),
      children: <ResidentTagsTab residentId={person.id} canWrite={canWrite && !deleted} />,
    },
    ...(canReadVisits
      ? [
          {
            key: 'visits',
            label: t('residents.tab.visits'),
            children: <ResidentVisitsTab resident={person} canRecord={canRecord && !deleted} />,
          },
        ]
      : []),
    {
      key: 'household',
      label: t('residents.tab.household'),
      children: <ResidentHouseholdTab resident={person} />,
    },
    {
      key: 'history',
      label: t('residents.tab.history'),
      children: <ResidentHistoryTab residentId={person.id} />,
    },
  ];

  return (
    <Flex vertical gap={16} className="resident-detail">
      <div>{back}</div>
      {deleted ? (
        <Alert
          type="warning"
          showIcon
          title={t('residents.deletedBanner', { at: formatInstant(person.deletedAt ?? '') })}
          action={
            canWrite ? (
              <Button size="small" loading={restore.isPending} onClick={() => restore.mutate(person)}>
                {t('residents.restore')}
              </Button>
            ) : null
          }
        />
      ) : null}
      <ResidentHeader resident={person} revealed={revealed} onRevealed={onRevealed} actions={actions} />
      <Card styles={{ body: { paddingTop: 4, paddingInline: isMobile ? 12 : undefined } }}>
        <Tabs
          tabBarGutter={isMobile ? 18 : undefined}
          activeKey={tab}
          onChange={(key) =>
            setParams(
              (previous) => {
                const next = new URLSearchParams(previous);
                if (key === 'info') next.delete('tab');
                else next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={items}
        />
      </Card>
      {canWrite && !deleted ? (
        <MoveOutModal resident={person} open={movingOut} onClose={() => setMovingOut(false)} />
      ) : null}
    </Flex>
  );
}
