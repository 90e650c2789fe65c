import type { Role } from './roles.js';

/**
 * Who may do what, declared once per module:
 *
 *   export const usersPolicy = definePolicy('users', { manage: ['admin'] });
 *
 * Routes name the action they need (`preHandler: app.requirePermission(usersPolicy, 'manage')`);
 * queries then narrow to the caller's scope. A permission is written `module.action`, and the
 * web app builds its menu from the list of permissions of the logged-in role.
 */
export interface Policy<A extends string = string> {
  module: string;
  rules: Readonly<Record<A, readonly Role[]>>;
  allows(role: string, action: A): boolean;
}

const registry: Policy[] = [];

export function definePolicy<A extends string>(module: string, rules: Record<A, readonly Role[]>): Policy<A> {
  const policy: Policy<A> = {
    module,
    rules,
    allows: (role, action) => (rules[action] as readonly string[]).includes(role),
  };
  if (registry.some((p) => p.module === module)) throw new Error(`policy ${module} declared twice`);
  registry.push(policy as unknown as Policy);
  return policy;
}

/** Every permission (`module.action`) a role holds, across all declared policies. */
export function permissionsOf(role: string): string[] {
  return registry.flatMap((p) =>
    Object.entries(p.rules)
      .filter(([, roles]) => (roles as readonly string[]).includes(role))
      .map(([action]) => `${p.module}.${action}`),
  );
}
