import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Resident } from '../../api/residents';
import { useT } from '../../i18n';
import { formatAgo, formatInstant } from './dates';
import { VisitDue } from './ResidentBits';
import { GENDER_KEYS, HUKOU_KEYS, labelOf, POLITICAL_KEYS, RELATION_KEYS, STATUS_KEYS } from './vocabulary';

const dash = <Typography.Text type="secondary">—</Typography.Text>;
const orDash = (value: ReactNode) => (value === null || value === undefined || value === '' ? dash : value);

/** 基本信息: every recorded fact; the numbers as the header shows them (masked or revealed). */
export function ResidentInfoTab({
  resident,
  idNumber,
  phone,
}: {
  resident: Resident;
  idNumber: ReactNode;
  phone: ReactNode;
}) {
  const t = useT();
  const item = (key: string, label: string, value: ReactNode, span?: 'filled') => ({
    key,
    label,
    children: orDash(value),
    span,
  });
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      className="resident-info"
      items={[
        item('name', t('residents.name'), resident.name),
        item('gender', t('residents.gender'), labelOf(t, GENDER_KEYS, resident.gender)),
        item(
          'birthDate',
          t('residents.birthDate'),
          t('residents.birthDateAge', { date: resident.birthDate, age: resident.age }),
        ),
        item('idNumber', t('residents.idNumber'), idNumber),
        item('phone', t('residents.phone'), phone),
        item('hukou', t('residents.hukou'), labelOf(t, HUKOU_KEYS, resident.hukou)),
        item('status', t('residents.status'), labelOf(t, STATUS_KEYS, resident.status)),
        item('relation', t('residents.relation'), labelOf(t, RELATION_KEYS, resident.relation)),
        item('political', t('residents.political'), labelOf(t, POLITICAL_KEYS, resident.political)),
        item('work', t('residents.work'), resident.work),
        item('grid', t('residents.grid'), resident.regionName),
        item('address', t('residents.address'), resident.address),
        item('moveInDate', t('residents.moveInDate'), resident.moveInDate),
        item('moveOutDate', t('residents.moveOutDate'), resident.moveOutDate),
        item(
          'interval',
          t('residents.visitInterval'),
          resident.visitIntervalDays ? t('residents.everyDays', { n: resident.visitIntervalDays }) : null,
        ),
        item(
          'lastVisit',
          t('residents.lastVisit'),
          resident.visitIntervalDays || resident.lastVisitAt ? formatAgo(t, resident.lastVisitAt) : null,
        ),
        item(
          'nextVisit',
          t('residents.nextVisit'),
          resident.visitDueAt ? <VisitDue resident={resident} /> : null,
        ),
        item('createdAt', t('residents.createdAt'), formatInstant(resident.createdAt)),
        item('updatedAt', t('residents.updatedAt'), formatInstant(resident.updatedAt)),
        item(
          'note',
          t('residents.note'),
          resident.note ? <span className="pre-line">{resident.note}</span> : null,
          'filled',
        ),
      ]}
    />
  );
}
