import { EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Result } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { fetchChildRegions, fetchRegion, fetchRootRegions, regionKeys } from '../../api/regions';
import { useCurrentUser, usePermission } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { RegionPicker } from '../../components/RegionPicker';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { useWorkingRegion } from '../../layout/WorkingRegion';
import { GridNameModal, type GridNameTarget } from './GridNameModal';
import { RegionChildren } from './RegionChildren';
import { RegionSummary, regionLink } from './RegionSummary';

/**
 * Breadcrumb + list browser of the region tree. The node shown is in the URL (`?code=`), so a
 * region can be linked to and the back button walks up again.
 */
export default function RegionsPage() {
  const t = useT();
  const user = useCurrentUser();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const working = useWorkingRegion();
  const canEditGrids = usePermission('regions.createGrid');
  const [params] = useSearchParams();
  const [gridTarget, setGridTarget] = useState<GridNameTarget | null>(null);

  const roots = useQuery({ queryKey: regionKeys.roots(), queryFn: fetchRootRegions, staleTime: 300_000 });
  const singleRoot = roots.data?.length === 1 ? roots.data[0] : undefined;
  // No code in the URL: start where the user works (their working region, else their scope).
  const code = params.get('code') ?? working.region?.code ?? singleRoot?.code;

  const current = useQuery({
    queryKey: regionKeys.detail(code ?? ''),
    queryFn: () => fetchRegion(code ?? ''),
    enabled: Boolean(code),
  });
  const children = useQuery({
    queryKey: regionKeys.children(code ?? ''),
    queryFn: () => fetchChildRegions(code ?? ''),
    enabled: Boolean(code),
  });

  const region = current.data;
  const isCommunity = region?.level === 'community';
  const createGrid = () => region && setGridTarget({ kind: 'create', community: region });
  const emptyAction =
    isCommunity && canEditGrids ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={createGrid}>
        {t('regions.newGrid')}
      </Button>
    ) : undefined;

  const failure = current.error ?? children.error ?? roots.error;
  // Out of scope answers 404 exactly like a code that does not exist; asking again cannot help.
  const notFound = [current.error, children.error].some((error) => isApiError(error) && error.status === 404);

  return (
    <>
      <PageHeader
        title={t('regions.title')}
        subtitle={t('regions.subtitle')}
        extra={
          singleRoot?.level === 'grid' ? null : (
            <RegionPicker
              aria-label={t('regions.jump')}
              placeholder={t('regions.jump')}
              onChange={(next) => next && navigate(regionLink(next))}
              style={{ width: isMobile ? 'calc(100vw - 32px)' : 300 }}
            />
          )
        }
      />
      {notFound ? (
        <Card>
          <div role="alert">
            <Result
              className="region-not-found"
              icon={<EnvironmentOutlined className="region-not-found-icon" />}
              title={t('regions.notFound')}
              subTitle={t('regions.notFoundDesc')}
              extra={
                <Button type="primary" onClick={() => navigate('/regions')}>
                  {t('regions.backToMine')}
                </Button>
              }
            />
          </div>
        </Card>
      ) : failure ? (
        <QueryError
          error={failure}
          onRetry={() => {
            void current.refetch();
            void children.refetch();
          }}
        />
      ) : (
        <Flex vertical gap={16}>
          {region ? (
            <Card>
              <RegionSummary
                region={region}
                isInScope={(candidate) => candidate.startsWith(user.scope)}
                canEditGrids={canEditGrids}
                onCreateGrid={createGrid}
                onRename={() => setGridTarget({ kind: 'rename', grid: region })}
              />
            </Card>
          ) : null}
          {region?.level === 'grid' ? null : (
            <Card
              title={
                code
                  ? isCommunity && region
                    ? t('regions.gridsOf', { name: region.name })
                    : t('regions.children')
                  : t('regions.scope')
              }
              styles={{ body: { padding: 0 } }}
            >
              <RegionChildren
                regions={code ? children.data : roots.data}
                loading={code ? children.isLoading || current.isLoading : roots.isLoading}
                canEditGrids={canEditGrids}
                onRename={(grid) => setGridTarget({ kind: 'rename', grid })}
                emptyText={isCommunity ? t('regions.emptyGrids') : t('regions.empty')}
                emptyAction={emptyAction}
              />
            </Card>
          )}
        </Flex>
      )}
      <GridNameModal target={gridTarget} onClose={() => setGridTarget(null)} />
    </>
  );
}
