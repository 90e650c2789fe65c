import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

interface EmptyStateProps {
  description?: ReactNode;
  /** Usually the button that fills the emptiness, e.g. 新建网格. */
  action?: ReactNode;
}

export function EmptyState({ description, action }: EmptyStateProps) {
  const t = useT();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('common.empty')}>
      {action}
    </Empty>
  );
}
