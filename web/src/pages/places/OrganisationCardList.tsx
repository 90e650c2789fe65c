import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Flex, Pagination, type PaginationProps, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Organisation } from '../../api/places';
import { useT } from '../../i18n';
import type { OrganisationRowActions } from './organisationColumns';

interface OrganisationCardListProps extends OrganisationRowActions {
  organisations: Organisation[] | undefined;
  loading: boolean;
  pagination: PaginationProps;
  empty: ReactNode;
  showGrid: boolean;
}

/** Phones: one card per organisation or shop; for those who may edit, the card opens the form. */
export function OrganisationCardList({
  organisations,
  loading,
  pagination,
  empty,
  showGrid,
  ...actions
}: OrganisationCardListProps) {
  const t = useT();
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={10}>
        {organisations?.length === 0 ? empty : null}
        {organisations?.map((organisation) => {
          const content = (
            <Flex vertical gap={4}>
              <Flex align="baseline" gap={8} wrap>
                <Typography.Text strong className="places-card-title">
                  {organisation.name}
                </Typography.Text>
                {organisation.category ? (
                  <Typography.Text type="secondary">{organisation.category}</Typography.Text>
                ) : null}
              </Flex>
              {organisation.creditCode ? (
                <Typography.Text type="secondary" className="masked-number places-card-line">
                  {organisation.creditCode}
                </Typography.Text>
              ) : null}
              {organisation.contactName || organisation.contactPhone ? (
                <Typography.Text className="places-card-line">
                  {organisation.contactName ?? ''}
                  {organisation.contactName && organisation.contactPhone ? ' · ' : ''}
                  {organisation.contactPhone ? (
                    <span className="masked-number">{organisation.contactPhone}</span>
                  ) : null}
                </Typography.Text>
              ) : null}
              {organisation.address || showGrid ? (
                <Typography.Text type="secondary" ellipsis className="places-card-line">
                  <EnvironmentOutlined />{' '}
                  {[showGrid ? organisation.regionName : null, organisation.address]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              ) : null}
            </Flex>
          );
          return (
            <Card key={organisation.id} size="small" className="places-card" data-testid="organisation-card">
              {actions.canWrite ? (
                // The whole card opens the form (编辑, with 删除 in its footer): one big target.
                <button
                  type="button"
                  className="places-card-link places-card-tappable"
                  aria-label={t('places.editOrganisation', { name: organisation.name })}
                  onClick={() => actions.onEdit(organisation)}
                >
                  <Flex justify="space-between" align="center" gap={8}>
                    <div style={{ minWidth: 0, flex: 1 }}>{content}</div>
                    <RightOutlined className="shortcut-arrow" />
                  </Flex>
                </button>
              ) : (
                content
              )}
            </Card>
          );
        })}
        <Pagination {...pagination} size="small" align="center" />
      </Flex>
    </Spin>
  );
}
