import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { type FieldVisit, type NearbyVisit, useUnits } from '../../api/fieldvisits';
import { useT } from '../../i18n';
import { JoinRequestModal } from './JoinRequestModal';
import { formatRange, hasStarted } from './visitDates';

type Suggested = NonNullable<NonNullable<FieldVisit['review']>['joinVisit']>;

/**
 * The visit the reviewer suggested joining, as the filing unit sees it (it cannot open another
 * unit's filing): what it is, and one tap to ask its unit to go along (联合调研).
 */
export function SuggestedJoin({ visit, suggested }: { visit: FieldVisit; suggested: Suggested }) {
  const t = useT();
  const units = useUnits();
  const [joining, setJoining] = useState<NearbyVisit | null>(null);
  const departments = units.data?.find((u) => u.id === visit.unitId)?.departments ?? [];
  const asked = visit.joinRequests.length > 0 || hasStarted(suggested.startDate);
  return (
    <Flex vertical gap={6} className="fv-suggested-join" data-testid="fv-suggested-join">
      <Typography.Text>
        {t('fv.detail.suggestedJoin', {
          unit: suggested.unitName,
          topic: suggested.topic,
          dates: formatRange(suggested.startDate, suggested.endDate),
        })}
      </Typography.Text>
      {asked ? null : (
        <Button type="primary" ghost onClick={() => setJoining({ ...suggested, related: true })}>
          {t('fv.join.ask')}
        </Button>
      )}
      <JoinRequestModal visit={joining} departments={departments} onClose={() => setJoining(null)} />
    </Flex>
  );
}
