import { lazy, type ReactNode } from 'react';
import { usePermission } from './session';

// Lazy: the 403 illustration is only needed by the few who follow a link they may not open.
const ForbiddenPage = lazy(() => import('../pages/errors/ForbiddenPage'));

/** Hides a screen from accounts without the permission (the server refuses them anyway). */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const allowed = usePermission(permission);
  return allowed ? children : <ForbiddenPage />;
}
