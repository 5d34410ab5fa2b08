// Receipts (biên nhận): the portal's signed acknowledgement of an accepted filing. The portal signs the
// canonical JSON of the receipt body with its ECDSA P-256 key; anyone with its public key can check it.
import { z } from 'zod';
import { canonicalBytes } from '../canonical-json';

export const receiptBodySchema = z.object({
  reference: z.string(),
  filingId: z.string(),
  filingVersion: z.number().int(),
  /** SHA-256 (hex) of the filing's signing bytes (src-common/signing/filing-bytes.ts). */
  filingHash: z.string().regex(/^[0-9a-f]{64}$/),
  receivedAt: z.string(),
  keyId: z.string(),
});
export const receiptSchema = receiptBodySchema.extend({
  /** ECDSA P-256 / SHA-256 over the canonical body, r||s, base64. */
  signature: z.string(),
});
export type ReceiptBody = z.infer<typeof receiptBodySchema>;
export type Receipt = z.infer<typeof receiptSchema>;

export function receiptSigningBytes(body: ReceiptBody): Uint8Array {
  const { reference, filingId, filingVersion, filingHash, receivedAt, keyId } = body;
  return canonicalBytes({ reference, filingId, filingVersion, filingHash, receivedAt, keyId });
}

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const toHex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** Whether `receipt` is the portal's (key in SPKI DER) and acknowledges exactly `filingBytes`. */
export async function verifyReceipt(receipt: Receipt, portalKeySpki: Uint8Array, filingBytes: Uint8Array): Promise<boolean> {
  const parsed = receiptSchema.safeParse(receipt);
  if (!parsed.success) return false;
  if (toHex(await crypto.subtle.digest('SHA-256', Uint8Array.from(filingBytes))) !== parsed.data.filingHash) return false;
  const key = await crypto.subtle.importKey('spki', Uint8Array.from(portalKeySpki), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, fromBase64(parsed.data.signature), Uint8Array.from(receiptSigningBytes(parsed.data)));
}
