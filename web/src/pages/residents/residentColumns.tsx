import { Button, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Resident } from '../../api/residents';
import type { Translate } from '../../i18n';
import { RiskTags, VisitDue } from './ResidentBits';
import { GENDER_KEYS, labelOf, STATUS_KEYS } from './vocabulary';

export interface ResidentRowActions {
  /** 走访: shown to those who may record visits, on records that are not deleted. */
  canVisit: boolean;
  /** 恢复: shown on deleted records to those who may write. */
  canRestore: boolean;
  onVisit: (resident: Resident) => void;
  onRestore: (resident: Resident) => void;
  restoringId: number | null;
}

const muted = (value: string | null) =>
  value ? value : <Typography.Text type="secondary">—</Typography.Text>;

/**
 * Desktop columns, sized to fit a 1440 px screen without scrolling sideways; the grid column
 * only when there is more than one grid to tell apart.
 */
export function residentColumns(
  t: Translate,
  actions: ResidentRowActions,
  showGrid: boolean,
): TableColumnsType<Resident> {
  const columns: TableColumnsType<Resident> = [
    {
      title: t('residents.name'),
      dataIndex: 'name',
      width: 88,
      fixed: 'left',
      render: (name: string, resident) => (
        <span className="resident-name-cell">
          <Link to={`/residents/${resident.id}`} onClick={(e) => e.stopPropagation()}>
            <Typography.Text strong>{name}</Typography.Text>
          </Link>
          {resident.status !== 'resident' ? (
            <Typography.Text type="secondary" className="resident-status-note">
              {labelOf(t, STATUS_KEYS, resident.status)}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('residents.gender'),
      dataIndex: 'gender',
      width: 56,
      render: (gender: string) => labelOf(t, GENDER_KEYS, gender),
    },
    { title: t('residents.age'), dataIndex: 'age', width: 56 },
    {
      title: t('residents.idNumber'),
      dataIndex: 'idNumber',
      width: 158,
      render: (value: string) => <span className="masked-number">{value}</span>,
    },
    {
      title: t('residents.phone'),
      dataIndex: 'phone',
      width: 112,
      render: (value: string | null) =>
        value ? <span className="masked-number">{value}</span> : muted(null),
    },
    ...(showGrid ? [{ title: t('residents.grid'), dataIndex: 'regionName', width: 90, ellipsis: true }] : []),
    { title: t('residents.address'), dataIndex: 'address', ellipsis: true, render: muted },
    {
      title: t('residents.tags'),
      dataIndex: 'tags',
      width: 184,
      render: (_tags, resident) => <RiskTags tags={resident.tags} />,
    },
    {
      title: t('residents.nextVisit'),
      key: 'due',
      width: 140,
      render: (_value, resident) => <VisitDue resident={resident} />,
    },
  ];
  if (actions.canVisit || actions.canRestore) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 64,
      fixed: 'right',
      render: (_value, resident) =>
        resident.deletedAt ? (
          actions.canRestore ? (
            <Button
              type="link"
              size="small"
              loading={actions.restoringId === resident.id}
              onClick={(e) => {
                e.stopPropagation();
                actions.onRestore(resident);
              }}
            >
              {t('residents.restore')}
            </Button>
          ) : null
        ) : actions.canVisit && resident.visitDueAt ? (
          <Button
            type="link"
            size="small"
            onClick={(e) => {
              e.stopPropagation();
              actions.onVisit(resident);
            }}
          >
            {t('workbench.visit')}
          </Button>
        ) : null,
    });
  }
  return columns;
}
