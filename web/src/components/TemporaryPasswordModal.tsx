import { CopyOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { useT } from '../i18n';

export interface TemporaryPassword {
  username: string;
  displayName: string;
  password: string;
}

/**
 * Shows a generated password exactly once. It cannot be closed by clicking the mask, so the
 * admin does not lose it by accident.
 */
export function TemporaryPasswordModal({
  value,
  onClose,
}: {
  value: TemporaryPassword | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();

  const copy = async () => {
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value.password);
      message.success(t('common.copied'));
    } catch {
      message.warning(t('common.copyFailed'));
    }
  };

  return (
    <Modal
      open={value !== null}
      title={t('users.tempTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('users.tempDone')}
        </Button>
      }
    >
      {value ? (
        <Flex vertical gap={16}>
          <Typography.Text>
            {t('users.tempFor', { name: value.displayName, username: value.username })}
          </Typography.Text>
          <Flex className="temp-password" align="center" justify="space-between" gap={8}>
            <Typography.Text
              code
              copyable={false}
              data-testid="temporary-password"
              className="temp-password-text"
            >
              {value.password}
            </Typography.Text>
            <Button icon={<CopyOutlined />} onClick={copy}>
              {t('common.copy')}
            </Button>
          </Flex>
          <Alert type="warning" showIcon icon={<WarningOutlined />} title={t('users.tempWarning')} />
        </Flex>
      ) : null}
    </Modal>
  );
}
