// GET /api/v1/portal/receipt-key: the public key (SPKI PEM) the portal signs receipts with.
import { z } from 'zod';

export const receiptKeyResponseSchema = z.object({ keyId: z.string().min(1).max(200), publicKeyPem: z.string().min(1).max(4096) });
export type ReceiptKeyResponse = z.infer<typeof receiptKeyResponseSchema>;
