import { TeamOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Progress, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type MonthLoad, type NearbyVisit, useNearby } from '../../api/fieldvisits';
import { EmptyState } from '../../components/EmptyState';
import { useI18n, useT } from '../../i18n';
import { JoinRequestModal } from './JoinRequestModal';
import { formatMonth, formatRange } from './visitDates';

/**
 * A county's month as the filing would meet it: green while there is room, yellow once the line
 * is reached (a filing then carries the yellow warning and needs an explanation).
 */
export function LoadMeter({ code, count, max }: { code: string; count: number; max: number }) {
  const t = useT();
  const full = count >= max;
  return (
    <Flex vertical gap={2} className="fv-load">
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Text type="secondary" className="small-text">
          {t('fv.load.thisMonth')}
        </Typography.Text>
        <Typography.Text
          strong
          className={full ? 'fv-load-count fv-load-yellow' : 'fv-load-count fv-load-green'}
          data-testid={`fv-load-${code}`}
        >
          {count} / {max}
        </Typography.Text>
      </Flex>
      <Progress
        percent={Math.min(100, Math.round((count * 100) / Math.max(1, max)))}
        showInfo={false}
        size="small"
        strokeColor={full ? '#faad14' : '#52c41a'}
        aria-label={t('fv.load.aria', { count, max })}
      />
      {full ? (
        <Typography.Text className="small-text fv-load-note">{t('fv.load.full')}</Typography.Text>
      ) : null}
    </Flex>
  );
}

interface CountyCardProps {
  code: string;
  name: string;
  load: MonthLoad | undefined;
  startDate: string | undefined;
  topic: string;
  canJoin: boolean;
  onJoin: (visit: NearbyVisit) => void;
}

function CountyCard({ code, name, load, startDate, topic, canJoin, onJoin }: CountyCardProps) {
  const t = useT();
  const nearby = useNearby(code, startDate, topic);
  const item = load?.items.find((i) => i.countyCode === code);
  return (
    <Card size="small" title={name} className="fv-county-card" data-testid={`fv-county-${code}`}>
      {load ? (
        <LoadMeter code={code} count={item?.count ?? 0} max={load.max} />
      ) : (
        <Skeleton active paragraph={false} />
      )}
      <Typography.Text strong className="fv-nearby-title">
        {t('fv.nearby.title')}
      </Typography.Text>
      {!startDate ? (
        <Typography.Text type="secondary" className="small-text">
          {t('fv.nearby.pickDate')}
        </Typography.Text>
      ) : nearby.isLoading ? (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      ) : (nearby.data ?? []).length === 0 ? (
        <Typography.Text type="secondary" className="small-text">
          {nearby.isError ? t('fv.nearby.failed') : t('fv.nearby.none')}
        </Typography.Text>
      ) : (
        <ul className="fv-nearby-list">
          {nearby.data?.map((visit) => (
            <li key={visit.id} className="fv-nearby-item">
              <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Flex gap={6} align="baseline" wrap>
                  <Typography.Text strong>{visit.topic}</Typography.Text>
                  {visit.related ? <Tag color="blue">{t('fv.nearby.related')}</Tag> : null}
                </Flex>
                <Typography.Text type="secondary" className="small-text">
                  {visit.unitName} · {formatRange(visit.startDate, visit.endDate)} · <TeamOutlined />{' '}
                  {t('fv.people', { n: visit.headcount })}
                </Typography.Text>
              </Flex>
              {canJoin ? (
                <Button size="small" onClick={() => onJoin(visit)}>
                  {t('fv.join.ask')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

interface CoordinationPanelProps {
  counties: { code: string; name: string }[];
  month: string;
  load: MonthLoad | undefined;
  startDate: string | undefined;
  topic: string;
  canJoin: boolean;
  departments: { id: number; name: string }[];
}

/**
 * Beside the form: for each county chosen, its load in the visit's month and the other units'
 * visits within a week either side (related topics first), with 申请联合调研 on each.
 */
export function CoordinationPanel({
  counties,
  month,
  load,
  startDate,
  topic,
  canJoin,
  departments,
}: CoordinationPanelProps) {
  const { t, lang } = useI18n();
  const [joining, setJoining] = useState<NearbyVisit | null>(null);
  return (
    <Flex vertical gap={12} className="fv-coordination" data-testid="fv-coordination">
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('fv.coordination.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{formatMonth(month, lang)}</Typography.Text>
      </Flex>
      {counties.length === 0 ? (
        <Card size="small">
          <EmptyState description={t('fv.coordination.empty')} />
        </Card>
      ) : (
        counties.map((county) => (
          <CountyCard
            key={county.code}
            code={county.code}
            name={county.name}
            load={load}
            startDate={startDate}
            topic={topic}
            canJoin={canJoin}
            onJoin={setJoining}
          />
        ))
      )}
      <JoinRequestModal visit={joining} departments={departments} onClose={() => setJoining(null)} />
    </Flex>
  );
}
