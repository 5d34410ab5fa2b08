// A verify-pool worker: runs the shared CAdES verifier (verify-cades.ts) off the portal's event loop.
// Trust list from workerData; each message is one signature, answered with its verdict.
import { parentPort, workerData } from 'node:worker_threads';
import { CadesVerifier } from '../../../src-common/signing/verify-cades';
import type { VerifyRequest, VerifyResponse } from './verify-pool';

const { trustedCertificates, trustedTimestampAuthorities } = workerData as { trustedCertificates: Uint8Array[]; trustedTimestampAuthorities: Uint8Array[] };
// One verifier for the worker's life: it remembers certificates, keys and chains between filings.
const verifier = new CadesVerifier(trustedCertificates, trustedTimestampAuthorities);
const port = parentPort!;

port.on('message', (request: VerifyRequest) => {
  verifier.verify(request.signature, request.content, request.expectedParty === undefined ? {} : { expectedParty: request.expectedParty }).then(
    (verdict) => port.postMessage({ id: request.id, verdict } satisfies VerifyResponse),
    (error: unknown) => port.postMessage({ id: request.id, error: String((error as Error)?.stack ?? error) } satisfies VerifyResponse),
  );
});
