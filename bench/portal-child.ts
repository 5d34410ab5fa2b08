// The child side of portal-process.ts: a bench portal in its own Node process (as on a server), with the
// few fixture builders the parent asks for over IPC. Started only by startPortalProcess.
import { readFileSync } from 'node:fs';
import { certificatesFromFile } from '../src-common/signing/trust-list';
import { benchAdmin, benchEnterprise, startBenchPortal } from './portal-fixtures';

type Request = { id: number } & ({ op: 'enterprise'; taxCode: string } | { op: 'admin'; enterpriseId: string; username: string } | { op: 'close' });

const send = (message: unknown) => process.send!(message);
const url = process.argv[2];
/** Optional trust-list file (PEM or DER): filing signatures are then verified and required. */
const trustFile = process.argv[3];
if (!url || !process.send) throw new Error('portal-child.ts is started by startPortalProcess');

const portal = await startBenchPortal(
  { kind: 'postgres', url },
  trustFile ? { trustedCertificates: certificatesFromFile(new Uint8Array(readFileSync(trustFile))) } : {},
);
// The parent gone (finished or crashed): nothing left to serve.
process.on('disconnect', () => void portal.close().finally(() => process.exit(0)));
process.on('message', (request: Request) => {
  const work = async (): Promise<unknown> => {
    switch (request.op) {
      case 'enterprise':
        return benchEnterprise(portal, request.taxCode);
      case 'admin':
        return benchAdmin(portal, request.enterpriseId, request.username);
      case 'close':
        await portal.close();
        return null;
    }
  };
  work().then(
    (value) => send({ id: request.id, value }),
    (error: unknown) => send({ id: request.id, error: String((error as Error).stack ?? error) }),
  );
});
send({ ready: portal.url });
