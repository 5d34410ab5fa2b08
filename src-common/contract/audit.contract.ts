// Area `audit`: the append-only, hash-chained audit log.
import { z } from 'zod';
import { defineArea } from './define';

export const AuditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditVerdictSchema = z.object({
  intact: z.boolean(),
  checked: z.number().int().nonnegative(),
  /** The first entry whose hash or link does not hold. */
  broken: z
    .object({
      seq: z.number().int(),
      reason: z.enum(['hash-mismatch', 'link-mismatch', 'gap']),
    })
    .optional(),
});
export type AuditVerdict = z.infer<typeof AuditVerdictSchema>;

export const auditContract = defineArea({
  'audit:list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(50),
        beforeSeq: z.number().int().positive().optional(),
      })
      .strict(),
    output: z.object({ entries: z.array(AuditEntrySchema) }),
  },
  'audit:verify': { input: z.object({}).strict(), output: AuditVerdictSchema },
});
