import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, type PaginationProps, Select, Table } from 'antd';
import { useState } from 'react';
import { useRoleName, useRoles } from '../../api/hooks';
import type { User } from '../../api/types';
import { fetchUsers, resetPassword, unlockUser, userKeys } from '../../api/users';
import { errorText } from '../../components/errorText';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { type TemporaryPassword, TemporaryPasswordModal } from '../../components/TemporaryPasswordModal';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { useWorkingRegion } from '../../layout/WorkingRegion';
import { UserCardList } from './UserCardList';
import { UserFormDrawer } from './UserFormDrawer';
import { type UserActionHandlers, userColumns } from './userColumns';

// The edited user outlives `open` so the drawer keeps its content while it animates closed;
// `key` grows with each opening, so every opening starts from a fresh form (as on TagsPage).
type DrawerState = { open: boolean; user: User | null; key: number };

/** Switching the working region starts again from the first page of its users. */
export default function UsersPage() {
  const { regionCode } = useWorkingRegion();
  return <UsersScreen key={regionCode ?? ''} regionCode={regionCode} />;
}

function UsersScreen({ regionCode }: { regionCode: string | undefined }) {
  const t = useT();
  const isMobile = useIsMobile();
  const roles = useRoles();
  const roleName = useRoleName();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [drawer, setDrawer] = useState<DrawerState>({ open: false, user: null, key: 0 });
  const [temporary, setTemporary] = useState<TemporaryPassword | null>(null);

  const query = { q: q || undefined, role, scope: regionCode, page, pageSize };
  const users = useQuery({
    queryKey: userKeys.list(query),
    queryFn: () => fetchUsers(query),
    placeholderData: keepPreviousData,
  });

  const reset = useMutation({
    mutationFn: (user: User) => resetPassword(user.id),
    onSuccess: ({ temporaryPassword }, user) => {
      setTemporary({ username: user.username, displayName: user.displayName, password: temporaryPassword });
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: (error) => {
      void message.error(errorText(t, error));
    },
  });

  const unlock = useMutation({
    mutationFn: (user: User) => unlockUser(user.id),
    onSuccess: () => {
      message.success(t('users.unlocked'));
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: (error) => {
      void message.error(errorText(t, error));
    },
  });

  const actions: UserActionHandlers = {
    onEdit: (user) => setDrawer((previous) => ({ open: true, user, key: previous.key + 1 })),
    onResetPassword: (user) => reset.mutate(user),
    onUnlock: (user) => unlock.mutate(user),
  };
  const pagination: PaginationProps = {
    current: page,
    pageSize,
    total: users.data?.total ?? 0,
    showSizeChanger: !isMobile,
    showTotal: (total) => t('common.total', { total }),
    onChange: (nextPage, nextSize) => {
      setPage(nextSize === pageSize ? nextPage : 1);
      setPageSize(nextSize);
    },
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDrawer((previous) => ({ open: true, user: null, key: previous.key + 1 }))}
          >
            {t('users.new')}
          </Button>
        }
      />
      <Card styles={{ body: { padding: isMobile ? 12 : undefined } }}>
        <Flex gap={12} wrap className="filter-bar">
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.searchPlaceholder')}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
            style={{ width: isMobile ? '100%' : 280 }}
          />
          <Select
            allowClear
            placeholder={t('users.allRoles')}
            aria-label={t('users.role')}
            value={role}
            onChange={(value: string | undefined) => {
              setRole(value);
              setPage(1);
            }}
            loading={roles.isLoading}
            options={(roles.data ?? []).map((item) => ({ value: item.code, label: item.name }))}
            style={{ width: isMobile ? '100%' : 200 }}
          />
        </Flex>
        {users.isError ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : isMobile ? (
          <UserCardList
            users={users.data?.items}
            loading={users.isFetching}
            roleName={roleName}
            pagination={pagination}
            {...actions}
          />
        ) : (
          <Table<User>
            rowKey="id"
            columns={userColumns(t, roleName, actions)}
            dataSource={users.data?.items}
            loading={users.isFetching}
            scroll={{ x: 1100 }}
            pagination={pagination}
          />
        )}
      </Card>
      <UserFormDrawer
        key={drawer.key}
        open={drawer.open}
        user={drawer.user}
        onClose={() => setDrawer((previous) => ({ ...previous, open: false }))}
        onCreated={(user, temporaryPassword) => {
          if (temporaryPassword) {
            setTemporary({
              username: user.username,
              displayName: user.displayName,
              password: temporaryPassword,
            });
          } else {
            message.success(t('users.created'));
          }
        }}
      />
      <TemporaryPasswordModal value={temporary} onClose={() => setTemporary(null)} />
    </>
  );
}
