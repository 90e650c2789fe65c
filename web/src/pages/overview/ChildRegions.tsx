import { RightOutlined } from '@ant-design/icons';
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { OverviewChild } from '../../api/overview';
import { useT } from '../../i18n';
import { childLink } from './links';

type Figure = 'residents' | 'households' | 'caredFor' | 'overdue';

interface ChildRegionsProps {
  rows: OverviewChild[];
  /** Heading of the name column: 网格, 社区, … */
  nameTitle: string;
  isMobile: boolean;
  format: (n: number) => string;
}

/**
 * The figures of each child region (the grids of a community). A row opens the residents of
 * that region — its overdue ones when there are any, as those are what needs doing.
 */
export function ChildRegions(props: ChildRegionsProps) {
  return props.isMobile ? <ChildList {...props} /> : <ChildTable {...props} />;
}

function ChildTable({ rows, nameTitle, format }: ChildRegionsProps) {
  const t = useT();
  const navigate = useNavigate();
  const figure = (key: Figure, title: string): TableColumnsType<OverviewChild>[number] => ({
    key,
    title,
    dataIndex: key,
    align: 'right',
    sorter: (a, b) => a[key] - b[key],
    sortDirections: ['descend', 'ascend'],
    render: (value: number) =>
      key === 'overdue' ? (
        <span className={value > 0 ? 'overview-overdue' : 'overview-zero'}>{format(value)}</span>
      ) : (
        <span className="overview-number">{format(value)}</span>
      ),
  });
  const columns: TableColumnsType<OverviewChild> = [
    {
      key: 'name',
      title: nameTitle,
      dataIndex: 'name',
      sorter: (a, b) => a.code.localeCompare(b.code),
      // The name is a real link, for the keyboard and for opening in a new tab.
      render: (name: string, row) => (
        <Link to={childLink(row)} onClick={(event) => event.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    figure('residents', t('overview.residents')),
    figure('households', t('overview.households')),
    figure('caredFor', t('overview.caredFor')),
    figure('overdue', t('overview.overdue')),
  ];
  const total = (key: Figure) => rows.reduce((sum, row) => sum + row[key], 0);
  return (
    <div data-testid="overview-children">
      <Table<OverviewChild>
        rowKey="code"
        className="overview-table"
        size="middle"
        columns={columns}
        dataSource={rows}
        pagination={false}
        onRow={(row) => ({ onClick: () => navigate(childLink(row)) })}
        summary={() =>
          rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('overview.total')}</Typography.Text>
              </Table.Summary.Cell>
              {(['residents', 'households', 'caredFor', 'overdue'] as const).map((key, i) => (
                <Table.Summary.Cell key={key} index={i + 1} align="right">
                  <Typography.Text
                    strong
                    className={key === 'overdue' && total(key) > 0 ? 'overview-overdue' : ''}
                  >
                    {format(total(key))}
                  </Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
    </div>
  );
}

function ChildList({ rows, format }: ChildRegionsProps) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <ul className="overview-child-list" data-testid="overview-children">
      {rows.map((row) => (
        <li key={row.code}>
          <button
            type="button"
            className="overview-child-row"
            data-testid={`overview-child-${row.code}`}
            onClick={() => navigate(childLink(row))}
          >
            <span className="overview-child-main">
              <span className="overview-child-name">{row.name}</span>
              <span className="overview-child-figures">
                {t('overview.childFigures', {
                  residents: format(row.residents),
                  households: format(row.households),
                  caredFor: format(row.caredFor),
                })}
              </span>
            </span>
            {row.overdue > 0 ? (
              <Tag color="red">{t('overview.overdueN', { n: format(row.overdue) })}</Tag>
            ) : (
              <Typography.Text type="secondary">{t('overview.noneOverdue')}</Typography.Text>
            )}
            <RightOutlined className="shortcut-arrow" />
          </button>
        </li>
      ))}
    </ul>
  );
}
