import { Card, Flex, Pagination, type PaginationProps, Spin, Typography } from 'antd';
import type { User } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { useT } from '../../i18n';
import { formatLastLogin, type UserActionHandlers, UserActions } from './userColumns';
import { UserStatusTags } from './userStatus';

interface UserCardListProps extends UserActionHandlers {
  users: User[] | undefined;
  loading: boolean;
  roleName: (code: string) => string;
  pagination: PaginationProps;
}

/** Phones get one card per account instead of a table too wide to read. */
export function UserCardList({ users, loading, roleName, pagination, ...actions }: UserCardListProps) {
  const t = useT();
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={12}>
        {users?.length === 0 ? <EmptyState /> : null}
        {users?.map((user) => (
          <Card key={user.id} size="small">
            <Flex vertical gap={6}>
              <Flex justify="space-between" align="baseline" gap={8}>
                <Typography.Text strong ellipsis>
                  {user.displayName}
                </Typography.Text>
                <Typography.Text type="secondary" code>
                  {user.username}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" ellipsis>
                {roleName(user.role)} · {user.scopeName}
              </Typography.Text>
              <UserStatusTags user={user} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('users.lastLogin')}
                {t('common.colon')}
                {formatLastLogin(t, user.lastLoginAt)}
              </Typography.Text>
              <div style={{ marginInline: -8 }}>
                <UserActions user={user} {...actions} />
              </div>
            </Flex>
          </Card>
        ))}
        <Pagination {...pagination} size="small" align="center" />
      </Flex>
    </Spin>
  );
}
