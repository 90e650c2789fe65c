import { TranslationOutlined } from '@ant-design/icons';
import { Button, Segmented, Tooltip } from 'antd';
import { useI18n } from '../i18n';

/**
 * `segmented` shows both languages (login page); `button` is a one-tap toggle that fits a
 * phone header.
 */
export function LanguageSwitch({ variant = 'segmented' }: { variant?: 'segmented' | 'button' }) {
  const { lang, setLang, t } = useI18n();
  if (variant === 'button') {
    const next = lang === 'zh' ? 'en' : 'zh';
    return (
      <Tooltip title={t('lang.label')}>
        <Button
          type="text"
          icon={<TranslationOutlined />}
          onClick={() => setLang(next)}
          aria-label={`${t('lang.label')}: ${next === 'en' ? t('lang.en') : t('lang.zh')}`}
        >
          {next === 'en' ? 'EN' : '中'}
        </Button>
      </Tooltip>
    );
  }
  return (
    <Segmented
      size="small"
      aria-label={t('lang.label')}
      value={lang}
      onChange={(value) => setLang(value === 'en' ? 'en' : 'zh')}
      options={[
        { label: t('lang.zh'), value: 'zh' },
        { label: t('lang.en'), value: 'en' },
      ]}
    />
  );
}
