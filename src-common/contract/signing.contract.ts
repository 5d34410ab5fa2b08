// Areas `token` and `signing`: the USB tokens and certificates on this computer, a test signature, batch
// signing of files, and the verifier of any .p7s. The PIN crosses once, in `signing:test`'s or
// `signing:signFiles`' input, and is never kept, logged or sent back (nor in progress events).
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
  /** CAdES-T: when a TSA saw the signature; `verified` once checked against a trusted TSA certificate. */
  timestamp: z.object({ time: z.string(), tsaName: z.string().nullable(), verified: z.boolean() }).optional(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

/** The token PIN for one login; empty on a reader with a PIN pad (the PIN is typed there). Never stored. */
export const TokenPinSchema = z.string().max(64);

const Base64 = z.string().max(20_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** Limits of one batch of files: what one login and one message (IPC) reasonably carry. */
export const batchFileLimits = {
  maxFiles: 200,
  /** Base64 characters of one file's contents (about 10 MB of bytes). */
  maxFileBase64: 14_000_000,
  /** Base64 characters of all the files together (about 50 MB of bytes). */
  maxTotalBase64: 70_000_000,
} as const;

/** A file name as chosen by the user: no folder part, no control characters. */
const FileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^\\/\u0000-\u001f]+$/);

/** A long task's id, made by the caller (a UUID): names its progress events and its cancel. */
export const TaskIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

const ErrorInfo = z.object({ code: z.string(), message: z.string() });

export const SignFilesInputSchema = z
  .object({
    tokenLabel: z.string().min(1).max(64),
    certificateId: z.string().regex(/^[0-9a-f]{1,128}$/),
    pin: TokenPinSchema,
    taskId: TaskIdSchema,
    files: z
      .array(z.object({ name: FileName, content: Base64.max(batchFileLimits.maxFileBase64) }).strict())
      .min(1)
      .max(batchFileLimits.maxFiles),
  })
  .strict()
  .superRefine((input, context) => {
    const names = new Set<string>();
    let total = 0;
    input.files.forEach((file, index) => {
      // Results are given by name: two files of one name could not be told apart.
      if (names.has(file.name)) context.addIssue({ code: 'custom', path: ['files', index, 'name'], message: 'duplicate file name' });
      names.add(file.name);
      total += file.content.length;
    });
    if (total > batchFileLimits.maxTotalBase64) context.addIssue({ code: 'custom', path: ['files'], message: 'files too large together' });
  });

export const SignFilesOutputSchema = z.object({
  /** Each signed file with its detached CAdES-BES signature (base64 DER, saved as name + ".p7s"). */
  signed: z.array(z.object({ name: z.string(), p7s: Base64, /** Carries the portal's timestamp (CAdES-T): signed while online. */ timestamped: z.boolean() })),
  /** Files left unsigned (cancelled, token removed), in the order given. */
  unsigned: z.array(z.string()),
  /** Why the batch stopped before the end; absent when every file was signed. */
  stoppedBy: ErrorInfo.optional(),
});
export type SignFilesOutput = z.infer<typeof SignFilesOutputSchema>;

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
      .object({ tokenLabel: z.string().min(1).max(64), certificateId: z.string().regex(/^[0-9a-f]{1,128}$/), pin: TokenPinSchema, text: z.string().min(1).max(10_000) })
      .strict(),
    output: z.object({ p7s: Base64, verdict: VerdictSchema }),
  },
  /**
   * Signs each file's bytes as a detached CAdES-BES .p7s after one login (one PIN entry); `progress`
   * events under `taskId` (task `signing.files`); the ones signed are kept if the batch stops.
   */
  'signing:signFiles': { input: SignFilesInputSchema, output: SignFilesOutputSchema },
  /** Stops the running batch `taskId` after the file being signed; false when none is running. */
  'signing:cancel': { input: z.object({ taskId: TaskIdSchema }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** Checks a detached .p7s against its file: signer, MST, time and the verdict. */
  'signing:verify': {
    input: z.object({ p7s: Base64, content: Base64, expectedParty: z.string().max(40).optional() }).strict(),
    output: VerdictSchema,
  },
});
