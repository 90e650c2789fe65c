import type { UserRow } from '../../db/types.js';
import { audit } from '../../platform/audit/audit.js';
import { generateTemporaryPassword, hashPassword, isStrongPassword } from '../../platform/auth/passwords.js';
import { auditedUser, presentUser, presentUsers } from '../../platform/auth/present-user.js';
import { deleteSessionsOf } from '../../platform/auth/sessions.js';
import { isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { AppError, conflict, invalidField, notFound, refused } from '../../platform/errors.js';
import { addMessages } from '../../platform/i18n.js';
import { mapPage } from '../../platform/pagination.js';
import type { Role } from '../../platform/roles.js';
import { inScope } from '../../platform/scope.js';
import { regionExists } from '../regions/regions.repository.js';
import * as repo from './users.repository.js';
import type { CreateUserBody, UpdateUserBody, UserListQuery } from './users.schemas.js';

addMessages({
  USERNAME_TAKEN: { zh: '该用户名已被使用', en: 'This username is taken' },
  SCOPE_NOT_ALLOWED: {
    zh: '不能把账户的管辖范围设在您自己的范围之外',
    en: 'The scope must lie within your own',
  },
  SCOPE_UNKNOWN: { zh: '没有这个区域', en: 'No such region' },
  SCOPE_TOO_WIDE: {
    zh: '该角色的管辖范围过大，请选择更下级的区域',
    en: 'This role needs a narrower scope; choose a lower-level region',
  },
  CANNOT_CHANGE_SELF: {
    zh: '不能停用自己的账户或改变自己的角色和范围',
    en: 'You cannot disable your own account or change your own role or scope',
  },
});

/**
 * The widest scope (shortest code) each role may hold; roles not listed may hold any. A grid
 * worker keeps grids of one community, a street officer one street, and so on.
 */
const NARROWEST_LEVEL: Partial<Record<Role, number>> = {
  resident: 12,
  grid_worker: 12,
  community_staff: 12,
  community_secretary: 12,
  canteen_operator: 12,
  volunteer: 12,
  party_member: 12,
  street_officer: 9,
  district_officer: 6,
  county_viewer: 6,
};

async function checkScope(ctx: AppContext, actor: Actor, role: Role, scope: string): Promise<void> {
  if (!inScope(actor.scope, scope)) throw refused('SCOPE_NOT_ALLOWED');
  if (scope.length < (NARROWEST_LEVEL[role] ?? 0)) throw invalidField('/scope', 'SCOPE_TOO_WIDE');
  if (scope !== '' && !(await regionExists(ctx.db, scope))) throw invalidField('/scope', 'SCOPE_UNKNOWN');
}

function checkPassword(password: string): void {
  if (!isStrongPassword(password))
    throw new AppError(400, 'PASSWORD_WEAK', {}, [{ path: '/password', message: 'PASSWORD_WEAK' }]);
}

async function findOrFail(ctx: AppContext, actor: Actor, id: number): Promise<UserRow> {
  const user = await repo.findUserInScope(ctx.db, actor.scope, id);
  if (!user) throw notFound();
  return user;
}

export async function listUsers(ctx: AppContext, actor: Actor, query: UserListQuery) {
  const page = await repo.listUsers(ctx.db, actor.scope, query);
  return mapPage(page, await presentUsers(ctx, page.items));
}

export async function getUser(ctx: AppContext, actor: Actor, id: number) {
  return presentUser(ctx, await findOrFail(ctx, actor, id));
}

/** An admin opens an account; its password, given or generated, must be changed at first login. */
export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserBody) {
  await checkScope(ctx, actor, input.role, input.scope);
  if (input.password !== undefined) checkPassword(input.password);
  const temporaryPassword = input.password ?? generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await inTransaction(ctx, async (tx) => {
    if (await repo.findUserByUsername(tx.db, input.username)) throw conflict('USERNAME_TAKEN');
    const now = isoNow(tx.clock);
    const row = await repo.insertUser(tx.db, {
      username: input.username,
      display_name: input.displayName.trim(),
      password_hash: passwordHash,
      role: input.role,
      scope: input.scope,
      must_change_password: 1,
      disabled: 0,
      created_at: now,
      updated_at: now,
    });
    const view = await presentUser(tx, row);
    await audit(tx, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      regionCode: row.scope,
      after: auditedUser(view),
    });
    return view;
  });
  return { user, ...(input.password === undefined ? { temporaryPassword } : {}) };
}

export async function updateUser(ctx: AppContext, actor: Actor, id: number, input: UpdateUserBody) {
  return inTransaction(ctx, async (tx) => {
    const current = await findOrFail(tx, actor, id);
    const role = (input.role ?? current.role) as Role;
    const scope = input.scope ?? current.scope;
    const disabled = input.disabled ?? current.disabled === 1;
    const accessChanged =
      role !== current.role || scope !== current.scope || disabled !== (current.disabled === 1);
    if (accessChanged && id === actor.id) throw refused('CANNOT_CHANGE_SELF');
    if (role !== current.role || scope !== current.scope) await checkScope(tx, actor, role, scope);
    const before = auditedUser(await presentUser(tx, current));
    const row = await repo.updateUser(tx.db, id, {
      display_name: input.displayName?.trim() ?? current.display_name,
      role,
      scope,
      disabled: disabled ? 1 : 0,
      updated_at: isoNow(tx.clock),
    });
    // New rights take effect at the next login, never inside a session opened under the old ones.
    if (accessChanged) await deleteSessionsOf(tx, id);
    const view = await presentUser(tx, row);
    await audit(tx, actor, {
      action: 'user.update',
      entity: 'user',
      entityId: id,
      regionCode: row.scope,
      before,
      after: auditedUser(view),
    });
    return view;
  });
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: number) {
  return inTransaction(ctx, async (tx) => {
    const current = await findOrFail(tx, actor, id);
    const now = isoNow(tx.clock);
    const row = await repo.updateUser(tx.db, id, {
      locked_until: null,
      failures_reset_at: now,
      updated_at: now,
    });
    await audit(tx, actor, {
      action: 'user.unlock',
      entity: 'user',
      entityId: id,
      regionCode: row.scope,
      before: { lockedUntil: current.locked_until },
      after: { lockedUntil: null },
    });
    return presentUser(tx, row);
  });
}

/** Sets a new initial password (given or generated), unlocks, and ends the user's sessions. */
export async function resetPassword(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { password?: string | undefined },
) {
  if (input.password !== undefined) checkPassword(input.password);
  const temporaryPassword = input.password ?? generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await inTransaction(ctx, async (tx) => {
    await findOrFail(tx, actor, id);
    const now = isoNow(tx.clock);
    const row = await repo.updateUser(tx.db, id, {
      password_hash: passwordHash,
      must_change_password: 1,
      locked_until: null,
      failures_reset_at: now,
      updated_at: now,
    });
    await deleteSessionsOf(tx, id);
    await audit(tx, actor, {
      action: 'user.reset_password',
      entity: 'user',
      entityId: id,
      regionCode: row.scope,
    });
  });
  return { temporaryPassword };
}
