import type { User } from '../api/types';
import type { Translate } from '../i18n';

/** The account's scope for display; the empty scope (whole country) is named in the UI language. */
export function scopeName(t: Translate, user: Pick<User, 'scope' | 'scopeName'>): string {
  return user.scope === '' ? t('region.country') : user.scopeName;
}
