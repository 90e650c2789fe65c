import { Card, Col, Row, Spin } from 'antd';
import { useJoinRequests } from '../../api/fieldvisits';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import { useT } from '../../i18n';
import { JoinRequestItem } from './JoinRequestItem';

/** The reporter's 联合调研 requests: those made to its unit's visits, and those it made. */
export function JoinRequestsPanel() {
  const t = useT();
  const requests = useJoinRequests(true);
  if (requests.isError) return <QueryError error={requests.error} onRetry={() => void requests.refetch()} />;
  const incoming = requests.data?.incoming ?? [];
  const outgoing = requests.data?.outgoing ?? [];
  return (
    <Spin spinning={requests.isLoading}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('fv.join.incoming')} className="fv-join-card">
            {incoming.length === 0 ? <EmptyState description={t('fv.join.noIncoming')} /> : null}
            {incoming.map((request) => (
              <JoinRequestItem key={request.id} request={request} direction="incoming" />
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('fv.join.outgoing')} className="fv-join-card">
            {outgoing.length === 0 ? <EmptyState description={t('fv.join.noOutgoing')} /> : null}
            {outgoing.map((request) => (
              <JoinRequestItem key={request.id} request={request} direction="outgoing" />
            ))}
          </Card>
        </Col>
      </Row>
    </Spin>
  );
}
