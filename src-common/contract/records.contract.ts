// Area `records`: the signed-in account's local records (portal rows + pending local changes) and commits.
import { z } from 'zod';
import { mutationPayloadSchemas, type MutationKind } from '../portal-api/mutations';
import { entityKindSchema } from '../portal-api/sync.api';
import { defineArea } from './define';

/**
 * The portal's receipt on a filing, as checked by the client against the account's pinned receipt
 * key: valid, invalid (altered, or signed by a key not pinned), or unverified (no key to check it yet).
 */
export const ReceiptStatusSchema = z.enum(['valid', 'invalid', 'unverified']);
export type ReceiptStatus = z.infer<typeof ReceiptStatusSchema>;

export const LocalRecordSchema = z.object({
  entity: entityKindSchema,
  id: z.string(),
  /** The record as the user sees it: the portal's version with pending local changes on top. */
  data: z.record(z.string(), z.unknown()),
  /** The portal's version number, null for a record the portal has not seen yet. */
  serverVersion: z.number().int().nullable(),
  pending: z.boolean(),
  /** Filings with a receipt only; absent or null otherwise. */
  receiptStatus: ReceiptStatusSchema.nullable().optional(),
});
export type LocalRecord = z.infer<typeof LocalRecordSchema>;

const commitVariant = <K extends MutationKind>(kind: K) =>
  z.object({ kind: z.literal(kind), payload: mutationPayloadSchemas[kind] }).strict();

/** One variant per mutation kind, so the payload is checked against its kind's schema at the boundary. */
export const CommitInputSchema = z.discriminatedUnion('kind', [
  commitVariant('enterprise.updateProfile'),
  commitVariant('branch.upsert'),
  commitVariant('employer.upsert'),
  commitVariant('broker.upsert'),
  commitVariant('filing.submit'),
]);
export type CommitInput = z.infer<typeof CommitInputSchema>;

export const recordsContract = defineArea({
  'records:list': {
    input: z
      .object({
        entity: entityKindSchema,
        /** Matched without diacritics against the record's name/title. */
        search: z.string().trim().max(100).optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({ rows: z.array(LocalRecordSchema), total: z.number().int() }),
  },
  /** A registry list (foreign employers, brokers, branches) under a search, as .xlsx (base64). */
  'records:export': {
    input: z.object({ entity: z.enum(['employer', 'broker', 'branch']), search: z.string().trim().max(100).optional() }).strict(),
    output: z.object({ fileName: z.string(), content: z.string() }),
  },
  /** Saves a change locally and queues it for the portal, in one transaction. */
  'records:commit': { input: CommitInputSchema, output: z.object({ mutationId: z.string(), record: LocalRecordSchema }) },
});
