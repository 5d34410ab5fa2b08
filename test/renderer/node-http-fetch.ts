// fetch over node:http for the real core in renderer tests: happy-dom replaces the global fetch with a
// browser one that applies the same-origin policy, so the core could not reach the portal on 127.0.0.1.
import { request } from 'node:http';

/** Just what the core's PortalClient uses: method, headers, a string body, a signal; status and text(). */
export const nodeHttpFetch = ((input: string | URL, init: RequestInit = {}) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(String(input));
    const signal = init.signal ?? undefined;
    if (signal?.aborted) {
      reject(signal.reason ?? new Error('aborted'));
      return;
    }
    const req = request(
      url,
      { method: init.method ?? 'GET', headers: init.headers as Record<string, string> | undefined },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, ok: (res.statusCode ?? 0) < 400, text: async () => text } as Response);
        });
      },
    );
    req.on('error', reject);
    signal?.addEventListener('abort', () => req.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted')));
    if (typeof init.body === 'string') req.write(init.body);
    req.end();
  })) as typeof fetch;
