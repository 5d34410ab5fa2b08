// Area `attachments`: a dossier's files (PDF, JPEG, PNG) kept in the account's encrypted store, named
// by their SHA-256 (the hash a filing's content carries, so its signature covers the bytes).
import { z } from 'zod';
import { attachmentMimeTypes } from '../domain/overseas/contract-registration';
import { attachmentStoreMaxBytes, isPlainFileName, sha256HexPattern } from '../domain/attachment-files';
import { defineArea } from './define';

/** Base64 of at most `attachmentStoreMaxBytes` bytes (4 characters per 3 bytes). */
const AttachmentBase64 = z
  .string()
  .min(4)
  .max(Math.ceil(attachmentStoreMaxBytes / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

const AttachmentName = z.string().min(1).max(255).refine(isPlainFileName, { message: 'fileName' });
const Sha256 = z.string().regex(sha256HexPattern, { message: 'sha256' });
const Mime = z.enum(attachmentMimeTypes);

export const AttachmentInfoSchema = z.object({ sha256: Sha256, size: z.number().int().positive(), name: z.string(), mime: Mime });
export type AttachmentInfo = z.infer<typeof AttachmentInfoSchema>;

export const attachmentsContract = defineArea({
  /**
   * Keeps a file in the account's store: the declared type must match the file's first bytes
   * (ATTACHMENT_TYPE_MISMATCH), at most 20 MB (PAYLOAD_TOO_LARGE). The same bytes added twice are kept once.
   */
  'attachments:add': {
    input: z.object({ name: AttachmentName, mime: Mime, content: AttachmentBase64 }).strict(),
    output: AttachmentInfoSchema,
  },
  /** A kept file's bytes; NOT_FOUND when this account's store does not hold them. */
  'attachments:get': {
    input: z.object({ sha256: Sha256 }).strict(),
    output: z.object({ name: z.string(), mime: Mime, content: z.string() }),
  },
});
