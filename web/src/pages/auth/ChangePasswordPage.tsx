import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { changePassword } from '../../api/auth';
import type { Session } from '../../api/types';
import { sessionKey, useCurrentUser, useLogout } from '../../auth/session';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n';
import { PasswordRules } from './PasswordRules';
import './change-password.css';
import { checkPassword } from './passwordPolicy';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

export default function ChangePasswordPage() {
  const t = useT();
  const user = useCurrentUser();
  const forced = user.mustChangePassword;
  const [form] = Form.useForm<PasswordForm>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const currentPassword = Form.useWatch('currentPassword', form) ?? '';
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();

  const save = useMutation({
    mutationFn: (values: PasswordForm) => changePassword(values.currentPassword, values.newPassword),
    onSuccess: async () => {
      message.success(t('password.success'));
      // Let the guards see the change at once, then confirm it with the server.
      queryClient.setQueryData<Session | null>(sessionKey, (old) =>
        old ? { ...old, user: { ...old.user, mustChangePassword: false } } : old,
      );
      await queryClient.invalidateQueries({ queryKey: sessionKey });
      navigate('/', { replace: true });
    },
    onError: (error) => {
      if (!applyApiErrorToForm(form, error, FIELDS)) message.error(errorText(t, error));
    },
  });

  return (
    <div className="centered-page">
      <div className="centered-page-lang">
        <LanguageSwitch />
      </div>
      <div className="centered-card">
        <Flex align="center" gap={10} className="centered-card-brand">
          <span className="brand-mark" aria-hidden="true">
            基
          </span>
          <Typography.Text strong>{t('app.name')}</Typography.Text>
        </Flex>
        <Typography.Title level={3} style={{ marginTop: 8 }}>
          {forced ? t('password.forcedTitle') : t('password.title')}
        </Typography.Title>
        {forced ? (
          <Alert type="warning" showIcon title={t('password.forcedHint')} style={{ marginBottom: 20 }} />
        ) : null}
        <Form<PasswordForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => save.mutate(values)}
          disabled={save.isPending}
        >
          <Form.Item
            label={t('password.current')}
            name="currentPassword"
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('password.new')}
            name="newPassword"
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: t('password.newRequired') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  !value || (checkPassword(value).ok && value !== getFieldValue('currentPassword'))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.weak'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <PasswordRules password={newPassword} current={currentPassword} />
          <Form.Item
            label={t('password.confirm')}
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={save.isPending}>
            {t('password.submit')}
          </Button>
        </Form>
        <Flex justify="center" style={{ marginTop: 16 }}>
          {forced ? (
            <Button type="link" onClick={() => logout.mutate()} loading={logout.isPending}>
              {t('password.logoutInstead')}
            </Button>
          ) : (
            <Link to="/">
              <ArrowLeftOutlined /> {t('common.backHome')}
            </Link>
          )}
        </Flex>
      </div>
    </div>
  );
}
