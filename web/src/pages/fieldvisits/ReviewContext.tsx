import { Card, Flex, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { type FieldVisit, useMonthLoad, useVisits } from '../../api/fieldvisits';
import { useI18n } from '../../i18n';
import { LoadMeter } from './CoordinationPanel';
import { StatusTag, stopsText } from './VisitBits';
import { addDays, formatMonth, formatRange, monthOf } from './visitDates';

/** Days either side of the visit in which the unit's other visits are shown to the reviewer. */
const AROUND_DAYS = 60;
/** The unit's visits listed here at most; the rest are one tap away in the list. */
const SHOWN = 8;

/** What the reviewer weighs: the unit's visits around this one, and each county's month. */
export function ReviewContext({ visit }: { visit: FieldVisit }) {
  const { t, lang } = useI18n();
  const month = monthOf(visit.startDate);
  const load = useMonthLoad(month);
  const counties = [...new Map(visit.stops.map((s) => [s.countyCode, s.countyName])).entries()];
  // The rules weigh a unit's visits to the same county: with one county, those; else all of them.
  const county = counties.length === 1 ? counties[0]?.[0] : undefined;
  const around = {
    unitId: visit.unitId,
    ...(county ? { countyCode: county } : {}),
    from: addDays(visit.startDate, -AROUND_DAYS),
    to: addDays(visit.startDate, AROUND_DAYS),
  };
  const others = useVisits({ ...around, page: 1, pageSize: SHOWN + 1 });
  const unitVisits = (others.data?.items ?? []).filter((other) => other.id !== visit.id).slice(0, SHOWN);
  const more = (others.data?.total ?? 0) - 1 - unitVisits.length;
  return (
    <>
      <Card
        size="small"
        title={t('fv.review.countyMonth', { month: formatMonth(month, lang) })}
        className="fv-section"
      >
        <Flex vertical gap={12}>
          {counties.map(([code, name]) => {
            const item = load.data?.items.find((i) => i.countyCode === code);
            return (
              <Flex key={code} vertical gap={2}>
                <Flex justify="space-between" align="baseline">
                  <Typography.Text strong>{name}</Typography.Text>
                  <Link to={`/field-visits?view=all&county=${code}&month=${month}`} className="small-text">
                    {t('fv.review.countyVisits')}
                  </Link>
                </Flex>
                {load.data ? <LoadMeter code={code} count={item?.count ?? 0} max={load.data.max} /> : null}
              </Flex>
            );
          })}
        </Flex>
      </Card>
      <Card
        size="small"
        title={t('fv.review.unitVisits', { unit: visit.unitName })}
        className="fv-section"
        extra={
          <Link
            to={`/field-visits?view=all&unit=${visit.unitId}${county ? `&county=${county}` : ''}&from=${around.from}&to=${around.to}`}
            className="small-text"
          >
            {more > 0 ? t('fv.review.moreOfUnit', { n: more }) : t('fv.review.allOfUnit')}
          </Link>
        }
      >
        <Typography.Text type="secondary" className="small-text">
          {county
            ? t('fv.review.aroundCountyHint', { days: AROUND_DAYS, county: counties[0]?.[1] ?? '' })
            : t('fv.review.aroundHint', { days: AROUND_DAYS })}
        </Typography.Text>
        {others.isLoading ? (
          <Skeleton active paragraph={{ rows: 2 }} title={false} />
        ) : unitVisits.length === 0 ? (
          <Typography.Paragraph type="secondary" className="fv-unit-visits-empty">
            {t('fv.review.noUnitVisits')}
          </Typography.Paragraph>
        ) : (
          <ul className="fv-unit-visits">
            {unitVisits.map((other) => (
              <li key={other.id}>
                <Flex justify="space-between" gap={8}>
                  <Link to={`/field-visits/${other.id}`}>{other.topic}</Link>
                  <StatusTag status={other.status} />
                </Flex>
                <Typography.Text type="secondary" className="small-text">
                  {formatRange(other.startDate, other.endDate)} · {stopsText(other)}
                </Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
