// The rules an attachment's bytes follow wherever they are stored (the client's encrypted store, the
// portal): size limit, the file types and their magic bytes, plain file names, and the SHA-256 that
// names an attachment in a filing's content (so the filing's signature covers the bytes).
import { attachmentMaxBytes, attachmentMimeTypes } from './overseas/contract-registration';

export type AttachmentMime = (typeof attachmentMimeTypes)[number];

/** Largest attachment kept or uploaded: the same limit the filing content's rules give. */
export const attachmentStoreMaxBytes = attachmentMaxBytes;

/** An attachment's name: its SHA-256, lower-case hex, exactly; never anything path-like. */
export const sha256HexPattern = /^[0-9a-f]{64}$/;

const signatures: Record<AttachmentMime, readonly number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** The type the file's first bytes say it is, or null when it is none of the accepted ones. */
export function mimeOfMagicBytes(bytes: Uint8Array): AttachmentMime | null {
  for (const mime of attachmentMimeTypes) {
    const magic = signatures[mime];
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return mime;
  }
  return null;
}

export function isAttachmentMime(value: unknown): value is AttachmentMime {
  return typeof value === 'string' && (attachmentMimeTypes as readonly string[]).includes(value);
}

/** A file name as the user's system gave it, without any folder part: no separators, no control characters, not "." or "..". */
export function isPlainFileName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && name.trim() === name && !/[\\/\u0000-\u001f\u007f]/.test(name) && name !== '.' && name !== '..';
}

/**
 * The SHA-256 hashes of the attachments a filing's content names (`content.attachments[].sha256`),
 * in order, without repeats. Read from the content as submitted, so it works before (or without) a
 * successful parse; entries that are not well-formed hashes are left to the content's own schema.
 */
export function attachmentHashesOf(content: unknown): string[] {
  const list = (content as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(list)) return [];
  const hashes = new Set<string>();
  for (const item of list) {
    const sha256 = (item as { sha256?: unknown } | null)?.sha256;
    if (typeof sha256 === 'string' && sha256HexPattern.test(sha256)) hashes.add(sha256);
  }
  return [...hashes];
}
