// Area `filings`: the enterprise's filings through their shared lifecycle — drafts kept on this
// computer, "Ký và nộp" (sign on the token, then queue for the portal), and each version's timeline.
import { z } from 'zod';
import { workerEventSchema, workerStatuses } from '../domain/overseas/worker-events';
import { filingTypeSchema } from '../portal-api/filings';
import { uuidSchema } from '../portal-api/mutations';
import { receiptSchema } from '../signing/receipt';
import { defineArea } from './define';
import { ReceiptStatusSchema } from './records.contract';
import { TokenPinSchema } from './signing.contract';

export const filingStates = [
  'draft',
  'signed',
  'submitted',
  'received',
  'underReview',
  'approved',
  'rejected',
  'supplementRequested',
  /** The portal refused the submission itself (e.g. its signature): see the needs-attention list. */
  'refused',
] as const;
export const FilingStateSchema = z.enum(filingStates);
export type FilingState = z.infer<typeof FilingStateSchema>;

const FilingRefSchema = z.object({ filingId: uuidSchema, version: z.number().int().min(1).max(1000) }).strict();

export const FilingListRowSchema = z.object({
  filingId: z.string(),
  version: z.number().int(),
  type: filingTypeSchema,
  title: z.string(),
  state: FilingStateSchema,
  updatedAt: z.string(),
  receiptStatus: ReceiptStatusSchema.nullable(),
});
export type FilingListRow = z.infer<typeof FilingListRowSchema>;

export const FilingHistoryEntrySchema = z.object({
  transition: z.string(),
  at: z.string(),
  /** The account that did it, or "portal" for the portal's own transitions. */
  actor: z.string(),
  detail: z.record(z.string(), z.unknown()).optional(),
});

export const FilingViewSchema = z.object({
  filingId: z.string(),
  version: z.number().int(),
  type: filingTypeSchema,
  title: z.string(),
  branchId: z.string().nullable(),
  content: z.record(z.string(), z.unknown()),
  state: FilingStateSchema,
  signed: z.boolean(),
  receipt: receiptSchema.nullable(),
  receiptStatus: ReceiptStatusSchema.nullable(),
  refusal: z.object({ code: z.string(), message: z.string() }).optional(),
  history: z.array(FilingHistoryEntrySchema),
});
export type FilingView = z.infer<typeof FilingViewSchema>;

export const WorkerAbroadRowSchema = z.object({
  citizenId: z.string(),
  fullName: z.string(),
  registrationFilingId: z.string(),
  registrationTitle: z.string(),
  hostCountry: z.string().nullable(),
  status: z.enum(workerStatuses),
  lastEvent: z.object({ type: z.string(), date: z.string() }).nullable(),
  /** Events recorded here and not yet filed (a workerUpdate draft). */
  unreportedEvents: z.number().int(),
  contractEndsOn: z.string().nullable(),
  liquidationFiled: z.boolean(),
});
export type WorkerAbroadRow = z.infer<typeof WorkerAbroadRowSchema>;

export const DueItemSchema = z.object({
  kind: z.string(),
  subject: z.record(z.string(), z.unknown()),
  dueOn: z.string(),
  overdue: z.boolean(),
  /** What is due, and the rule it comes from, in the user's language. */
  title: z.string(),
  basis: z.string(),
});

/** A draft's content: any shape while being written (the type's rules apply when it is signed), bounded. */
const DraftContentSchema = z.record(z.string(), z.unknown()).refine((content) => JSON.stringify(content).length <= 8_000_000, { message: 'tooLarge' });

export const filingsContract = defineArea({
  'filings:list': {
    input: z
      .object({
        search: z.string().trim().max(100).optional(),
        type: filingTypeSchema.optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({ rows: z.array(FilingListRowSchema), total: z.number().int() }),
  },
  'filings:get': { input: FilingRefSchema, output: FilingViewSchema },
  /** Creates (no filingId) or edits a draft; a signed draft that is edited loses its signature. */
  'filings:saveDraft': {
    input: z
      .object({
        filingId: uuidSchema.optional(),
        version: z.number().int().min(1).max(1000).optional(),
        type: filingTypeSchema,
        title: z.string().trim().min(1).max(300),
        branchId: uuidSchema.optional(),
        content: DraftContentSchema,
      })
      .strict(),
    output: FilingViewSchema,
  },
  /** The next version of a filing (a supplement), prefilled from the latest one. */
  'filings:newVersion': { input: z.object({ filingId: uuidSchema }).strict(), output: FilingViewSchema },
  'filings:deleteDraft': { input: FilingRefSchema, output: z.object({ deleted: z.boolean() }) },
  /** A worker list from .xlsx/.csv: rows checked with the shared worker rules; bad rows reported (and as .xlsx). */
  'filings:importWorkerList': {
    input: z
      .object({
        name: z.string().min(1).max(255),
        content: z.string().max(40_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/),
      })
      .strict(),
    output: z.object({
      workers: z.array(z.record(z.string(), z.unknown())),
      rejected: z.array(z.object({ rowNumber: z.number().int(), reasons: z.array(z.object({ field: z.string(), column: z.string().optional(), message: z.string() })) })),
      rejectedReport: z.string().optional(),
    }),
  },
  /** The filings list (same filters, every row) as .xlsx, base64, Vietnamese or English column titles. */
  'filings:export': {
    input: z.object({ search: z.string().trim().max(100).optional(), type: filingTypeSchema.optional() }).strict(),
    output: z.object({ fileName: z.string(), content: z.string() }),
  },
  /** The workers list (same filters) as .xlsx, base64. */
  'workers:export': {
    input: z.object({ search: z.string().trim().max(100).optional(), status: z.enum(workerStatuses).optional() }).strict(),
    output: z.object({ fileName: z.string(), content: z.string() }),
  },
  /** Workers sent abroad, from the registrations' worker lists, with the status their events give. */
  'workers:list': {
    input: z.object({ search: z.string().trim().max(100).optional(), status: z.enum(workerStatuses).optional() }).strict(),
    output: z.object({ rows: z.array(WorkerAbroadRowSchema) }),
  },
  /** Adds an event (departed, incident, returned...) to the worker's timeline as a workerUpdate draft to sign and file. */
  'workers:recordEvent': {
    input: z.object({ registrationFilingId: uuidSchema, citizenId: z.string().regex(/^\d{12}$/), event: workerEventSchema }).strict(),
    output: FilingViewSchema,
  },
  /** The legal deadlines due from the filings here, soonest first. */
  'workers:due': { input: z.object({}).strict(), output: z.object({ items: z.array(DueItemSchema) }) },
  /** "Ký và nộp": the type's rules, one PIN entry for the batch (progress task `filings.sign`), then the outbox. */
  'filings:signAndSubmit': {
    input: z
      .object({
        filings: z.array(FilingRefSchema).min(1).max(1000),
        tokenLabel: z.string().min(1).max(64),
        certificateId: z.string().regex(/^[0-9a-f]{1,128}$/),
        pin: TokenPinSchema,
        taskId: z.string().min(1).max(64),
      })
      .strict(),
    output: z.object({
      submitted: z.array(z.object({ filingId: z.string(), version: z.number().int() })),
      notSubmitted: z.array(z.object({ filingId: z.string(), version: z.number().int(), code: z.string(), message: z.string(), details: z.unknown().optional() })),
    }),
  },
});
