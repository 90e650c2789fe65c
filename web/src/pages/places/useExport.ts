import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { errorText } from '../../components/errorText';
import { useT } from '../../i18n';

/** 导出Excel: the download runs through the API client, so a refusal shows as a message. */
export function useExport(run: () => Promise<void>) {
  const t = useT();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: run,
    onError: (error) => {
      void message.error(errorText(t, error));
    },
  });
}
