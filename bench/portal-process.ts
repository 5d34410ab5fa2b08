// A bench portal in a child Node process, spoken to over HTTP like a real server (fixtures over IPC), so
// a client benchmark measures the client's own thread rather than the client and the portal sharing one.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { httpCall, type BenchPortal } from './portal-fixtures';

export interface PortalProcess {
  url: string;
  /** Process id of the portal, to tell its CPU time from the client's. */
  pid: number;
  call: BenchPortal['call'];
  enterprise(taxCode: string): Promise<string>;
  admin(enterpriseId: string, username: string): Promise<{ accountId: string; username: string; temporaryPassword: string }>;
  close(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** `trustFile`: a CA certificate file (PEM/DER) the portal trusts; with it, filings must be signed. */
export async function startPortalProcess(databaseUrl: string, options: { trustFile?: string } = {}): Promise<PortalProcess> {
  const args = options.trustFile ? [databaseUrl, options.trustFile] : [databaseUrl];
  const child = fork(fileURLToPath(new URL('./portal-child.ts', import.meta.url)), args, {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`portal process exited (${code}) before it was ready`)));
    child.on('message', (message: { ready?: string; id?: number; value?: unknown; error?: string }) => {
      if (message.ready) return resolve(message.ready);
      const pending = waiting.get(message.id!);
      waiting.delete(message.id!);
      if (message.error) pending?.reject(new Error(`portal process: ${message.error}`));
      else pending?.resolve(message.value);
    });
  });
  const ask = <T>(request: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = (nextId += 1);
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...request, id });
    });
  return {
    url,
    pid: child.pid!,
    call: httpCall(url),
    enterprise: (taxCode) => ask({ op: 'enterprise', taxCode }),
    admin: (enterpriseId, username) => ask({ op: 'admin', enterpriseId, username }),
    close: async () => {
      await ask({ op: 'close' });
      child.disconnect();
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    },
  };
}
