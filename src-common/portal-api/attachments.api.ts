// PUT/GET /api/v1/attachments/:sha256: an attachment's bytes, content-addressed, kept per enterprise.
import { z } from 'zod';
import { attachmentMimeTypes } from '../domain/overseas/contract-registration';
import { sha256HexPattern } from '../domain/attachment-files';

/** The only thing the route takes from the path: 64 lower-case hex characters (never a file path). */
export const attachmentParamsSchema = z.strictObject({ sha256: z.string().regex(sha256HexPattern, { message: 'sha256' }) });

export const attachmentUploadResponseSchema = z.object({
  sha256: z.string().regex(sha256HexPattern),
  size: z.number().int().positive(),
  mime: z.enum(attachmentMimeTypes),
  /** False when the enterprise already held these bytes (uploading again changes nothing). */
  created: z.boolean(),
});
export type AttachmentUploadResponse = z.infer<typeof attachmentUploadResponseSchema>;
