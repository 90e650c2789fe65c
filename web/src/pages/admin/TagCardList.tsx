import { Card, Flex, Spin, Typography } from 'antd';
import type { CatalogTag } from '../../api/tags';
import { EmptyState } from '../../components/EmptyState';
import { useT } from '../../i18n';
import { labelOf } from '../residents/vocabulary';
import {
  intervalText,
  RiskTag,
  SensitiveRoles,
  type TagActionHandlers,
  TagActions,
  TagStatus,
} from './tagColumns';
import { TAG_CATEGORY_KEYS } from './tagVocabulary';

interface TagCardListProps extends TagActionHandlers {
  tags: CatalogTag[] | undefined;
  loading: boolean;
  roleName: (code: string) => string;
}

/** Phones get one card per tag instead of a table too wide to read. */
export function TagCardList({ tags, loading, roleName, ...actions }: TagCardListProps) {
  const t = useT();
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={12}>
        {tags?.length === 0 ? <EmptyState /> : null}
        {tags?.map((tag) => (
          <Card key={tag.id} size="small" className={tag.active ? undefined : 'tag-inactive'}>
            <Flex vertical gap={6}>
              <Flex justify="space-between" align="baseline" gap={8}>
                <Typography.Text strong ellipsis>
                  {tag.name}
                </Typography.Text>
                <Typography.Text type="secondary" code ellipsis>
                  {tag.code}
                </Typography.Text>
              </Flex>
              <Flex align="center" gap={8} wrap>
                <RiskTag tag={tag} />
                <Typography.Text type="secondary">
                  {labelOf(t, TAG_CATEGORY_KEYS, tag.category)} · {intervalText(t, tag.visitIntervalDays)}
                </Typography.Text>
                {tag.active ? null : <TagStatus tag={tag} />}
              </Flex>
              {tag.sensitive ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <SensitiveRoles tag={tag} roleName={roleName} />
                </Typography.Text>
              ) : null}
              <div style={{ marginInline: -8 }}>
                <TagActions tag={tag} {...actions} />
              </div>
            </Flex>
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}
