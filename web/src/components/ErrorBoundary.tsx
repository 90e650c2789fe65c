import { WarningOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n';

/**
 * What a crashed screen shows instead of a blank page. Plain parts rather than antd's Result,
 * whose illustrations would otherwise ride along in the login page's bundle.
 */
export function CrashResult() {
  const t = useT();
  return (
    <Flex vertical align="center" gap={8} style={{ padding: '64px 16px', textAlign: 'center' }}>
      <WarningOutlined style={{ fontSize: 56, color: '#d4380d' }} />
      <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
        {t('error.crash')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('error.crashDesc')}</Typography.Text>
      <Button type="primary" onClick={() => window.location.reload()} style={{ marginTop: 16 }}>
        {t('error.reload')}
      </Button>
    </Flex>
  );
}

interface State {
  failed: boolean;
}

/**
 * Catches render errors below it. `resetKey` (e.g. the pathname) clears the failure so moving
 * to another page recovers without a reload.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { failed: false };
  private failedAt: string | undefined;

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.failedAt = this.props.resetKey;
    console.error('Render error', error, info.componentStack);
  }

  override componentDidUpdate(): void {
    if (this.state.failed && this.props.resetKey !== this.failedAt) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <CrashResult /> : this.props.children;
  }
}
