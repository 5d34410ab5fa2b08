// POST /api/v1/population/verify: reconcile a batch of people with the (simulated) population registry.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { verifyRequestSchema, verifyResponseSchema } from '../../../src-common/portal-api/population.api';
import { normalizeStrings } from '../../../src-common/text';
import { errorResponses } from '../http/error-schema';
import type { PortalServices } from '../http/services';

export const populationRoutes =
  ({ population }: PortalServices): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/population/verify',
      {
        config: { access: ['enterpriseAdmin', 'branchStaff', 'officer', 'communeOfficer'] },
        schema: {
          tags: ['population'],
          summary: 'Per person: match, mismatch (with the fields that differ) or not found',
          security: [{ bearer: [] }],
          body: verifyRequestSchema,
          response: { 200: verifyResponseSchema, ...errorResponses },
        },
      },
      async (request) => ({ results: await population.verify(normalizeStrings(request.body.people)) }),
    );
  };
