import { ArrowLeftOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { cancelVisit, type FieldVisit, useVisit, useVisitMutation } from '../../api/fieldvisits';
import { usePermission } from '../../auth/session';
import { EmptyState } from '../../components/EmptyState';
import { errorText } from '../../components/errorText';
import { FullPageSpin } from '../../components/FullPageSpin';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { ClashSection } from './ClashSection';
import { JoinRequestItem } from './JoinRequestItem';
import { lastListPath } from './listQuery';
import { ResultSection } from './ResultSection';
import { ReviewActions } from './ReviewActions';
import { ReviewContext } from './ReviewContext';
import { ResultOverdueTag, StatusTag, stopsText, WarningList } from './VisitBits';
import { ReviewRecord, VisitFacts, VisitStops } from './VisitFacts';
import { formatRange, hasStarted } from './visitDates';
import './fieldvisits.css';

/** `/field-visits/:id`: a filing with its warnings, review, clashes, join requests and result. */
export default function FieldVisitDetailPage() {
  const t = useT();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const visit = useVisit(Number.isInteger(id) ? id : 0);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(lastListPath())}>
      {t('fv.backToList')}
    </Button>
  );
  if (visit.isError || !(id > 0)) {
    return (
      <>
        <PageHeader title={t('fv.detail.title')} extra={back} />
        <Card>
          {!(id > 0) || (isApiError(visit.error) && visit.error.status === 404) ? (
            <EmptyState description={t('fv.notFound')} />
          ) : (
            <QueryError error={visit.error} onRetry={() => void visit.refetch()} />
          )}
        </Card>
      </>
    );
  }
  if (!visit.data) return <FullPageSpin />;
  return <VisitDetail visit={visit.data} back={back} />;
}

function VisitDetail({ visit, back }: { visit: FieldVisit; back: ReactNode }) {
  const t = useT();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const canFile = usePermission('fieldVisits.file');
  const canReview = usePermission('fieldVisits.review');
  const canFlag = usePermission('fieldVisits.flagClash');
  const isMobile = useIsMobile();
  const cancel = useVisitMutation(() => cancelVisit(visit.id));
  const changeable = canFile && visit.status !== 'cancelled' && !hasStarted(visit.startDate);
  const joinRequests = visit.joinRequests ?? [];

  const confirmCancel = () =>
    modal.confirm({
      title: t('fv.detail.cancelTitle'),
      content: t('fv.detail.cancelContent', { topic: visit.topic }),
      okText: t('fv.detail.cancelOk'),
      okButtonProps: { danger: true },
      cancelText: t('fv.detail.cancelKeep'),
      onOk: () =>
        cancel.mutateAsync(undefined).then(
          () => void message.success(t('fv.detail.cancelled')),
          (error: unknown) => void message.error(errorText(t, error)),
        ),
    });

  const actions = (
    <>
      {back}
      {changeable ? (
        <>
          <Button icon={<EditOutlined />} onClick={() => navigate(`/field-visits/${visit.id}/edit`)}>
            {t('common.edit')}
          </Button>
          <Button danger icon={<StopOutlined />} onClick={confirmCancel}>
            {t('fv.detail.cancel')}
          </Button>
        </>
      ) : null}
    </>
  );

  const reviewCard =
    visit.status === 'pending_review' ? (
      <Card size="small" title={t('fv.review.title')} className="fv-section fv-review-card">
        <Typography.Paragraph type="secondary" className="small-text">
          {t('fv.review.hint')}
        </Typography.Paragraph>
        <ReviewActions visit={visit} />
      </Card>
    ) : null;

  const main = (
    <Flex vertical gap={16}>
      <VisitFacts visit={visit} />
      <VisitStops visit={visit} />
      <ReviewRecord visit={visit} ownUnit={canFile} />
      <ClashSection visit={visit} canFlag={canFlag} />
      {joinRequests.length > 0 ? (
        <Card size="small" title={t('fv.join.onVisit')} className="fv-section">
          <Flex vertical gap={12}>
            {joinRequests.map((request) => (
              <JoinRequestItem
                key={request.id}
                request={request}
                direction="incoming"
                hideVisit
                canDecide={canFile}
              />
            ))}
          </Flex>
        </Card>
      ) : null}
      <ResultSection visit={visit} canFile={canFile} />
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={visit.topic}
        subtitle={[visit.unitName, visit.departmentName].filter(Boolean).join(' · ')}
        extra={actions}
      />
      <Card size="small" className="fv-summary" data-testid="fv-summary">
        <Flex gap={12} align="center" wrap>
          <StatusTag status={visit.status} />
          <ResultOverdueTag visit={visit} />
          <Typography.Text>{formatRange(visit.startDate, visit.endDate)}</Typography.Text>
          <Typography.Text type="secondary">{stopsText(visit)}</Typography.Text>
          <Typography.Text type="secondary">{t('fv.people', { n: visit.headcount })}</Typography.Text>
        </Flex>
        {visit.warnings.length > 0 ? (
          <div className="fv-summary-warnings">
            <WarningList warnings={visit.warnings} />
          </div>
        ) : null}
      </Card>
      {canReview ? (
        isMobile ? (
          // On a phone the decision comes first, what to weigh it by after the filing.
          <Flex vertical gap={16}>
            {reviewCard}
            {main}
            <ReviewContext visit={visit} />
          </Flex>
        ) : (
          <Row gutter={[16, 16]}>
            <Col span={16}>{main}</Col>
            <Col span={8}>
              <Flex vertical gap={16}>
                {reviewCard}
                <ReviewContext visit={visit} />
              </Flex>
            </Col>
          </Row>
        )
      ) : (
        main
      )}
    </>
  );
}
