import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Pagination, type PaginationProps, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Resident } from '../../api/residents';
import { useT } from '../../i18n';
import { genderAge, RiskTags, VisitDue } from './ResidentBits';
import type { ResidentRowActions } from './residentColumns';
import { labelOf, STATUS_KEYS } from './vocabulary';

interface ResidentCardListProps extends ResidentRowActions {
  residents: Resident[] | undefined;
  loading: boolean;
  pagination: PaginationProps;
  empty: ReactNode;
}

/** Phones: one card per person, the whole card a link to the record; 走访 on its own button. */
export function ResidentCardList({
  residents,
  loading,
  pagination,
  empty,
  ...actions
}: ResidentCardListProps) {
  const t = useT();
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={10}>
        {residents?.length === 0 ? empty : null}
        {residents?.map((resident) => (
          <Card key={resident.id} size="small" className="resident-card">
            <Link to={`/residents/${resident.id}`} className="resident-card-link">
              <Flex justify="space-between" align="center" gap={8}>
                <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Flex align="baseline" gap={8} wrap>
                    <Typography.Text strong className="resident-card-name">
                      {resident.name}
                    </Typography.Text>
                    <Typography.Text type="secondary">{genderAge(t, resident)}</Typography.Text>
                    {resident.status !== 'resident' ? (
                      <Typography.Text type="secondary">
                        {labelOf(t, STATUS_KEYS, resident.status)}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                  <RiskTags tags={resident.tags} />
                  <Typography.Text type="secondary" ellipsis className="resident-card-address">
                    <EnvironmentOutlined /> {resident.regionName}
                    {resident.address ? ` · ${resident.address}` : ''}
                  </Typography.Text>
                  <Typography.Text className="masked-number resident-card-numbers" type="secondary">
                    {resident.idNumber}
                    {resident.phone ? ` · ${resident.phone}` : ''}
                  </Typography.Text>
                  <VisitDue resident={resident} compact />
                </Flex>
                <RightOutlined className="shortcut-arrow" />
              </Flex>
            </Link>
            {resident.deletedAt && actions.canRestore ? (
              <Button
                block
                className="resident-card-action"
                loading={actions.restoringId === resident.id}
                onClick={() => actions.onRestore(resident)}
              >
                {t('residents.restore')}
              </Button>
            ) : null}
            {!resident.deletedAt && actions.canVisit && resident.visitDueAt ? (
              <Button
                block
                type={resident.overdue ? 'primary' : 'default'}
                className="resident-card-action"
                onClick={() => actions.onVisit(resident)}
              >
                {t('visits.record')}
              </Button>
            ) : null}
          </Card>
        ))}
        <Pagination {...pagination} size="small" align="center" />
      </Flex>
    </Spin>
  );
}
