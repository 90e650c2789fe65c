import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, type ButtonProps } from 'antd';
import { useT } from '../i18n';
import { errorText } from './errorText';

interface ExportButtonProps {
  /** Downloads the file (through the API client, so a refusal is an error with its message). */
  run: () => Promise<unknown>;
  label: string;
  /** Only the icon, the label kept for screen readers (a card's corner on a phone). */
  iconOnly?: boolean;
  type?: ButtonProps['type'];
}

/** 导出Excel on every list: busy while the file is made, a message if it is refused. */
export function ExportButton({ run, label, iconOnly, type }: ExportButtonProps) {
  const t = useT();
  const { message } = App.useApp();
  const download = useMutation({
    mutationFn: run,
    onError: (error) => {
      void message.error(t('common.exportFailed', { message: errorText(t, error) }));
    },
  });
  return (
    <Button
      type={type}
      icon={<DownloadOutlined />}
      loading={download.isPending}
      onClick={() => download.mutate()}
      aria-label={label}
    >
      {iconOnly ? null : label}
    </Button>
  );
}
