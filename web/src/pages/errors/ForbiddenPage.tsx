import { Result } from 'antd';
import { BackHomeButton } from '../../components/BackHomeButton';
import { useT } from '../../i18n';

export default function ForbiddenPage() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('error.forbidden')}
      subTitle={t('error.forbiddenDesc')}
      extra={<BackHomeButton />}
    />
  );
}
