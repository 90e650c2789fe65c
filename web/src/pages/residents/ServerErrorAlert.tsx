import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { errorText } from '../../components/errorText';
import { useT } from '../../i18n';

/**
 * What the server refused, above the form: its message, and for a duplicate person (409
 * DUPLICATE_PERSON) a link to the record already holding the number, when it is in one's scope.
 */
export function ServerErrorAlert({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const existing = isApiError(error, 'DUPLICATE_PERSON')
    ? error.details
        .map((detail) => (detail as { residentId?: unknown }).residentId)
        .find((id) => typeof id === 'number')
    : undefined;
  return (
    <Alert
      type="error"
      showIcon
      className="form-server-error"
      title={errorText(t, error)}
      description={
        existing !== undefined ? (
          <Link to={`/residents/${existing}`} data-testid="duplicate-link">
            {t('residents.openExisting')}
          </Link>
        ) : undefined
      }
    />
  );
}
