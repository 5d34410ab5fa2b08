// /api/v1/admin: the system administrator registers organisations and manages accounts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createAccountRequestSchema,
  createAgencyRequestSchema,
  createdResponseSchema,
  createEnterpriseRequestSchema,
  idParamsSchema,
  temporaryPasswordResponseSchema,
} from '../../../src-common/portal-api/admin.api';
import { accountViewSchema } from '../../../src-common/portal-api/auth.api';
import { normalizeStrings } from '../../../src-common/text';
import { errorResponses } from '../http/error-schema';
import type { PortalServices } from '../http/services';

const adminOnly = { access: ['systemAdmin'] as const };
const security = [{ bearer: [] }];

export const adminRoutes =
  ({ admin }: PortalServices): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/admin/enterprises',
      {
        config: adminOnly,
        schema: { tags: ['admin'], summary: 'Register a service enterprise', security, body: createEnterpriseRequestSchema, response: { 201: createdResponseSchema, ...errorResponses } },
      },
      async (request, reply) => reply.code(201).send(await admin.createEnterprise(normalizeStrings(request.body))),
    );

    app.post(
      '/api/v1/admin/agencies',
      {
        config: adminOnly,
        schema: { tags: ['admin'], summary: 'Register an agency and its jurisdiction', security, body: createAgencyRequestSchema, response: { 201: createdResponseSchema, ...errorResponses } },
      },
      async (request, reply) => reply.code(201).send(await admin.createAgency(normalizeStrings(request.body))),
    );

    app.post(
      '/api/v1/admin/accounts',
      {
        config: adminOnly,
        schema: {
          tags: ['admin'],
          summary: 'Create an account; answers its one-time temporary password',
          security,
          body: createAccountRequestSchema,
          response: { 201: temporaryPasswordResponseSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await admin.createAccount(normalizeStrings(request.body))),
    );

    app.post(
      '/api/v1/admin/accounts/:id/reset-password',
      {
        config: adminOnly,
        schema: {
          tags: ['admin'],
          summary: 'Issue a one-time temporary password (ends the account’s sessions, lifts a lockout)',
          security,
          params: idParamsSchema,
          response: { 200: temporaryPasswordResponseSchema, ...errorResponses },
        },
      },
      async (request) => admin.resetPassword(request.params.id),
    );

    app.get(
      '/api/v1/admin/accounts',
      {
        config: adminOnly,
        schema: {
          tags: ['admin'],
          summary: 'All accounts with their lock state',
          security,
          response: { 200: z.object({ accounts: z.array(accountViewSchema.extend({ lockedUntil: z.string().nullable(), disabled: z.boolean() })) }), ...errorResponses },
        },
      },
      async () => ({ accounts: await admin.listAccounts() }),
    );
  };
