// Filing signatures verified off the event loop and in parallel: a pool of worker threads (one per core,
// os.availableParallelism()) running the same verifyCadesDetached as before, with the portal's trust
// list. Workers start on the first verification (a portal that never sees a signed filing starts none)
// and end with close(); a worker that dies fails its pending verifications and is replaced on demand.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CadesVerdict } from '../../../src-common/signing/verify-cades';

export interface VerifyRequest {
  id: number;
  signature: Uint8Array;
  content: Uint8Array;
  expectedParty?: string;
}

export type VerifyResponse = { id: number; verdict: CadesVerdict } | { id: number; error: string };

interface Pending {
  resolve: (verdict: CadesVerdict) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

// From the TypeScript sources (tsx: `npm run portal`, tests) the worker loads verify-worker.ts through
// tsx's loader (verify-worker-entry.mjs; `execArgv: ['--import', 'tsx']` does not reach a worker on
// Node 20); built to JavaScript, verify-worker.js directly.
const fromTypeScript = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromTypeScript ? './verify-worker-entry.mjs' : './verify-worker.js', import.meta.url);

export class VerifyPool {
  private readonly workers: (PoolWorker | undefined)[];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly trustedCertificates: Uint8Array[],
    private readonly trustedTimestampAuthorities: Uint8Array[] = [],
    readonly size = availableParallelism(),
  ) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => undefined);
  }

  verify(signature: Uint8Array, content: Uint8Array, options: { expectedParty?: string } = {}): Promise<CadesVerdict> {
    if (this.closed) return Promise.reject(new Error('verify pool closed'));
    const target = this.leastBusy();
    const id = (this.nextId += 1);
    return new Promise<CadesVerdict>((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      const request: VerifyRequest = { id, signature, content, ...(options.expectedParty === undefined ? {} : { expectedParty: options.expectedParty }) };
      target.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const running = this.workers.filter((w): w is PoolWorker => w !== undefined);
    this.workers.fill(undefined);
    await Promise.all(
      running.map(async (w) => {
        this.fail(w, new Error('verify pool closed'));
        await w.worker.terminate();
      }),
    );
  }

  /** The worker with the fewest verifications in flight, started if its slot is empty. */
  private leastBusy(): PoolWorker {
    let best = -1;
    for (let i = 0; i < this.workers.length; i += 1) {
      const w = this.workers[i];
      if (!w) {
        best = i;
        break;
      }
      if (best < 0 || w.pending.size < this.workers[best]!.pending.size) best = i;
    }
    return (this.workers[best] ??= this.start(best));
  }

  private start(slot: number): PoolWorker {
    const worker = new Worker(workerUrl, { workerData: { trustedCertificates: this.trustedCertificates, trustedTimestampAuthorities: this.trustedTimestampAuthorities } });
    // An idle pool does not keep the process alive (a request in flight does).
    worker.unref();
    const entry: PoolWorker = { worker, pending: new Map() };
    worker.on('message', (response: VerifyResponse) => {
      const pending = entry.pending.get(response.id);
      if (!pending) return;
      entry.pending.delete(response.id);
      if ('verdict' in response) pending.resolve(response.verdict);
      else pending.reject(new Error(`signature verification failed in a worker: ${response.error}`));
    });
    const gone = (error: Error) => {
      if (this.workers[slot] === entry) this.workers[slot] = undefined;
      this.fail(entry, error);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`verify worker exited (${code})`)));
    return entry;
  }

  private fail(entry: PoolWorker, error: Error): void {
    for (const pending of entry.pending.values()) pending.reject(error);
    entry.pending.clear();
  }
}
