// The client core in a process of its own, for crash.test.ts (run with `node --import tsx`): signs in,
// commits a seeded set of employers, syncs, as its JSON argument says. It prints one JSON line per step
// so the parent knows where it is, and the parent kills it with SIGKILL wherever it likes.
import { join } from 'node:path';
import { createCore } from '../../src-main/core/index';
import { mulberry32 } from '../helpers/fault-proxy';
import { employerFields, seededUuid } from './employer-plan';

export interface CrashClientConfig {
  dataDir: string;
  /** 32-byte store key, hex: the same on every start, as the OS keychain would give it. */
  storeKey: string;
  portalUrl: string;
  username: string;
  password: string;
  sync: { requestTimeoutMs: number; pushBatch: number; pullLimit: number };
  steps: ({ kind: 'signIn' } | { kind: 'commit'; seed: number; count: number } | { kind: 'sync' })[];
}

const config = JSON.parse(process.argv[2]!) as CrashClientConfig;
const say = (event: string, data: Record<string, unknown> = {}) => process.stdout.write(`${JSON.stringify({ event, ...data })}\n`);

const core = await createCore({
  appVersion: '0.0.0-crash-test',
  shell: 'web',
  dataDir: config.dataDir,
  migrationsDir: join(process.cwd(), 'src-main', 'core', 'db', 'migrations'),
  key: { kind: 'fixed', storeKey: Buffer.from(config.storeKey, 'hex') },
  portalUrl: config.portalUrl,
  // No automatic runs: the parent decides when this client syncs (and where it dies).
  sync: { ...config.sync, autoSync: false },
});
core.onEvent((topic, payload) => {
  if (topic === 'progress') say('progress', { payload });
});

async function call<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await core.invoke(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

say('started', { pid: process.pid, session: (await call<{ state: string }>('session:status')).state });
for (const step of config.steps) {
  if (step.kind === 'signIn') {
    const status = await call<{ state: string }>('session:signIn', { portalUrl: config.portalUrl, username: config.username, password: config.password });
    say('signedIn', { state: status.state });
  } else if (step.kind === 'commit') {
    const random = mulberry32(step.seed);
    const ids: string[] = [];
    for (let i = 0; i < step.count; i += 1) {
      const { mutationId } = await call<{ mutationId: string }>('records:commit', {
        kind: 'employer.upsert',
        payload: { id: seededUuid(random), fields: employerFields(random, `crash.${i}`) },
      });
      ids.push(mutationId);
    }
    say('committed', { ids });
  } else {
    say('syncing');
    const status = await call('sync:run');
    say('synced', { status });
  }
}
await core.close();
say('done');
