// POST /api/v1/sync/push and GET /api/v1/sync/pull: the wire shapes both sides validate.
import { z } from 'zod';
import { mutationSchema } from './mutations';

export const maxPushBatch = 500;
export const maxPullLimit = 5000;
export const defaultPullLimit = 1000;

export const pushRequestSchema = z.strictObject({ mutations: z.array(mutationSchema).min(1).max(maxPushBatch) });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const apiErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
export type ApiError = z.infer<typeof apiErrorSchema>;

export const pushResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('applied'), seq: z.string() }),
  z.object({ id: z.string(), status: z.literal('duplicate') }),
  z.object({ id: z.string(), status: z.literal('rejected'), error: apiErrorSchema }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;
export const pushResponseSchema = z.object({ results: z.array(pushResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const entityKinds = ['enterprise', 'branch', 'employer', 'broker', 'filing', 'agency'] as const;
export const entityKindSchema = z.enum(entityKinds);
export type EntityKind = z.infer<typeof entityKindSchema>;

/** Cursors are opaque to clients: the decimal change-log sequence number ("0" = from the start). */
export const cursorSchema = z.string().regex(/^\d{1,19}$/);

export const pullQuerySchema = z.object({
  cursor: cursorSchema.default('0'),
  limit: z.coerce.number().int().min(1).max(maxPullLimit).default(defaultPullLimit),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const changeSchema = z.object({
  seq: z.string(),
  entity: entityKindSchema,
  id: z.string(),
  version: z.number().int(),
  op: z.enum(['upsert', 'delete']),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
  /** The mutation that made the change, when a client pushed it (absent for administrative writes). */
  mutationId: z.string().optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  /** Pass back as `cursor`; equals the request's cursor when there was nothing new. */
  nextCursor: cursorSchema,
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
