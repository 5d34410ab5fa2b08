// /api/v1/auth: sign in, change password, sign out, who am I.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountViewSchema,
  changePasswordRequestSchema,
  loginRequestSchema,
  sessionResponseSchema,
} from '../../../src-common/portal-api/auth.api';
import { sessionOf } from '../http/access';
import { errorResponses } from '../http/error-schema';
import type { PortalServices } from '../http/services';

export interface LoginRateLimit {
  /** Attempts per window for one (address, username) pair. */
  max: number;
  timeWindowMs: number;
}

export const authRoutes =
  ({ auth, tokenSignIn }: PortalServices, rateLimit: LoginRateLimit): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/auth/login',
      {
        config: {
          access: 'public',
          rateLimit: {
            max: rateLimit.max,
            timeWindow: rateLimit.timeWindowMs,
            // After parsing, so one address hammering one account is limited without locking out a whole office NAT.
            hook: 'preHandler',
            keyGenerator: (request) => `${request.ip}|${String((request.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
          },
        },
        schema: {
          tags: ['auth'],
          summary: 'Sign in; a first sign-in (or after a reset) gets a session that may only change the password',
          body: loginRequestSchema,
          response: { 200: sessionResponseSchema, ...errorResponses },
        },
      },
      async (request) => auth.login(request.body.username, request.body.password),
    );

    app.post(
      '/api/v1/auth/token-challenge',
      {
        config: { access: 'public', rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs } },
        schema: {
          tags: ['auth'],
          summary: 'A one-time challenge (5 minutes) to sign on a USB token for token sign-in',
          response: { 200: z.object({ challenge: z.string(), expiresAt: z.string() }), ...errorResponses },
        },
      },
      async () => tokenSignIn.challenge(),
    );

    app.post(
      '/api/v1/auth/token-login',
      {
        config: { access: 'public', rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs } },
        schema: {
          tags: ['auth'],
          summary: "Sign in with the challenge signed on the token (detached CAdES, base64): the certificate's MST names the enterprise administrator",
          body: z.strictObject({ challenge: z.string().min(1).max(200), signature: z.string().min(1).max(65536) }),
          response: { 200: sessionResponseSchema, ...errorResponses },
        },
      },
      async (request) => tokenSignIn.signIn(request.body.challenge, request.body.signature),
    );

    app.post(
      '/api/v1/auth/change-password',
      {
        config: { access: 'passwordChange' },
        schema: {
          tags: ['auth'],
          summary: 'Change the password; ends every session of the account and returns a new one',
          security: [{ bearer: [] }],
          body: changePasswordRequestSchema,
          response: { 200: sessionResponseSchema, ...errorResponses },
        },
      },
      async (request) => auth.changePassword(sessionOf(request), request.body.currentPassword, request.body.newPassword),
    );

    app.post(
      '/api/v1/auth/logout',
      {
        config: { access: 'passwordChange' },
        schema: { tags: ['auth'], summary: 'End this session', security: [{ bearer: [] }], response: { 204: z.null(), ...errorResponses } },
      },
      async (request, reply) => {
        await auth.logout(sessionOf(request));
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/v1/auth/me',
      {
        config: { access: 'passwordChange' },
        schema: { tags: ['auth'], summary: 'The signed-in account', security: [{ bearer: [] }], response: { 200: accountViewSchema, ...errorResponses } },
      },
      async (request) => auth.accountView(sessionOf(request).principal.accountId),
    );
  };
