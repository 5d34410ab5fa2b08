// GET /api/v1/{enterprises,branches,employers,brokers,agencies,filings}: single records within the caller's scope.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../src-common/portal-api/admin.api';
import {
  agencyRecordSchema,
  branchRecordSchema,
  brokerRecordSchema,
  employerRecordSchema,
  enterpriseRecordSchema,
  filingListQuerySchema,
  filingListResponseSchema,
  filingRecordSchema,
} from '../../../src-common/portal-api/records.api';
import { sessionOf } from '../http/access';
import { errorResponses } from '../http/error-schema';
import type { PortalServices } from '../http/services';

const security = [{ bearer: [] }];
const anyRole = { access: 'any' as const };

export const recordsRoutes =
  ({ records }: PortalServices): FastifyPluginAsyncZod =>
  async (app) => {
    const single = (
      path: string,
      summary: string,
      response: z.ZodType,
      read: (principal: ReturnType<typeof sessionOf>['principal'], id: string) => Promise<unknown>,
    ) =>
      app.get(
        path,
        { config: anyRole, schema: { tags: ['records'], summary, security, params: idParamsSchema, response: { 200: response, ...errorResponses } } },
        // The response schema validates what `read` returns; the loop's shared signature cannot carry each type.
        async (request) => (await read(sessionOf(request).principal, request.params.id)) as never,
      );

    single('/api/v1/enterprises/:id', 'An enterprise profile', enterpriseRecordSchema, (p, id) => records.enterprise(p, id));
    single('/api/v1/branches/:id', 'A branch and its delegated functions', branchRecordSchema, (p, id) => records.branch(p, id));
    single('/api/v1/employers/:id', 'A foreign employer of an enterprise’s registry', employerRecordSchema, (p, id) => records.employer(p, id));
    single('/api/v1/brokers/:id', 'A broker of an enterprise’s registry', brokerRecordSchema, (p, id) => records.broker(p, id));
    single('/api/v1/agencies/:id', 'An agency', agencyRecordSchema, (p, id) => records.agency(p, id));

    app.get(
      '/api/v1/filings/:id',
      {
        config: anyRole,
        schema: {
          tags: ['records'],
          summary: 'A filing: its latest version, or ?version=N',
          security,
          params: idParamsSchema,
          querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
          response: { 200: filingRecordSchema.extend({ versions: z.array(z.number().int()) }), ...errorResponses },
        },
      },
      async (request) => records.filing(sessionOf(request).principal, request.params.id, request.query.version),
    );

    app.get(
      '/api/v1/filings',
      {
        config: anyRole,
        schema: { tags: ['records'], summary: 'Filings the caller may see, oldest first, paged', security, querystring: filingListQuerySchema, response: { 200: filingListResponseSchema, ...errorResponses } },
      },
      async (request) => records.filings(sessionOf(request).principal, request.query.limit, request.query.after),
    );
  };
