import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n';

export function BackHomeButton() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('common.backHome')}
    </Button>
  );
}
