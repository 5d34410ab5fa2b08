// POST /api/v1/tsa (RFC 3161 over HTTP, RFC 3161 §3.4: DER in, DER out) and GET /api/v1/tsa/certificate.
// Timestamping needs a signed-in session: the TSA stamps what this portal's users sign, and is not an
// open service for anyone on the network to load. Its certificate is public: anyone verifying a
// signature needs it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../http/error-schema';
import { portalError } from '../http/portal-error';
import type { PortalServices } from '../http/services';

const queryType = 'application/timestamp-query';
const replyType = 'application/timestamp-reply';
/** A TimeStampReq with a SHA-512 imprint and a long nonce is under 200 bytes. */
const queryLimit = 8 * 1024;

// Binary bodies: documented as such, checked by the handler (zod cannot describe a Buffer in OpenAPI).
const binaryBody = z.any().meta({ type: 'string', format: 'binary' });

export const tsaRoutes =
  ({ tsa }: PortalServices): FastifyPluginAsyncZod =>
  async (app) => {
    // Scoped to this plugin: only these routes read DER bodies.
    app.addContentTypeParser(queryType, { parseAs: 'buffer', bodyLimit: queryLimit }, (_request, body, done) => done(null, body));

    app.post(
      '/api/v1/tsa',
      {
        config: { access: 'any' },
        schema: {
          tags: ['tsa'],
          summary: 'RFC 3161 timestamp: a DER TimeStampReq in, a DER TimeStampResp out (a rejection status for a request it cannot serve)',
          security: [{ bearer: [] }],
          consumes: [queryType],
          body: binaryBody.describe('DER TimeStampReq (application/timestamp-query)'),
          response: {
            200: { description: 'DER TimeStampResp', content: { [replyType]: { schema: binaryBody } } },
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw portalError('VALIDATION_FAILED', { reason: `the body must be ${queryType}` });
        return reply.type(replyType).send(Buffer.from(tsa.respond(new Uint8Array(request.body))));
      },
    );

    app.get(
      '/api/v1/tsa/certificate',
      {
        config: { access: 'public' },
        schema: {
          tags: ['tsa'],
          summary: "The TSA's certificate (PEM): the trust anchor for this portal's timestamps",
          response: { 200: { description: 'PEM certificate', content: { 'application/x-pem-file': { schema: z.string() } } } },
        },
      },
      async (_request, reply) => reply.type('application/x-pem-file').send(tsa.certificatePem),
    );
  };
