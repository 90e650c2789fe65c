import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select, Switch, Typography } from 'antd';
import { useRoles } from '../../api/hooks';
import type { User } from '../../api/types';
import { createUser, updateUser, userKeys } from '../../api/users';
import { sessionKey } from '../../auth/session';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { RegionPicker } from '../../components/RegionPicker';
import { useT } from '../../i18n';
import { SaveDrawer } from './SaveDrawer';

interface UserFormValues {
  username: string;
  displayName: string;
  role: string;
  scope: string;
  password?: string;
  disabled?: boolean;
}

const FIELDS = ['username', 'displayName', 'role', 'scope', 'password', 'disabled'] as const;

interface UserFormDrawerProps {
  open: boolean;
  /** The user being edited; null to create one. */
  user: User | null;
  onClose: () => void;
  onCreated: (user: User, temporaryPassword: string | undefined) => void;
}

export function UserFormDrawer({ open, user, onClose, onCreated }: UserFormDrawerProps) {
  const t = useT();
  const [form] = Form.useForm<UserFormValues>();
  const roles = useRoles();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const editing = user !== null;

  const save = useMutation({
    mutationFn: async (values: UserFormValues) => {
      if (user) {
        const { displayName, role, scope, disabled } = values;
        return {
          user: await updateUser(user.id, { displayName: displayName.trim(), role, scope, disabled }),
        };
      }
      const password = values.password ? values.password : undefined;
      return createUser({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        scope: values.scope,
        password,
      });
    },
    onSuccess: (result: { user: User; temporaryPassword?: string }) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      // An admin may have edited their own account: refresh the menu's permissions too.
      if (editing) void queryClient.invalidateQueries({ queryKey: sessionKey });
      if (editing) message.success(t('common.saved'));
      else onCreated(result.user, result.temporaryPassword);
      onClose();
    },
    onError: (error) => {
      if (!applyApiErrorToForm(form, error, FIELDS)) message.error(errorText(t, error));
    },
  });

  const initialValues: Partial<UserFormValues> = user
    ? { displayName: user.displayName, role: user.role, scope: user.scope, disabled: user.disabled }
    : {};

  return (
    <SaveDrawer
      open={open}
      onClose={onClose}
      title={user ? t('users.editTitle', { username: user.username }) : t('users.newTitle')}
      onSave={() => form.submit()}
      saving={save.isPending}
      width={480}
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => save.mutate(values)}
        disabled={save.isPending}
      >
        {editing ? (
          <Form.Item label={t('users.username')}>
            <Typography.Text code>{user.username}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            label={t('users.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('users.usernameRequired') }]}
          >
            <Input autoComplete="off" autoCapitalize="off" spellCheck={false} />
          </Form.Item>
        )}
        <Form.Item
          label={t('users.displayName')}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.role')}
          name="role"
          rules={[{ required: true, message: t('users.roleRequired') }]}
        >
          <Select
            loading={roles.isLoading}
            options={(roles.data ?? []).map((role) => ({ value: role.code, label: role.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item
          label={t('users.scope')}
          name="scope"
          required
          // '' (the whole country) is a real scope, which a plain `required` rule would refuse.
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                value === undefined || value === null
                  ? Promise.reject(new Error(t('users.scopeRequired')))
                  : Promise.resolve(),
            },
          ]}
        >
          <RegionPicker valueLabel={user?.scopeName} includeCountry />
        </Form.Item>
        {editing ? (
          <Form.Item
            label={t('users.disabled')}
            name="disabled"
            valuePropName="checked"
            extra={t('users.disabledHelp')}
          >
            <Switch />
          </Form.Item>
        ) : (
          <Form.Item
            label={`${t('users.password')}${t('common.optional')}`}
            name="password"
            extra={t('users.passwordHelp')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </SaveDrawer>
  );
}
