// Area `sync`: the outbox and the portal connection as the user sees them (badge, panel, needs-attention).
import { z } from 'zod';
import { defineArea } from './define';

export const ConnectionSchema = z.enum(['online', 'offline', 'syncing', 'signedOut', 'needsSignIn']);
export type Connection = z.infer<typeof ConnectionSchema>;

const ErrorInfo = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

export const SyncStatusSchema = z.object({
  connection: ConnectionSchema,
  /** Mutations waiting to be pushed. */
  pending: z.number().int().nonnegative(),
  /** Mutations the portal rejected, waiting for the user to correct or discard. */
  needsAttention: z.number().int().nonnegative(),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: ErrorInfo.nullable(),
  /** When the scheduler will try again (after a failure, with backoff). */
  nextAttemptAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncAttemptSchema = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: z.enum(['ok', 'offline', 'error', 'auth']),
  pushed: z.number().int(),
  applied: z.number().int(),
  rejected: z.number().int(),
  pulled: z.number().int(),
  error: ErrorInfo.nullable(),
});
export type SyncAttempt = z.infer<typeof SyncAttemptSchema>;

export const AttentionItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  payload: z.unknown(),
  createdAt: z.string(),
  rejectedAt: z.string().nullable(),
  error: ErrorInfo,
});
export type AttentionItem = z.infer<typeof AttentionItemSchema>;

export const syncContract = defineArea({
  'sync:status': { input: z.object({}).strict(), output: SyncStatusSchema },
  /** "Sync now": runs a sync (or joins the one running) and answers when it has finished. */
  'sync:run': { input: z.object({}).strict(), output: SyncStatusSchema },
  'sync:attempts': { input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(), output: z.array(SyncAttemptSchema) },
  'sync:attention': { input: z.object({}).strict(), output: z.array(AttentionItemSchema) },
  /** Drops a rejected mutation (audited); the record goes back to the portal's version. */
  'sync:discard': { input: z.object({ id: z.string() }).strict(), output: SyncStatusSchema },
  /** Replaces a rejected mutation by a corrected one (new id, same kind) and queues it. */
  'sync:resubmit': { input: z.object({ id: z.string(), payload: z.unknown() }).strict(), output: SyncStatusSchema },
});
