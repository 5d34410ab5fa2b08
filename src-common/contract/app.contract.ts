// Area `app`: what the About page shows (version, data folder, store status, portal address).
import { z } from 'zod';
import { defineArea } from './define';

export const DbStatusSchema = z.object({
  path: z.string(),
  encrypted: z.boolean(),
  cipher: z.string(),
  schemaVersion: z.number().int(),
  journalMode: z.string(),
  sizeBytes: z.number().int().nonnegative(),
});
export type DbStatus = z.infer<typeof DbStatusSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  shell: z.enum(['electron', 'web']),
  dataDir: z.string(),
  db: DbStatusSchema,
  keyProtection: z.enum(['os-keychain', 'passphrase', 'config']),
  /** The central portal the shell was started with; null when none is configured. */
  portalUrl: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appContract = defineArea({
  'app:info': { input: z.object({}).strict(), output: AppInfoSchema },
});
