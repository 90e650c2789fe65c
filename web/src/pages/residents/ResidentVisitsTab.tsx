import { FormOutlined } from '@ant-design/icons';
import { Button, Flex, Pagination, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Resident } from '../../api/residents';
import { useResidentVisits } from '../../api/visits';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import { useT } from '../../i18n';
import { VisitEntry } from '../visits/VisitEntry';

/** 走访记录: the visits, newest first, ten to a page. */
export function ResidentVisitsTab({ resident, canRecord }: { resident: Resident; canRecord: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const visits = useResidentVisits(resident.id, page);
  const record = canRecord ? (
    <Button
      type="primary"
      icon={<FormOutlined />}
      onClick={() => navigate(`/residents/${resident.id}/visit`)}
    >
      {t('visits.record')}
    </Button>
  ) : null;

  if (visits.isError) return <QueryError error={visits.error} onRetry={() => void visits.refetch()} />;
  const total = visits.data?.total ?? 0;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('visits.count', { n: total })}</Typography.Text>
        {record}
      </Flex>
      <Spin spinning={visits.isFetching}>
        {visits.data && visits.data.items.length === 0 ? (
          <EmptyState description={t('visits.none')} />
        ) : (
          <div className="item-list">
            {visits.data?.items.map((visit) => (
              <VisitEntry key={visit.id} visit={visit} />
            ))}
          </div>
        )}
      </Spin>
      {total > 10 ? (
        <Pagination
          current={page}
          pageSize={10}
          total={total}
          onChange={setPage}
          size="small"
          align="center"
        />
      ) : null}
    </Flex>
  );
}
