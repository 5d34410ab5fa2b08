// Benchmark: 100k audit entries into the encrypted store, as a ratio to the same into a plain file.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appendAuditEntry } from '../src-main/core/audit/audit.repo';
import { openStore } from '../src-main/core/db/store';
import { median, writeResult } from './machine';

const ENTRIES = 100_000;
/** Entries per transaction: what an import or a sync batch commits at once. */
const BATCH = 1_000;
const ROUNDS = 3;
const migrationsDir = fileURLToPath(new URL('../src-main/core/db/migrations', import.meta.url));

function insertRun(encrypted: boolean): number {
  const dir = mkdtempSync(join(tmpdir(), 'labordesk-bench-'));
  try {
    const store = openStore({ file: join(dir, 'bench.db'), key: encrypted ? randomBytes(32) : null, migrationsDir });
    const at = new Date().toISOString();
    const started = process.hrtime.bigint();
    for (let done = 0; done < ENTRIES; done += BATCH) {
      store.write(() => {
        for (let i = done; i < done + BATCH; i += 1) {
          appendAuditEntry(store.sqlite, {
            at,
            actor: 'bench',
            action: 'worker.updated',
            target: `worker/${i}`,
            details: { citizenId: String(1_000_000_000 + i).padStart(12, '0'), name: 'Nguyễn Văn Đức' },
          });
        }
      });
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    store.close();
    return ENTRIES / seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function run() {
  const plain: number[] = [];
  const encrypted: number[] = [];
  insertRun(true); // warm-up: JIT, page cache
  for (let round = 0; round < ROUNDS; round += 1) {
    // Alternate so drift on a shared machine hits both sides alike.
    plain.push(insertRun(false));
    encrypted.push(insertRun(true));
  }
  const value = median(encrypted);
  const baseline = median(plain);
  return writeResult({
    name: 'db-insert-encrypted-ratio',
    value: Math.round(value),
    unit: 'entries/s',
    baseline: Math.round(baseline),
    ratio: Number((value / baseline).toFixed(3)),
    target: '>= 0.7',
    notes: `${ENTRIES} hash-chained audit entries via the app's repository, ${BATCH} per transaction, WAL, synchronous=FULL, SQLCipher 4 format vs unencrypted; median of ${ROUNDS}`,
  });
}
