import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { type Overview, type OverviewChild, useOverview } from '../../api/overview';
import { fetchChildRegions, regionKeys } from '../../api/regions';
import { usePermission } from '../../auth/session';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { type MessageKey, useI18n } from '../../i18n';
import { useWorkingRegion } from '../../layout/WorkingRegion';
import { ChildRegions } from './ChildRegions';
import { residentsLink } from './links';
import { OverviewStats } from './OverviewStats';
import { TagChart } from './TagChart';
import './overview.css';

/** What the children of a region are called, by the region's level. */
const CHILDREN_TITLE: Record<string, { card: MessageKey; column: MessageKey }> = {
  community: { card: 'overview.byGrid', column: 'overview.grid' },
  street: { card: 'overview.byCommunity', column: 'overview.community' },
};
const OTHER_CHILDREN = { card: 'overview.byChild', column: 'overview.childRegion' } as const;

function hasRegistry(data: Overview): boolean {
  return data.residents > 0 || data.households > 0 || data.buildings > 0;
}

/**
 * The overview lists only the children that hold registry rows; the region tree adds the ones
 * still empty (a grid just created), with zeros, so that every grid is on the page.
 */
function useChildRows(data: Overview | undefined): OverviewChild[] {
  const showChildren = data !== undefined && data.region.level !== 'grid';
  const tree = useQuery({
    queryKey: regionKeys.children(data?.region.code ?? ''),
    queryFn: () => fetchChildRegions(data?.region.code ?? ''),
    enabled: showChildren,
    staleTime: 300_000,
  });
  return useMemo(() => {
    if (!data || !showChildren) return [];
    const known = new Set(data.children.map((c) => c.code));
    const empty = (tree.data ?? [])
      .filter((region) => !known.has(region.code))
      .map((region) => ({
        code: region.code,
        name: region.name,
        residents: 0,
        households: 0,
        caredFor: 0,
        overdue: 0,
      }));
    return [...data.children, ...empty].sort((a, b) => a.code.localeCompare(b.code));
  }, [data, showChildren, tree.data]);
}

/**
 * 社区概览: the figures of the working region (the account's community, typically) — people,
 * households, buildings, cared-for residents by tag, visits this month, overdue visits — and of
 * each of its grids, each a way into the residents list.
 */
export default function OverviewPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const working = useWorkingRegion();
  const canWrite = usePermission('registry.write');
  const overview = useOverview(working.regionCode);
  const data = overview.data;
  const rows = useChildRows(data);

  const format = useMemo(() => {
    const numbers = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN');
    return (n: number) => numbers.format(n);
  }, [lang]);
  const openTag = useCallback((code: string) => navigate(residentsLink({ tag: code })), [navigate]);

  const overdue = data?.overdue ?? 0;
  const titles = (data && CHILDREN_TITLE[data.region.level]) ?? OTHER_CHILDREN;

  const header = (
    <PageHeader
      title={t('overview.title')}
      subtitle={t('overview.subtitle', { region: data?.region.name ?? working.name })}
      extra={
        data && hasRegistry(data) ? (
          <Button
            danger={overdue > 0}
            icon={<WarningOutlined />}
            data-testid="overview-overdue-link"
            onClick={() => navigate(residentsLink({ overdue: true }))}
          >
            {overdue > 0 ? t('overview.viewOverdueN', { n: format(overdue) }) : t('overview.viewOverdue')}
          </Button>
        ) : null
      }
    />
  );

  if (overview.isError) {
    return (
      <>
        {header}
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      </>
    );
  }

  if (!data) {
    return (
      <>
        {header}
        <Flex vertical gap={16}>
          <Card>
            <Skeleton active paragraph={{ rows: 1 }} />
          </Card>
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        </Flex>
      </>
    );
  }

  if (!hasRegistry(data)) {
    return (
      <>
        {header}
        <Card data-testid="overview-empty">
          <EmptyState
            description={
              <Flex vertical gap={4}>
                <Typography.Text strong>
                  {t('overview.emptyTitle', { region: data.region.name })}
                </Typography.Text>
                <Typography.Text type="secondary">{t('overview.emptyHint')}</Typography.Text>
              </Flex>
            }
            action={
              canWrite ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/residents/new')}>
                  {t('overview.emptyAction')}
                </Button>
              ) : undefined
            }
          />
        </Card>
      </>
    );
  }

  const showChildren = data.region.level !== 'grid' && rows.length > 0;
  const chartCard = (
    <Card
      size={isMobile ? 'small' : undefined}
      title={t('overview.byTag')}
      styles={{ body: { padding: isMobile ? 12 : undefined } }}
    >
      <TagChart tags={data.byTag} onOpenTag={openTag} />
    </Card>
  );

  return (
    <>
      {header}
      <Flex vertical gap={16}>
        <OverviewStats data={data} format={format} />
        {showChildren ? (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              {chartCard}
            </Col>
            <Col xs={24} xl={14}>
              <Card
                size={isMobile ? 'small' : undefined}
                title={t(titles.card)}
                styles={{ body: { padding: isMobile ? '4px 12px' : 0 } }}
                extra={
                  isMobile ? null : (
                    <Typography.Text type="secondary">{t('overview.rowHint')}</Typography.Text>
                  )
                }
              >
                <ChildRegions rows={rows} nameTitle={t(titles.column)} isMobile={isMobile} format={format} />
              </Card>
            </Col>
          </Row>
        ) : (
          chartCard
        )}
      </Flex>
    </>
  );
}
