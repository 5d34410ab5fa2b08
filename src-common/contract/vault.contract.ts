// Area `vault`: setting up and unlocking the encrypted store's key (works before the store is open).
import { z } from 'zod';
import { defineArea } from './define';

export const VaultStateSchema = z.enum(['needs-setup', 'locked', 'open']);

export const VaultStatusSchema = z.object({
  state: VaultStateSchema,
  /** Whether the OS keychain (Electron safeStorage, not Linux's basic_text) can protect the key here. */
  osKeychainAvailable: z.boolean(),
  /** Ways the locked store can be opened now. */
  unlockMethods: z.array(z.enum(['passphrase', 'recovery-key'])),
});
export type VaultStatus = z.infer<typeof VaultStatusSchema>;

export const PASSPHRASE_MIN_LENGTH = 12;
const Passphrase = z.string().min(PASSPHRASE_MIN_LENGTH).max(1024);

/** 32 characters of RFC 4648 base32 in groups of four, e.g. ABCD-EFGH-...; dashes and spaces optional. */
export const RecoveryKeySchema = z
  .string()
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z2-7]{32}$/, 'recovery key: 32 base32 characters'));

export const vaultContract = defineArea({
  'vault:status': { input: z.object({}).strict(), output: VaultStatusSchema },
  'vault:setup': {
    input: z.object({ passphrase: Passphrase.optional() }).strict(),
    /** The recovery key is returned this once and never stored in clear. */
    output: z.object({ recoveryKey: z.string(), status: VaultStatusSchema }),
  },
  'vault:unlock': {
    input: z.union([
      z.object({ passphrase: Passphrase }).strict(),
      z.object({ recoveryKey: RecoveryKeySchema }).strict(),
    ]),
    output: VaultStatusSchema,
  },
});
