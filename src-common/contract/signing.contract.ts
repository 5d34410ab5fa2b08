// Areas `token` and `signing`: the USB tokens and certificates on this computer, a test signature, and
// the verifier of any .p7s. The PIN crosses once, in `signing:test`'s input, and is never kept or logged.
import { z } from 'zod';
import { defineArea } from './define';

export const TokenModuleSchema = z.object({ id: z.string(), name: z.string(), path: z.string(), present: z.boolean() });

export const TokenCertificateSchema = z.object({
  tokenLabel: z.string(),
  id: z.string(),
  label: z.string(),
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  /** "MST:..." / "CCCD:..." / "CMND:..." from the subject, or null. */
  partyId: z.string().nullable(),
  /** Negative once expired. */
  daysLeft: z.number().int(),
});
export type TokenCertificateView = z.infer<typeof TokenCertificateSchema>;

export const TokenSummarySchema = z.object({
  label: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  serial: z.string(),
  hasPinPad: z.boolean(),
  pin: z.object({ countLow: z.boolean(), finalTry: z.boolean(), locked: z.boolean() }),
});

export const VerdictSchema = z.object({
  valid: z.boolean(),
  code: z.string().optional(),
  /** The verdict in the user's language. */
  message: z.string(),
  signer: z
    .object({ commonName: z.string().nullable(), partyId: z.string().nullable(), serialNumber: z.string(), notBefore: z.string(), notAfter: z.string() })
    .optional(),
  signingTime: z.string().optional(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

const Base64 = z.string().max(20_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const signingContract = defineArea({
  /** Catalogue libraries found here (the configured custom path first), and the one in use. */
  'token:modules': { input: z.object({}).strict(), output: z.object({ modules: z.array(TokenModuleSchema), selected: z.string().nullable() }) },
  'token:list': {
    input: z.object({}).strict(),
    output: z.object({ modulePath: z.string(), tokens: z.array(TokenSummarySchema), certificates: z.array(TokenCertificateSchema) }),
  },
  /** Signs a short test text with the chosen certificate (one PIN entry), then verifies it. */
  'signing:test': {
    input: z
      .object({ tokenLabel: z.string().min(1).max(64), certificateId: z.string().regex(/^[0-9a-f]{1,128}$/), pin: z.string().min(1).max(64), text: z.string().min(1).max(10_000) })
      .strict(),
    output: z.object({ p7s: Base64, verdict: VerdictSchema }),
  },
  /** Checks a detached .p7s against its file: signer, MST, time and the verdict. */
  'signing:verify': {
    input: z.object({ p7s: Base64, content: Base64, expectedParty: z.string().max(40).optional() }).strict(),
    output: VerdictSchema,
  },
});
