import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Table } from 'antd';
import { useState } from 'react';
import { useRoleName } from '../../api/hooks';
import { residentKeys } from '../../api/residents';
import { type CatalogTag, tagKeys, updateTag, useTagAdminList } from '../../api/tags';
import { errorText } from '../../components/errorText';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { TagCardList } from './TagCardList';
import { TagFormDrawer } from './TagFormDrawer';
import { type TagActionHandlers, tagColumns } from './tagColumns';
import './tags.css';

// The edited tag outlives `open` so the drawer keeps its content while it animates closed;
// `key` grows with each opening, so every opening starts from a fresh form.
type DrawerState = { open: boolean; tag: CatalogTag | null; key: number };

/** 重点人群标签: the catalog of care tags, their risk, visit interval and who may see them. */
export default function TagsPage() {
  const t = useT();
  const isMobile = useIsMobile();
  const roleName = useRoleName();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const tags = useTagAdminList();
  const [drawer, setDrawer] = useState<DrawerState>({ open: false, tag: null, key: 0 });

  const toggle = useMutation({
    mutationFn: (tag: CatalogTag) => updateTag(tag.id, { active: !tag.active }),
    onSuccess: (saved) => {
      message.success(t(saved.active ? 'tags.activated' : 'tags.deactivated', { name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: tagKeys.all });
      void queryClient.invalidateQueries({ queryKey: residentKeys.all });
    },
    onError: (error) => {
      void message.error(errorText(t, error));
    },
  });

  const actions: TagActionHandlers = {
    onEdit: (tag) => setDrawer((previous) => ({ open: true, tag, key: previous.key + 1 })),
    onToggleActive: (tag) => toggle.mutate(tag),
  };
  const loading = tags.isFetching || toggle.isPending;

  return (
    <>
      <PageHeader
        title={t('tags.title')}
        subtitle={t('tags.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDrawer((previous) => ({ open: true, tag: null, key: previous.key + 1 }))}
          >
            {t('tags.new')}
          </Button>
        }
      />
      <Alert type="info" showIcon className="tags-note" title={t('tags.intervalNote')} />
      <Card styles={{ body: { padding: isMobile ? 12 : undefined } }}>
        {tags.isError ? (
          <QueryError error={tags.error} onRetry={() => void tags.refetch()} />
        ) : isMobile ? (
          <TagCardList tags={tags.data} loading={loading} roleName={roleName} {...actions} />
        ) : (
          <Table<CatalogTag>
            rowKey="id"
            columns={tagColumns(t, roleName, actions)}
            dataSource={tags.data}
            loading={loading}
            rowClassName={(tag) => (tag.active ? '' : 'tag-inactive')}
            scroll={{ x: 1000 }}
            pagination={false}
          />
        )}
      </Card>
      <TagFormDrawer
        key={drawer.key}
        open={drawer.open}
        tag={drawer.tag}
        onClose={() => setDrawer((previous) => ({ ...previous, open: false }))}
      />
    </>
  );
}
