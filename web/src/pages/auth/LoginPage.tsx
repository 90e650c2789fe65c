import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { login } from '../../api/auth';
import type { Session } from '../../api/types';
import { sessionExpiry, sessionKey, useSession } from '../../auth/session';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n';
import './login.css';
import { LoginBrandPanel } from './LoginBrandPanel';
import { loginErrorText, safeNextPath } from './loginErrors';

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = useT();
  const [form] = Form.useForm<Credentials>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const next = safeNextPath(params.get('next'));
  const expired = sessionExpiry.isMarked();

  const attempt = useMutation({
    mutationFn: ({ username, password }: Credentials) => login(username.trim(), password),
    onSuccess: (result: Session) => {
      // Answers cached for a previous account must not leak into this one.
      queryClient.clear();
      sessionExpiry.clear();
      queryClient.setQueryData(sessionKey, result);
      navigate(result.user.mustChangePassword ? '/change-password' : next, { replace: true });
    },
    onError: () => {
      form.setFieldValue('password', '');
      // After the form is re-enabled, so the retry can be typed straight away.
      window.setTimeout(() => form.getFieldInstance('password')?.focus?.(), 0);
    },
  });

  if (session.data && !attempt.isPending) {
    return <Navigate to={session.data.user.mustChangePassword ? '/change-password' : next} replace />;
  }

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <LoginBrandPanel />
      <main className="login-main">
        <div className="login-card">
          <Typography.Title level={2} className="login-welcome">
            {t('login.welcome')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.hint')}</Typography.Paragraph>
          {attempt.isError ? (
            <Alert
              type="error"
              showIcon
              title={loginErrorText(t, attempt.error)}
              className="login-alert"
              data-testid="login-error"
              role="alert"
            />
          ) : expired ? (
            <Alert type="info" showIcon title={t('login.expired')} className="login-alert" />
          ) : null}
          <Form<Credentials>
            form={form}
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={(values) => attempt.mutate(values)}
            disabled={attempt.isPending}
          >
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoCapitalize="off"
                spellCheck={false}
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={attempt.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
        </div>
        <p className="login-main-foot">{t('login.footer')}</p>
      </main>
    </div>
  );
}
