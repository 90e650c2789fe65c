import { Alert } from 'antd';
import { errorText } from '../../components/errorText';
import { useT } from '../../i18n';

/** What the server refused that no field of the form took, above the form. */
export function FormErrorAlert({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  return <Alert type="error" showIcon className="places-form-error" title={errorText(t, error)} />;
}
