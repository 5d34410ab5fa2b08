// The core's public face, as the Electron shell and the web host see it.
import type { Result } from '../../src-common/result';
import type { Topic } from '../../src-common/contract';
import type { Logger } from './logger';

/**
 * The OS keychain as Electron's safeStorage offers it. The shell passes null when it is unavailable
 * or only obfuscates (Linux `basic_text`), and the vault then requires a passphrase instead.
 */
export interface OsKeychain {
  encrypt(secret: string): Buffer;
  decrypt(blob: Buffer): string;
}

export type StoreKeySource =
  /** Tests and the web host: the 32-byte key comes straight from configuration. */
  | { kind: 'fixed'; storeKey: Buffer }
  /** The desktop app: the key lives wrapped in `<dataDir>/vault.json` (OS keychain / passphrase + recovery key). */
  | { kind: 'vault'; osKeychain: OsKeychain | null };

export interface CoreConfig {
  appVersion: string;
  shell: 'electron' | 'web';
  /** Folder holding the encrypted store (labordesk.db) and vault.json. */
  dataDir: string;
  /** Folder of drizzle-kit migrations (src-main/core/db/migrations in the source tree). */
  migrationsDir: string;
  key: StoreKeySource;
  logger?: Logger;
  /** Cost of the passphrase KDF (scrypt N); tests lower it, production keeps the default. */
  scryptCost?: number;
  /**
   * The central portal's base address (http or https, no trailing slash), from the shell's flags or
   * environment; the shells check it with parsePortalUrl. Absent: no portal configured.
   */
  portalUrl?: string;
  /** Sync timing; tests shorten it, production keeps the defaults. */
  sync?: SyncConfig;
  /** The app's resources/ folder (token library catalogue, trust list); default: beside the source tree. */
  resourcesDir?: string;
  /** Trusted CA certificates for verifying signatures (default resources/trust). */
  trustDir?: string;
}

export interface SyncConfig {
  /** Whole-request limit for every portal call (default 20 s). */
  requestTimeoutMs?: number;
  /** Mutations per push (default 200) and changes per pull page (default 1,000). */
  pushBatch?: number;
  pullLimit?: number;
  /** Scheduler: period (60 s), debounce after a commit (1.5 s), backoff base (2 s) and cap (5 min). */
  periodMs?: number;
  debounceMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** false: no automatic runs, only `sync:run` (tests that drive sync step by step). Default true. */
  autoSync?: boolean;
  /** Source of jitter (default Math.random). */
  random?: () => number;
  /** Overrides `fetch` for the portal client (never needed in production). */
  fetch?: typeof fetch;
  /**
   * Hold back a filing whose attachments can be neither found here nor on the portal (default true).
   * Off only in tests of other parts, whose fixture filings name made-up hashes.
   */
  requireAttachmentBytes?: boolean;
}

export type EventListener = (topic: Topic, payload: unknown) => void;

export interface Core {
  /** Validates `input` against the contract and runs the method; never throws. */
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Every event (progress, state changes); returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void;
  close(): Promise<void>;
}
