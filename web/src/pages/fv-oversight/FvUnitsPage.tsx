import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useUnits } from '../../api/fieldvisits';
import { useReporters } from '../../api/fv-oversight';
import { PageHeader } from '../../components/PageHeader';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { ReportersTab } from './ReportersTab';
import { UnitsTab } from './UnitsTab';
import './fv-oversight.css';

type TabKey = 'units' | 'reporters';

/** 报备单位 (admin): the filing units with their departments, and which unit each reporter files for. */
export default function UnitsPage() {
  const t = useT();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get('tab') === 'reporters' ? 'reporters' : 'units';
  const units = useUnits();
  const reporters = useReporters();

  return (
    <>
      <PageHeader title={t('fvo.units.title')} subtitle={t('fvo.units.subtitle')} />
      <Card styles={{ body: { padding: isMobile ? 12 : undefined, paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'reporters' ? { tab: key } : {}, { replace: true })}
          items={[
            {
              key: 'units',
              label: t('fvo.units.tab', { n: units.data?.length ?? '…' }),
              children: <UnitsTab units={units} reporters={reporters.data} />,
            },
            {
              key: 'reporters',
              label: t('fvo.reporters.tab', { n: reporters.data?.length ?? '…' }),
              children: <ReportersTab reporters={reporters} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
