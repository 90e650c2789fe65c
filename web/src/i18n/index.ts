export { I18nProvider, type Translate, useI18n, useT } from './I18nProvider';
export type { MessageKey } from './zh';
