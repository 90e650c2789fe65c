import { isApiError } from '../../api/errors';
import { errorText } from '../../components/errorText';
import type { Translate } from '../../i18n';

function minutesLeft(seconds: number | undefined): number {
  // Round up: "0 minutes" would invite an attempt that is still refused.
  return Math.max(1, Math.ceil((seconds ?? 60) / 60));
}

/** The sentence shown above the login form for a failed attempt. */
export function loginErrorText(t: Translate, error: unknown): string {
  if (isApiError(error, 'INVALID_CREDENTIALS')) return t('login.invalid');
  if (isApiError(error, 'ACCOUNT_LOCKED'))
    return t('login.locked', { minutes: minutesLeft(error.retryAfterSeconds) });
  if (isApiError(error, 'RATE_LIMITED'))
    return t('login.rateLimited', { minutes: minutesLeft(error.retryAfterSeconds) });
  return errorText(t, error);
}

/** Only same-site paths may be a redirect target, so a crafted link cannot send users away. */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
