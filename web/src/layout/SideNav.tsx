import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../auth/session';
import { type MessageKey, useT } from '../i18n';
import { type NavItem, selectedNavPath, visibleNavItems } from './menu';

type MenuItems = NonNullable<MenuProps['items']>;

function toMenuItems(items: NavItem[], t: (key: MessageKey) => string): MenuItems {
  const ungrouped: MenuItems = [];
  const groups = new Map<MessageKey, MenuItems>();
  for (const item of items) {
    const entry = { key: item.path, icon: item.icon, label: t(item.labelKey) };
    if (!item.groupKey) ungrouped.push(entry);
    else groups.set(item.groupKey, [...(groups.get(item.groupKey) ?? []), entry]);
  }
  const grouped = [...groups].map(([groupKey, children]) => ({
    type: 'group' as const,
    key: groupKey,
    label: t(groupKey),
    children,
  }));
  return [...ungrouped, ...grouped];
}

/** Brand plus the role-filtered menu; used in the desktop sider and the phone drawer. */
export function SideNav({ collapsed = false, onNavigate }: { collapsed?: boolean; onNavigate?: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data } = useSession();
  const selected = selectedNavPath(pathname);

  return (
    <nav className="side-nav" aria-label={t('app.name')}>
      <div className={collapsed ? 'brand brand-collapsed' : 'brand'}>
        <span className="brand-mark" aria-hidden="true">
          基
        </span>
        {collapsed ? null : (
          <span className="brand-text">
            <span className="brand-name">{t('app.navTitle')}</span>
            <span className="brand-sub">{t('app.navSub')}</span>
          </span>
        )}
      </div>
      <Menu
        mode="inline"
        inlineCollapsed={collapsed}
        selectedKeys={selected ? [selected] : []}
        items={toMenuItems(visibleNavItems(data?.user), t)}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
