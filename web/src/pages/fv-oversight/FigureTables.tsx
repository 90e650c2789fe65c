import { Card, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { FigureSet, FiguresAnswer } from '../../api/fv-oversight';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { visitListLink } from './links';
import { useMonthLabel } from './useMonthLabel';

type CountyRow = FigureSet['byCounty'][number] & { before?: number; after?: number };

/** Every county with filings in the period (the chart shows only the busiest), sortable. */
export function CountyTable({ data }: { data: FiguresAnswer }) {
  const t = useT();
  const isMobile = useIsMobile();
  const split = data.before && data.after ? { before: data.before, after: data.after } : null;
  const beforeOf = new Map(split?.before.byCounty.map((c) => [c.countyCode, c.count]));
  const afterOf = new Map(split?.after.byCounty.map((c) => [c.countyCode, c.count]));
  const rows: CountyRow[] = [...data.whole.byCounty]
    .sort((a, b) => b.count - a.count || a.countyCode.localeCompare(b.countyCode))
    .map((c) => ({ ...c, before: beforeOf.get(c.countyCode) ?? 0, after: afterOf.get(c.countyCode) ?? 0 }));
  const columns: TableColumnsType<CountyRow> = [
    {
      title: t('fvo.county'),
      dataIndex: 'countyName',
      render: (name: string, row) => (
        <Link to={visitListLink({ countyCode: row.countyCode, from: data.whole.from, to: data.whole.to })}>
          {name}
        </Link>
      ),
    },
    ...(split
      ? ([
          {
            title: t('fvo.figures.before'),
            dataIndex: 'before',
            align: 'right',
            sorter: (a: CountyRow, b: CountyRow) => (a.before ?? 0) - (b.before ?? 0),
          },
          {
            title: t('fvo.figures.after'),
            dataIndex: 'after',
            align: 'right',
            sorter: (a: CountyRow, b: CountyRow) => (a.after ?? 0) - (b.after ?? 0),
          },
        ] as TableColumnsType<CountyRow>)
      : []),
    {
      title: t('fvo.figures.filings'),
      dataIndex: 'count',
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.count - b.count,
    },
  ];
  return (
    <Card title={t('fvo.figures.byCountyAll', { n: rows.length })} size="small" className="fvo-chart-card">
      <Table<CountyRow>
        rowKey="countyCode"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 10, size: 'small', showSizeChanger: false, simple: isMobile }}
        data-testid="figures-county-table"
      />
    </Card>
  );
}

type AboveRow = FigureSet['countiesAboveLine'][number];

/** The months in which a county received more visits than the line: each opens those visits. */
export function AboveLineTable({ data }: { data: FiguresAnswer }) {
  const t = useT();
  const monthLabel = useMonthLabel();
  const rows = [...data.whole.countiesAboveLine].sort(
    (a, b) => b.month.localeCompare(a.month) || b.count - a.count,
  );
  const columns: TableColumnsType<AboveRow> = [
    { title: t('fvo.month'), dataIndex: 'month', render: (month: string) => monthLabel(month) },
    {
      title: t('fvo.county'),
      dataIndex: 'countyName',
      render: (name: string, row) => (
        <Link to={visitListLink({ countyCode: row.countyCode, month: row.month })}>{name}</Link>
      ),
    },
    {
      title: t('fvo.figures.filings'),
      dataIndex: 'count',
      align: 'right',
      render: (n: number) => <span className="fvo-over-count">{n}</span>,
    },
  ];
  return (
    <Card title={t('fvo.figures.aboveLineTitle', { n: rows.length })} size="small" className="fvo-chart-card">
      <Table<AboveRow>
        rowKey={(row) => `${row.countyCode}-${row.month}`}
        size="small"
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: t('fvo.figures.noneAboveLine') }}
        pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
        data-testid="figures-above-line"
      />
    </Card>
  );
}
