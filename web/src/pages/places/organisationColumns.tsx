import { Button, type TableColumnsType, Typography } from 'antd';
import type { Organisation } from '../../api/places';
import type { Translate } from '../../i18n';

export interface OrganisationRowActions {
  canWrite: boolean;
  onEdit: (organisation: Organisation) => void;
  onDelete: (organisation: Organisation) => void;
}

const muted = (value: string | null) =>
  value ? value : <Typography.Text type="secondary">—</Typography.Text>;

/** Desktop columns; the kind is the tab, so it is not repeated on every row. */
export function organisationColumns(
  t: Translate,
  actions: OrganisationRowActions,
  showGrid: boolean,
): TableColumnsType<Organisation> {
  const columns: TableColumnsType<Organisation> = [
    {
      title: t('places.orgName'),
      dataIndex: 'name',
      width: 200,
      fixed: 'left',
      ellipsis: true,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    { title: t('places.category'), dataIndex: 'category', width: 110, ellipsis: true, render: muted },
    {
      title: t('places.creditCode'),
      dataIndex: 'creditCode',
      width: 190,
      render: (value: string | null) =>
        value ? <span className="masked-number">{value}</span> : muted(null),
    },
    { title: t('places.contactName'), dataIndex: 'contactName', width: 90, render: muted },
    {
      title: t('places.contactPhone'),
      dataIndex: 'contactPhone',
      width: 120,
      render: (value: string | null) =>
        value ? <span className="masked-number">{value}</span> : muted(null),
    },
    ...(showGrid ? [{ title: t('places.grid'), dataIndex: 'regionName', width: 100, ellipsis: true }] : []),
    { title: t('places.address'), dataIndex: 'address', ellipsis: true, render: muted },
  ];
  if (actions.canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_value, organisation) => (
        <span className="places-row-actions">
          <Button type="link" size="small" onClick={() => actions.onEdit(organisation)}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" danger onClick={() => actions.onDelete(organisation)}>
            {t('places.delete')}
          </Button>
        </span>
      ),
    });
  }
  return columns;
}
