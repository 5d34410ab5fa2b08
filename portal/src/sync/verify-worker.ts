// A verify-pool worker: runs the shared CAdES verifier (verify-cades.ts) off the portal's event loop.
// Trust list from workerData; each message is one signature, answered with its verdict.
import { parentPort, workerData } from 'node:worker_threads';
import { verifyCadesDetached } from '../../../src-common/signing/verify-cades';
import type { VerifyRequest, VerifyResponse } from './verify-pool';

const { trustedCertificates } = workerData as { trustedCertificates: Uint8Array[] };
const port = parentPort!;

port.on('message', (request: VerifyRequest) => {
  verifyCadesDetached(request.signature, request.content, {
    trustedCertificates,
    ...(request.expectedParty === undefined ? {} : { expectedParty: request.expectedParty }),
  }).then(
    (verdict) => port.postMessage({ id: request.id, verdict } satisfies VerifyResponse),
    (error: unknown) => port.postMessage({ id: request.id, error: String((error as Error)?.stack ?? error) } satisfies VerifyResponse),
  );
});
