import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../components/FullPageSpin';
import { QueryError } from '../components/QueryError';
import { useSession } from './session';

/**
 * Gate for every screen that needs a session. `allowPasswordChange` lets the change-password
 * screen through while the account still must change its password.
 */
export function RequireAuth({
  children,
  allowPasswordChange,
}: {
  children: ReactNode;
  allowPasswordChange?: boolean;
}) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <FullPageSpin minHeight="100vh" />;
  if (session.isError) {
    return (
      <div style={{ padding: 24 }}>
        <QueryError error={session.error} onRetry={() => void session.refetch()} />
      </div>
    );
  }
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.data.user.mustChangePassword && !allowPasswordChange) {
    return <Navigate to="/change-password" replace />;
  }
  return children;
}
