import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Flex, Layout } from 'antd';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useT } from '../i18n';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';
import { WorkingRegionPicker } from './WorkingRegionPicker';

interface HeaderBarProps {
  isMobile: boolean;
  collapsed: boolean;
  onToggleMenu: () => void;
}

export function HeaderBar({ isMobile, collapsed, onToggleMenu }: HeaderBarProps) {
  const t = useT();
  const toggleIcon = isMobile ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />;
  const toggleLabel = isMobile ? t('shell.openMenu') : collapsed ? t('shell.expand') : t('shell.collapse');

  return (
    <Layout.Header className="app-header">
      <Flex align="center" gap={isMobile ? 4 : 12} style={{ minWidth: 0, flex: 1 }}>
        <Button type="text" icon={toggleIcon} onClick={onToggleMenu} aria-label={toggleLabel} />
        <WorkingRegionPicker compact={isMobile} />
      </Flex>
      <Flex align="center" gap={4} style={{ flexShrink: 0 }}>
        <NotificationBell compact={isMobile} />
        <LanguageSwitch variant="button" />
        <UserMenu compact={isMobile} />
      </Flex>
    </Layout.Header>
  );
}
