import { Result } from 'antd';
import { BackHomeButton } from '../../components/BackHomeButton';
import { useT } from '../../i18n';

export default function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('error.notFound')}
      subTitle={t('error.notFoundDesc')}
      extra={<BackHomeButton />}
    />
  );
}
