// POST /api/v1/sync/push and GET /api/v1/sync/pull.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pullQuerySchema, pullResponseSchema, pushRequestSchema, pushResponseSchema } from '../../../src-common/portal-api/sync.api';
import { sessionOf } from '../http/access';
import { errorResponses } from '../http/error-schema';
import { languageOf } from '../http/portal-error';
import type { PortalServices } from '../http/services';

const security = [{ bearer: [] }];
/** 500 mutations with signatures and worker lists fit; anything bigger is split by the client. */
export const pushBodyLimit = 16 * 1024 * 1024;

export const syncRoutes =
  ({ sync }: PortalServices): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/sync/push',
      {
        bodyLimit: pushBodyLimit,
        config: { access: 'any' },
        schema: {
          tags: ['sync'],
          summary: 'Apply a batch of mutations; each is answered applied, duplicate or rejected. Re-sending is safe.',
          security,
          body: pushRequestSchema,
          response: { 200: pushResponseSchema, ...errorResponses },
        },
      },
      async (request) => ({
        results: await sync.push(sessionOf(request).principal, request.body.mutations, languageOf(request.headers['accept-language'])),
      }),
    );

    app.get(
      '/api/v1/sync/pull',
      {
        config: { access: 'any' },
        schema: {
          tags: ['sync'],
          summary: 'Changes the caller may see after the cursor, oldest first, paged',
          security,
          querystring: pullQuerySchema,
          response: { 200: pullResponseSchema, ...errorResponses },
        },
      },
      async (request) => sync.pull(sessionOf(request).principal, request.query.cursor, request.query.limit),
    );
  };
