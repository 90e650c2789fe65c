import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { RouterProvider } from 'react-router-dom';
import { setAuthHandlers } from './api/client';
import { ApiError } from './api/errors';
import { sessionExpiry, sessionKey } from './auth/session';
import { ErrorBoundary } from './components/ErrorBoundary';
import { I18nProvider, useI18n } from './i18n';
import { router } from './router';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; network blips and 5xx might.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

setAuthHandlers({
  onUnauthenticated: () => {
    if (window.location.pathname === '/login') return;
    if (queryClient.getQueryData(sessionKey)) sessionExpiry.mark();
    // <RequireAuth> sees the empty session and redirects to /login?next=<this screen>.
    queryClient.setQueryData(sessionKey, null);
  },
  onPasswordChangeRequired: () => {
    void queryClient.invalidateQueries({ queryKey: sessionKey });
    if (window.location.pathname !== '/change-password') void router.navigate('/change-password');
  },
});

function ThemedApp() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={theme}
      // antd spaces out two-character labels (登 录); it reads oddly and breaks name lookups.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <ErrorBoundary>
          <RouterProvider router={router} />
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ThemedApp />
      </I18nProvider>
    </QueryClientProvider>
  );
}
