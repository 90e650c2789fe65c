import { DownOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, type MenuProps, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useRoleName } from '../api/hooks';
import { useCurrentUser, useLogout } from '../auth/session';
import { scopeName } from '../components/scopeName';
import { useT } from '../i18n';

export function UserMenu({ compact }: { compact: boolean }) {
  const t = useT();
  const user = useCurrentUser();
  const roleName = useRoleName();
  const navigate = useNavigate();
  const logout = useLogout();

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <Flex vertical className="user-menu-who">
          <Typography.Text strong>{user.displayName}</Typography.Text>
          <Typography.Text type="secondary">
            {roleName(user.role)} · {scopeName(t, user)}
          </Typography.Text>
        </Flex>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('shell.changePassword') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') navigate('/change-password');
    if (key === 'logout') logout.mutate();
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" className="user-menu-trigger" aria-label={user.displayName}>
        <Avatar size="small" className="user-avatar">
          {user.displayName.slice(0, 1)}
        </Avatar>
        {compact ? null : <span className="user-name">{user.displayName}</span>}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
