import { Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}

function Side({ title, value, other }: { title: string; value: unknown; other: unknown }) {
  const t = useT();
  let body: ReactNode;
  if (value === null || value === undefined) {
    body = <Typography.Text type="secondary">{t('audit.nothing')}</Typography.Text>;
  } else if (isPlainObject(value)) {
    // Field by field, so what changed stands out; a creation or deletion has nothing to compare.
    const against = isPlainObject(other) ? other : null;
    body = Object.entries(value).map(([key, field]) => {
      const changed = against !== null && show(field) !== show(against[key]);
      return (
        <div key={key} className={changed ? 'diff-line diff-changed' : 'diff-line'}>
          <span className="diff-key">{key}</span>: {show(field)}
        </div>
      );
    });
  } else {
    body = show(value);
  }
  return (
    <Col xs={24} md={12}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="diff-pane">{body}</pre>
    </Col>
  );
}

/** Before and after of an audited change, side by side (stacked on phones). */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  return (
    <Row gutter={[16, 8]}>
      <Side title={t('audit.before')} value={before} other={after} />
      <Side title={t('audit.after')} value={after} other={before} />
    </Row>
  );
}
