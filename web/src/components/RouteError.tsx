import { useRouteError } from 'react-router-dom';
import { CrashResult } from './ErrorBoundary';

/** Router-level errors: a lazy chunk that failed to load after a deploy, or a loader crash. */
export function RouteError() {
  const error = useRouteError();
  console.error('Route error', error);
  return (
    <div style={{ padding: 24 }}>
      <CrashResult />
    </div>
  );
}
