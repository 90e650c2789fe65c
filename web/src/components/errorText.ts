import { isApiError } from '../api/errors';
import type { Translate } from '../i18n';

/** One sentence for the user; the server already words its messages in the request's language. */
export function errorText(t: Translate, error: unknown): string {
  if (isApiError(error, 'NETWORK')) return t('error.network');
  if (error instanceof Error && error.message) return error.message;
  return t('error.loadFailed');
}
