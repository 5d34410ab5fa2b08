// vault.json: the store key's wrapped forms (never the key itself), written atomically.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { z } from 'zod';

const WrappedKeySchema = z.object({ iv: z.string(), ciphertext: z.string(), tag: z.string() });

export const VaultFileSchema = z.object({
  version: z.literal(1),
  /** safeStorage's blob of the base64 store key. */
  osKeychain: z.object({ blob: z.string() }).optional(),
  passphrase: z
    .object({
      kdf: z.object({ N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
      wrapped: WrappedKeySchema,
    })
    .optional(),
  recovery: z.object({ salt: z.string(), wrapped: WrappedKeySchema }),
});
export type VaultFile = z.infer<typeof VaultFileSchema>;

export function readVaultFile(path: string): VaultFile | null {
  if (!existsSync(path)) return null;
  return VaultFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Write to a temporary file, fsync, then rename: a crash leaves the old or the new file, never half. */
export function writeVaultFile(path: string, vault: VaultFile): void {
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(vault, null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
