// Who may call a route, declared on the route (`config.access`) and checked before its handler.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../../src-common/domain/roles';
import type { AuthService, AuthenticatedSession } from '../auth/auth.service';
import { portalError } from './portal-error';

/**
 * - 'public': no session (sign-in, health, docs);
 * - 'passwordChange': any session, even one that must change its password first;
 * - 'any': a full session of any role;
 * - a list of roles: a full session of one of them.
 */
export type Access = 'public' | 'passwordChange' | 'any' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: AuthenticatedSession | null;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header) : null;
  return match?.[1];
}

export function accessHook(auth: AuthService) {
  return async function checkAccess(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    // Routes that forget to declare access are treated as the strictest ordinary case.
    const access: Access = request.routeOptions.config.access ?? 'any';
    if (access === 'public') return;
    const token = bearerToken(request);
    if (!token) throw portalError('AUTH_REQUIRED');
    const session = await auth.authenticate(token);
    request.session = session;
    if (access === 'passwordChange') return;
    if (session.purpose !== 'full') throw portalError('AUTH_PASSWORD_CHANGE_REQUIRED');
    if (access !== 'any' && !access.includes(session.principal.role)) throw portalError('FORBIDDEN');
  };
}

/** The session of a route whose access is not 'public' (set by the hook before the handler runs). */
export function sessionOf(request: FastifyRequest): AuthenticatedSession {
  if (!request.session) throw portalError('AUTH_REQUIRED');
  return request.session;
}
