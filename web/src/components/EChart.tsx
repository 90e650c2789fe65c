import { Skeleton } from 'antd';
import type { ECElementEvent, ECharts } from 'echarts/core';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import type { ChartOption } from './echarts';
import { QueryError } from './QueryError';

export type { ChartOption };

interface EChartProps {
  option: ChartOption;
  height: number;
  /** A click on a data item (a bar): its index in the series' data. */
  onItemClick?: (dataIndex: number) => void;
  /** What the chart says, for screen readers (an SVG of bars says nothing by itself). */
  ariaLabel: string;
  className?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

/**
 * A chart of ECharts, drawn in SVG (crisp on phones, light for the few dozen shapes of our
 * charts). ECharts itself is loaded on first use; the chart follows its box's size.
 */
export function EChart({ option, height, onItemClick, ariaLabel, className, style, ...rest }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let disposed = false;
    let created: ECharts | null = null;
    let observer: ResizeObserver | null = null;
    // attempt: a retry after a failed download starts here again.
    void attempt;
    import('./echarts')
      .then(({ init }) => {
        if (disposed || !box.current) return;
        created = init(box.current, null, { renderer: 'svg' });
        const chartNow = created;
        observer = new ResizeObserver(() => chartNow.resize());
        observer.observe(box.current);
        setChart(created);
      })
      .catch((error: unknown) => {
        if (!disposed) setFailure(error);
      });
    return () => {
      disposed = true;
      observer?.disconnect();
      created?.dispose();
      setChart(null);
    };
  }, [attempt]);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  useEffect(() => {
    if (!chart || !onItemClick) return;
    const handler = (event: ECElementEvent) => {
      if (typeof event.dataIndex === 'number') onItemClick(event.dataIndex);
    };
    chart.on('click', handler);
    return () => {
      chart.off('click', handler);
    };
  }, [chart, onItemClick]);

  if (failure) {
    return (
      <QueryError
        error={failure}
        onRetry={() => {
          setFailure(null);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return (
    <div className={className} style={{ position: 'relative', ...style }}>
      <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} {...rest} />
      {chart ? null : (
        <div style={{ position: 'absolute', inset: 0 }}>
          <Skeleton active paragraph={{ rows: Math.max(2, Math.floor(height / 40)) }} />
        </div>
      )}
    </div>
  );
}
