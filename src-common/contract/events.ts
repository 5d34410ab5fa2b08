// Events from main to the UI (`subscribe(topic)`): progress of long work and state changes.
import { z } from 'zod';
import { entityKindSchema } from '../portal-api/sync.api';
import { SessionStatusSchema } from './session.contract';
import { SettingsSchema } from './settings.contract';
import { SyncStatusSchema } from './sync.contract';
import { VaultStatusSchema } from './vault.contract';

export const ProgressEventSchema = z.object({
  taskId: z.string(),
  task: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  finished: z.boolean(),
});
export type ProgressEvent = z.infer<typeof ProgressEventSchema>;

export const eventTopics = {
  progress: ProgressEventSchema,
  'settings:changed': SettingsSchema,
  'vault:changed': VaultStatusSchema,
  'session:changed': SessionStatusSchema,
  'sync:changed': SyncStatusSchema,
  /** Local records changed (a commit, a pull, a rejection): lists of these entities should reload. */
  'records:changed': z.object({ entities: z.array(entityKindSchema) }),
} as const;

export type Topic = keyof typeof eventTopics;
export type TopicPayload<T extends Topic> = z.infer<(typeof eventTopics)[T]>;
export const topics = Object.keys(eventTopics) as Topic[];

export function isTopic(value: unknown): value is Topic {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(eventTopics, value);
}
