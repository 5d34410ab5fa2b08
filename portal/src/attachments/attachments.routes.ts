// PUT /api/v1/attachments/:sha256 (the raw bytes, PDF/JPEG/PNG) and GET (HEAD) /api/v1/attachments/:sha256.
// The path's only parameter is a SHA-256 in lower-case hex, checked before anything else: a path
// trick ("..%2F", an encoded slash, upper case, a short or long hash) is a 400, never a lookup.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentMimeTypes } from '../../../src-common/domain/overseas/contract-registration';
import { attachmentStoreMaxBytes, isAttachmentMime } from '../../../src-common/domain/attachment-files';
import { attachmentParamsSchema, attachmentUploadResponseSchema } from '../../../src-common/portal-api/attachments.api';
import { sessionOf } from '../http/access';
import { errorResponses } from '../http/error-schema';
import { portalError } from '../http/portal-error';
import type { PortalServices } from '../http/services';

// Binary bodies: documented as such, checked by the handler (zod cannot describe a Buffer in OpenAPI).
const binaryBody = z.any().meta({ type: 'string', format: 'binary' });
const binaryContent = Object.fromEntries(attachmentMimeTypes.map((mime) => [mime, { schema: binaryBody }]));
const security = [{ bearer: [] }];

export const attachmentsRoutes =
  ({ attachments }: PortalServices): FastifyPluginAsyncZod =>
  async (app) => {
    // Scoped to this plugin: only these routes read raw file bodies, and only up to the attachment limit.
    app.addContentTypeParser([...attachmentMimeTypes], { parseAs: 'buffer', bodyLimit: attachmentStoreMaxBytes }, (_request, body, done) => done(null, body));

    app.put(
      '/api/v1/attachments/:sha256',
      {
        config: { access: ['enterpriseAdmin', 'branchStaff'] },
        bodyLimit: attachmentStoreMaxBytes,
        schema: {
          tags: ['attachments'],
          summary:
            "Upload a dossier attachment's bytes (PDF, JPEG or PNG, up to 20 MB) under their SHA-256; the portal recomputes the hash and checks the type. Kept for the caller's enterprise; uploading again is a no-op",
          security,
          params: attachmentParamsSchema,
          consumes: [...attachmentMimeTypes],
          body: binaryBody.describe('The file, as is'),
          response: { 200: attachmentUploadResponseSchema, 201: attachmentUploadResponseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const mime = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
        if (!Buffer.isBuffer(request.body) || !isAttachmentMime(mime)) {
          throw portalError('VALIDATION_FAILED', { reason: `the body must be one of ${attachmentMimeTypes.join(', ')}` });
        }
        const stored = await attachments.store(sessionOf(request).principal, request.params.sha256, mime, new Uint8Array(request.body));
        return reply.code(stored.created ? 201 : 200).send(stored);
      },
    );

    app.get(
      '/api/v1/attachments/:sha256',
      {
        config: { access: 'any' },
        schema: {
          tags: ['attachments'],
          summary:
            "An attachment's bytes, for the enterprise that uploaded them and for officers who may see a filing naming them (HEAD: whether it is there). Not found and not yours look the same",
          security,
          params: attachmentParamsSchema,
          response: { 200: { description: 'The file', content: binaryContent }, ...errorResponses },
        },
      },
      async (request, reply) => {
        // HEAD (Fastify's automatic sibling of this route) only asks whether it is there: skip the bytes.
        const head = request.method === 'HEAD';
        const found = await attachments.read(sessionOf(request).principal, request.params.sha256, !head);
        if (!found) throw portalError('NOT_FOUND');
        // Served as a download, never rendered by a browser opening the URL.
        void reply.type(found.mime).header('content-disposition', `attachment; filename="${request.params.sha256}"`);
        return reply.send(head ? undefined : Buffer.from(found.bytes!.buffer, found.bytes!.byteOffset, found.bytes!.byteLength));
      },
    );
  };
