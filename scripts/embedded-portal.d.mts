// Types of scripts/embedded-portal.mjs for the TypeScript tests that import it.
export declare const repoRoot: string;

export interface EmbeddedPortalOptions {
  /** PGlite data folder; created when missing and kept between runs. */
  dataDir: string;
  /** Population registry size (default 100000). */
  registrySize?: number;
  /** Loopback port (default 0: a free one); a fixed one lets a test stop and restart the portal at the same address. */
  port?: number;
  /** Extra environment for the portal process (e.g. PORTAL_ADMIN_PASSWORD). */
  env?: Record<string, string>;
  /** How long to wait for the "is running at: URL" line (default 120 s). */
  timeoutMs?: number;
  /** Aborting it while the portal starts ends the process and rejects. */
  signal?: AbortSignal;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

export interface EmbeddedPortal {
  /** Base URL, e.g. http://127.0.0.1:41655 */
  url: string;
  pid: number | undefined;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process has ended. */
  stop(): Promise<void>;
  /** Resolves with the exit code (null when ended by a signal) once the process has ended. */
  exited: Promise<number | null>;
}

export declare function startEmbeddedPortal(options: EmbeddedPortalOptions): Promise<EmbeddedPortal>;
