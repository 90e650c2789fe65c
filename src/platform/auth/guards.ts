import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Actor } from '../context.js';
import { AppError } from '../errors.js';
import type { Policy } from '../policy.js';
import { actorOf } from './auth.service.js';
import { passwordChangeDue } from './present-user.js';
import type { Session } from './sessions.js';

/** The session of a request that passed `requireUser`. */
export function sessionOf(request: FastifyRequest): Session {
  if (!request.session) throw new AppError(401, 'UNAUTHENTICATED');
  return request.session;
}

export const actorOfRequest = (request: FastifyRequest): Actor =>
  actorOf(sessionOf(request).user, request.ip);

/**
 * A logged-in user is required. Until an initial or expired password is changed, only the
 * endpoints that let the user change it (`allowPasswordChangePending`) are open.
 */
export function requireUser(
  options: { allowPasswordChangePending?: boolean } = {},
): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const session = sessionOf(request);
    if (!options.allowPasswordChangePending && passwordChangeDue(request.server.ctx, session.user)) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED');
    }
  };
}

/** The route's action must be allowed to the caller's role by the module's declared policy. */
export function requirePermission<A extends string>(
  policy: Policy<A>,
  action: A,
): preHandlerAsyncHookHandler {
  const user = requireUser();
  return async function permission(this: unknown, request, reply) {
    await user.call(this as never, request, reply);
    if (!policy.allows(sessionOf(request).user.role, action)) throw new AppError(403, 'FORBIDDEN');
  };
}
