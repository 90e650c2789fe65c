import { DeleteOutlined, EditOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { mapKeys } from '../../api/map';
import { deleteHouse, type House, type Member, placeKeys, useHouse } from '../../api/places';
import { EmptyState } from '../../components/EmptyState';
import { errorText } from '../../components/errorText';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { GENDER_KEYS, labelOf, RELATION_KEYS, STATUS_KEYS } from '../residents/vocabulary';
import { houseLabel } from './FloorPlan';
import { HouseFormModal } from './HouseFormModal';
import { HouseholdFormModal } from './HouseholdFormModal';
import { formatArea } from './units';
import { HOUSE_USE_KEYS } from './vocabulary';

/** One person of a household: a link to their record, with relation, gender, age and status. */
function MemberRow({ member }: { member: Member }) {
  const t = useT();
  const gone = member.status === 'left' || member.status === 'deceased';
  return (
    <Link to={`/residents/${member.id}`} className="house-member" data-testid="house-member">
      <Flex align="center" gap={8}>
        <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Flex align="center" gap={6} wrap>
            <Typography.Text strong className="house-member-name">
              {member.name}
            </Typography.Text>
            {member.status !== 'resident' ? (
              <Tag color={gone ? 'default' : 'cyan'} style={{ marginInlineEnd: 0 }}>
                {labelOf(t, STATUS_KEYS, member.status)}
              </Tag>
            ) : null}
          </Flex>
          <Typography.Text type="secondary" className="small-text">
            {[
              labelOf(t, RELATION_KEYS, member.relation),
              labelOf(t, GENDER_KEYS, member.gender),
              t('residents.ageYears', { n: member.age }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Flex>
        <RightOutlined className="shortcut-arrow" />
      </Flex>
    </Link>
  );
}

function MemberGroup({ title, extra, members }: { title: string; extra?: string; members: Member[] }) {
  const t = useT();
  return (
    <section className="house-household">
      <Flex className="house-household-title" justify="space-between" align="baseline" gap={8}>
        <Typography.Text strong>{title}</Typography.Text>
        <Typography.Text type="secondary" className="small-text">
          {extra ?? t('places.membersN', { n: members.length })}
        </Typography.Text>
      </Flex>
      {members.length === 0 ? (
        <Typography.Text type="secondary" className="house-household-empty">
          {t('places.noMembers')}
        </Typography.Text>
      ) : (
        members.map((member) => <MemberRow key={member.id} member={member} />)
      )}
    </section>
  );
}

interface HouseDrawerProps {
  /** The house tapped; null when the drawer is closed. */
  house: House | null;
  buildingId: number;
  units: string[];
  canWrite: boolean;
  onClose: () => void;
}

/**
 * A house: its facts, then its households and their members, each a link to the person's
 * record. From the side on a desktop, from the bottom on a phone.
 */
export function HouseDrawer({ house, buildingId, units, canWrite, onClose }: HouseDrawerProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const detail = useHouse(house?.id ?? null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);

  const remove = useMutation({
    mutationFn: (target: House) => deleteHouse(target.id),
    onSuccess: (_none, target) => {
      void queryClient.invalidateQueries({ queryKey: placeKeys.building(buildingId) });
      void queryClient.invalidateQueries({ queryKey: placeKeys.buildings() });
      void queryClient.invalidateQueries({ queryKey: mapKeys.houses(buildingId) });
      void message.success(t('places.houseDeleted', { room: target.room }));
      onClose();
    },
    onError: (error) => {
      void message.error(errorText(t, error));
    },
  });

  const confirmDelete = (target: House) =>
    modal.confirm({
      title: t('places.deleteHouseConfirm', { house: houseLabel(t, target) }),
      content: t('places.deleteHouseDesc'),
      okText: t('places.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(target).catch(() => undefined),
    });

  const data = detail.data;
  const shown = data && house && data.id === house.id ? data : undefined;
  let body = null;
  if (detail.isError) body = <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  else if (!shown) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else {
    const empty = shown.households.length === 0 && shown.otherResidents.length === 0;
    body = (
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          column={2}
          items={[
            {
              key: 'floor',
              label: t('places.floor'),
              children: shown.floor === null ? '—' : t('places.floorShort', { n: shown.floor }),
            },
            { key: 'area', label: t('places.areaLabel'), children: formatArea(shown.area) || '—' },
            { key: 'use', label: t('places.use'), children: labelOf(t, HOUSE_USE_KEYS, shown.use) },
            { key: 'grid', label: t('places.grid'), children: shown.regionName },
            { key: 'address', label: t('places.address'), span: 2, children: shown.address },
          ]}
        />
        {empty ? (
          <EmptyState
            description={t('places.noHouseholds')}
            action={
              canWrite ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  {t('places.newHousehold')}
                </Button>
              ) : undefined
            }
          />
        ) : (
          <Flex vertical gap={12} data-testid="house-households">
            {shown.households.map((household, index) => (
              <MemberGroup
                key={household.id}
                title={
                  household.number
                    ? t('places.householdNo', { number: household.number })
                    : t('places.householdIndex', { n: index + 1 })
                }
                members={household.members}
              />
            ))}
            {shown.otherResidents.length > 0 ? (
              <MemberGroup title={t('places.otherResidents')} members={shown.otherResidents} />
            ) : null}
          </Flex>
        )}
      </Flex>
    );
  }

  const actions =
    canWrite && house ? (
      <Flex gap={8} wrap>
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('places.newHousehold')}
        </Button>
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('places.editHouse')}
        </Button>
        <Button
          danger
          icon={<DeleteOutlined />}
          loading={remove.isPending}
          onClick={() => confirmDelete(house)}
        >
          {t('places.delete')}
        </Button>
      </Flex>
    ) : null;

  return (
    <Drawer
      open={house !== null}
      onClose={onClose}
      title={house ? houseLabel(t, house) : ''}
      placement={isMobile ? 'bottom' : 'right'}
      size={isMobile ? '82%' : 440}
      footer={actions}
      destroyOnHidden
      className="house-drawer"
      styles={{ body: { paddingTop: 12 } }}
    >
      {body}
      {canWrite && house ? (
        <>
          <HouseholdFormModal
            open={adding}
            houseId={house.id}
            buildingId={buildingId}
            onClose={() => setAdding(false)}
          />
          <HouseFormModal
            open={editing}
            buildingId={buildingId}
            house={house}
            units={units}
            onClose={() => setEditing(false)}
            onSaved={() => setEditing(false)}
          />
        </>
      ) : null}
    </Drawer>
  );
}
