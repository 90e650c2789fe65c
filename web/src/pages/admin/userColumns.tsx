import { Button, Popconfirm, Space, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import type { User } from '../../api/types';
import { type Translate, useT } from '../../i18n';
import { isLocked, UserStatusTags } from './userStatus';

export interface UserActionHandlers {
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onUnlock: (user: User) => void;
}

/** 编辑 · 重置密码 · 解锁 (only while locked); shared by the table and the phone cards. */
export function UserActions({
  user,
  onEdit,
  onResetPassword,
  onUnlock,
}: { user: User } & UserActionHandlers) {
  const t = useT();
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => onEdit(user)}>
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={t('users.resetConfirm', { name: user.displayName })}
        description={t('users.resetConfirmDesc')}
        onConfirm={() => onResetPassword(user)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
      >
        <Button type="link" size="small">
          {t('users.resetPassword')}
        </Button>
      </Popconfirm>
      {isLocked(user) ? (
        <Button type="link" size="small" onClick={() => onUnlock(user)}>
          {t('users.unlock')}
        </Button>
      ) : null}
    </Space>
  );
}

export function formatLastLogin(t: Translate, value: string | null) {
  return value ? (
    dayjs(value).format('YYYY-MM-DD HH:mm')
  ) : (
    <Typography.Text type="secondary">{t('users.never')}</Typography.Text>
  );
}

export function userColumns(t: Translate, roleName: (code: string) => string, actions: UserActionHandlers) {
  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 140,
      render: (value: string) => <Typography.Text strong>{value}</Typography.Text>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    { title: t('users.role'), dataIndex: 'role', width: 140, render: (code: string) => roleName(code) },
    { title: t('users.scope'), dataIndex: 'scopeName', ellipsis: true },
    {
      title: t('users.status'),
      key: 'status',
      width: 200,
      render: (_value, user) => <UserStatusTags user={user} />,
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (value: string | null) => formatLastLogin(t, value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 230,
      fixed: 'right',
      render: (_value, user) => <UserActions user={user} {...actions} />,
    },
  ];
  return columns;
}
