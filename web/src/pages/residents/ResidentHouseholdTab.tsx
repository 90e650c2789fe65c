import { Descriptions, Flex, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { type Resident, useHousehold } from '../../api/residents';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import { useT } from '../../i18n';
import { GENDER_KEYS, labelOf, RELATION_KEYS, STATUS_KEYS } from './vocabulary';

/** 户: the household this person belongs to and its members, the head first. */
export function ResidentHouseholdTab({ resident }: { resident: Resident }) {
  const t = useT();
  const household = useHousehold(resident.householdId);

  if (resident.householdId === null) return <EmptyState description={t('residents.noHousehold')} />;
  if (household.isError)
    return <QueryError error={household.error} onRetry={() => void household.refetch()} />;
  if (!household.data) return <Spin />;
  const data = household.data;

  return (
    <Flex vertical gap={8}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          { key: 'number', label: t('residents.householdNumber'), children: data.number ?? '—' },
          { key: 'grid', label: t('residents.grid'), children: data.regionName },
          { key: 'address', label: t('residents.address'), children: data.address ?? '—' },
          ...(data.note ? [{ key: 'note', label: t('residents.note'), children: data.note }] : []),
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('residents.members', { n: data.members.length })}
      </Typography.Title>
      {data.members.length === 0 ? (
        <EmptyState />
      ) : (
        <div className="item-list">
          {data.members.map((member) => (
            <div key={member.id} className="item-row">
              <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Flex gap={8} align="center" wrap>
                  {member.id === resident.id ? (
                    <>
                      <Typography.Text strong>{member.name}</Typography.Text>
                      <Tag style={{ marginInlineEnd: 0 }}>{t('residents.thisPerson')}</Tag>
                    </>
                  ) : (
                    <Link to={`/residents/${member.id}`} className="member-link">
                      {member.name}
                    </Link>
                  )}
                </Flex>
                <Typography.Text type="secondary">
                  {[
                    labelOf(t, RELATION_KEYS, member.relation),
                    labelOf(t, GENDER_KEYS, member.gender),
                    t('residents.ageYears', { n: member.age }),
                    labelOf(t, STATUS_KEYS, member.status),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </Flex>
            </div>
          ))}
        </div>
      )}
    </Flex>
  );
}
