import { Drawer, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { FullPageSpin } from '../components/FullPageSpin';
import { useIsMobile } from '../components/useIsMobile';
import '../styles/pages.css';
import './shell.css';
import { HeaderBar } from './HeaderBar';
import { SideNav } from './SideNav';
import { WorkingRegionProvider } from './WorkingRegion';

const COLLAPSED_KEY = 'jiceng.siderCollapsed';

function initialCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** Frame of every logged-in screen: side menu (a drawer on phones), header, page. */
export default function AppShell() {
  const isMobile = useIsMobile();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(initialCollapsed);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const toggleMenu = () => {
    if (isMobile) {
      setDrawerOpen(true);
      return;
    }
    const next = !collapsed;
    setCollapsed(next);
    try {
      localStorage.setItem(COLLAPSED_KEY, next ? '1' : '0');
    } catch {
      // Not remembered; harmless.
    }
  };

  return (
    <WorkingRegionProvider>
      <Layout className="app-layout">
        {isMobile ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={264}
            closable={false}
            styles={{ body: { padding: 0 } }}
          >
            <SideNav onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider
            className="app-sider"
            theme="light"
            width={232}
            collapsedWidth={72}
            collapsed={collapsed}
            trigger={null}
          >
            <SideNav collapsed={collapsed} />
          </Layout.Sider>
        )}
        <Layout>
          <HeaderBar isMobile={isMobile} collapsed={collapsed} onToggleMenu={toggleMenu} />
          <Layout.Content className="app-content">
            <ErrorBoundary resetKey={pathname}>
              <Suspense fallback={<FullPageSpin />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </WorkingRegionProvider>
  );
}
