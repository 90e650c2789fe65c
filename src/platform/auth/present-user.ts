import type { UserRow } from '../../db/types.js';
import type { AppContext } from '../context.js';
import { permissionsOf } from '../policy.js';

/** A user as the API shows it: never the password hash. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: string;
  scope: string;
  scopeName: string;
  mustChangePassword: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  permissions: string[];
}

/**
 * Must the user change the password before doing anything else: an administrator set it, or it
 * is older than the configured maximum age (等保 2.0 asks for periodic change).
 */
export function passwordChangeDue(ctx: AppContext, user: UserRow): boolean {
  if (user.must_change_password) return true;
  const maxDays = ctx.config.passwordMaxAgeDays;
  if (maxDays === 0) return false;
  const changedAt = Date.parse(user.password_changed_at ?? user.created_at);
  return ctx.clock.now().getTime() - changedAt > maxDays * 86_400_000;
}

/** The national scope has no region row. */
export const NATIONAL_SCOPE_NAME = '全国';

export async function presentUsers(ctx: AppContext, rows: UserRow[]): Promise<UserView[]> {
  const scopes = [...new Set(rows.map((r) => r.scope).filter((s) => s !== ''))];
  const names = new Map(
    scopes.length === 0
      ? []
      : (
          await ctx.db.selectFrom('regions').select(['code', 'name']).where('code', 'in', scopes).execute()
        ).map((r) => [r.code, r.name] as const),
  );
  const now = ctx.clock.now().toISOString();
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    scope: u.scope,
    scopeName: u.scope === '' ? NATIONAL_SCOPE_NAME : (names.get(u.scope) ?? u.scope),
    mustChangePassword: passwordChangeDue(ctx, u),
    disabled: u.disabled === 1,
    lockedUntil: u.locked_until && u.locked_until > now ? u.locked_until : null,
    lastLoginAt: u.last_login_at,
    createdAt: u.created_at,
    permissions: permissionsOf(u.role),
  }));
}

export async function presentUser(ctx: AppContext, row: UserRow): Promise<UserView> {
  const [view] = await presentUsers(ctx, [row]);
  return view as UserView;
}

/** What the audit log keeps of a user: the view without derived fields. */
export const auditedUser = (u: UserView) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  scope: u.scope,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
});
