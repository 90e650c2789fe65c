import type { FormInstance } from 'antd';
import { isApiError } from '../api/errors';

/** Field the server blames for each error code that has no `details` (e.g. a taken username). */
const CODE_FIELDS: Record<string, string> = {
  USERNAME_TAKEN: 'username',
  WRONG_PASSWORD: 'currentPassword',
  PASSWORD_WEAK: 'newPassword',
};

/**
 * Puts an API error on the form fields it names (`details[].path` like `/username`).
 * Returns true when at least one field took it; otherwise the caller shows a general message.
 */
export function applyApiErrorToForm(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
): boolean {
  if (!isApiError(error)) return false;
  const byField = new Map<string, string[]>();
  for (const detail of error.details) {
    const name = detail.path.replace(/^\//, '').split('/')[0] ?? '';
    if (!fieldNames.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), detail.message]);
  }
  const codeField = CODE_FIELDS[error.code];
  if (byField.size === 0 && codeField && fieldNames.includes(codeField)) {
    byField.set(codeField, [error.message]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}
