import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Table, type TableColumnsType } from 'antd';
import type { FigureSet, FiguresAnswer } from '../../api/fv-oversight';
import { useIsMobile } from '../../components/useIsMobile';
import { type MessageKey, type Translate, useT } from '../../i18n';
import { daysBetween, permilleText } from './months';

interface Measure {
  key: string;
  label: MessageKey;
  /** The figure as a number, to compare; null when there is nothing to measure. */
  value: (f: FigureSet) => number | null;
  text: (f: FigureSet) => string;
  /** How a difference reads: counts, or percentage points from thousandths. */
  diff: (delta: number, t: Translate) => string;
  hint?: MessageKey;
}

const count = (n: number) => String(n);
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const points = (permille: number) => {
  const sign = permille < 0 ? '-' : permille > 0 ? '+' : '';
  const abs = Math.abs(permille);
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}`;
};
/** Days in a part, both ends included. */
const daysOf = (f: FigureSet) => daysBetween(f.from, f.to) + 1;
/** Filings per 30 days in tenths, so parts of different lengths can be compared. */
const per30Tenths = (f: FigureSet) => Math.round((f.total * 300) / Math.max(1, daysOf(f)));
const tenthsText = (tenths: number) =>
  `${tenths < 0 ? '-' : ''}${Math.floor(Math.abs(tenths) / 10)}.${Math.abs(tenths) % 10}`;

const MEASURES: Measure[] = [
  {
    key: 'total',
    label: 'fvo.figures.total',
    value: (f) => f.total,
    text: (f) => count(f.total),
    diff: signed,
  },
  {
    key: 'per30',
    label: 'fvo.figures.per30',
    hint: 'fvo.figures.per30Hint',
    value: per30Tenths,
    text: (f) => tenthsText(per30Tenths(f)),
    diff: (d) => (d > 0 ? `+${tenthsText(d)}` : tenthsText(d)),
  },
  {
    key: 'flagged',
    label: 'fvo.figures.flagged',
    value: (f) => f.flagged,
    text: (f) => count(f.flagged),
    diff: signed,
  },
  {
    key: 'reviewed',
    label: 'fvo.figures.reviewed',
    value: (f) => f.reviewed,
    text: (f) => count(f.reviewed),
    diff: signed,
  },
  {
    key: 'reviewedShare',
    label: 'fvo.figures.reviewedShare',
    value: (f) => f.reviewedPermille,
    text: (f) => permilleText(f.reviewedPermille),
    diff: (d, t) => t('fvo.figures.points', { n: points(d) }),
  },
  {
    key: 'aboveLine',
    label: 'fvo.figures.aboveLine',
    hint: 'fvo.figures.aboveLineHint',
    value: (f) => f.countiesAboveLine.length,
    text: (f) => count(f.countiesAboveLine.length),
    diff: signed,
  },
];

/** The headline figures: of the whole period, or before and after the split date side by side. */
export function FigureStats({ data }: { data: FiguresAnswer }) {
  const t = useT();
  const isMobile = useIsMobile();
  if (!data.before || !data.after) {
    return (
      <div className="fvo-stats" data-testid="figures-stats">
        {MEASURES.filter((m) => m.key !== 'per30').map((m) => (
          <div key={m.key} className="fvo-stat" data-testid={`figures-${m.key}`}>
            <span className="fvo-stat-value">{m.text(data.whole)}</span>
            <span className="fvo-stat-label">{t(m.label)}</span>
          </div>
        ))}
      </div>
    );
  }
  const { before, after } = data;
  type Row = { measure: Measure };
  const columns: TableColumnsType<Row> = [
    {
      title: t('fvo.figures.measure'),
      key: 'measure',
      render: (_, { measure }) => (
        <>
          {t(measure.label)}
          {measure.hint && !isMobile ? <div className="fvo-stat-hint">{t(measure.hint)}</div> : null}
        </>
      ),
    },
    {
      // A phone has no room for the dates in the heading: they stand above the table.
      title: isMobile ? t('fvo.figures.before') : <PartTitle label={t('fvo.figures.before')} part={before} />,
      key: 'before',
      align: 'right',
      render: (_, { measure }) => <span className="fvo-num">{measure.text(before)}</span>,
    },
    {
      title: isMobile ? t('fvo.figures.after') : <PartTitle label={t('fvo.figures.after')} part={after} />,
      key: 'after',
      align: 'right',
      render: (_, { measure }) => <span className="fvo-num fvo-num-strong">{measure.text(after)}</span>,
    },
    {
      title: t('fvo.figures.change'),
      key: 'change',
      align: 'right',
      render: (_, { measure }) => {
        const a = measure.value(before);
        const b = measure.value(after);
        if (a === null || b === null) return '—';
        const delta = b - a;
        if (delta === 0) return <span className="fvo-num">0</span>;
        // Fewer filings, flags and overloaded counties is the burden falling: green; more reviewed is good too.
        const good = measure.key === 'reviewedShare' || measure.key === 'reviewed' ? delta > 0 : delta < 0;
        return (
          <span className={`fvo-num ${good ? 'fvo-good' : 'fvo-bad'}`}>
            {delta > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {measure.diff(delta, t)}
          </span>
        );
      },
    },
  ];
  return (
    <Card size="small" data-testid="figures-compare">
      {isMobile ? (
        <div className="fvo-part-ranges">
          <div>
            {t('fvo.figures.before')}
            {t('common.colon')}
            {t('fvo.figures.partRange', { from: before.from, to: before.to, days: daysOf(before) })}
          </div>
          <div>
            {t('fvo.figures.after')}
            {t('common.colon')}
            {t('fvo.figures.partRange', { from: after.from, to: after.to, days: daysOf(after) })}
          </div>
        </div>
      ) : null}
      <Table<Row>
        rowKey={(row) => row.measure.key}
        size="small"
        pagination={false}
        columns={columns}
        dataSource={MEASURES.map((measure) => ({ measure }))}
        scroll={isMobile ? undefined : { x: 560 }}
      />
    </Card>
  );
}

function PartTitle({ label, part }: { label: string; part: FigureSet }) {
  const t = useT();
  return (
    <span className="fvo-part-title">
      {label}
      <span className="fvo-part-range">
        {t('fvo.figures.partRange', { from: part.from, to: part.to, days: daysOf(part) })}
      </span>
    </span>
  );
}
