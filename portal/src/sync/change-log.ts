// The server change log: every write appends here, in commit order, so pulls never skip or repeat.
import { sql } from 'drizzle-orm';
import type { EntityKind } from '../../../src-common/portal-api/sync.api';
import type { PortalDb } from '../db/connection';
import { rowsOf } from '../db/query-rows';
import { changeLog } from '../db/schema';
import type { RowScope } from '../scope/visibility';

export type PortalTx = Parameters<Parameters<PortalDb['transaction']>[0]>[0];

export interface ChangeEntry {
  entity: EntityKind;
  entityId: string;
  version: number;
  op: 'upsert' | 'delete';
  data: Record<string, unknown>;
  scope: Omit<RowScope, 'entity'>;
  mutationId?: string;
}

/** Any 64-bit number works; this one names the lock "labordesk change log" in pg_locks. */
const changeLogLockKey = 0x4c44_4348_4c4f_47n;

/**
 * Runs `work` in a transaction that holds the change-log lock until commit. Sequence numbers are
 * handed out under the lock, so they commit in order: a puller that has seen seq N can never later
 * find a committed N-1 (the gap that concurrent bigserial inserts would otherwise open).
 */
export function writeTransaction<T>(db: PortalDb, work: (tx: PortalTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${changeLogLockKey})`);
    return work(tx);
  });
}

const insertChunk = 1000;

/** Appends changes in the given order and returns their sequence numbers (as decimal strings). */
export async function appendChanges(tx: PortalTx, entries: readonly ChangeEntry[], at: Date): Promise<string[]> {
  if (entries.length === 0) return [];
  const reserved = rowsOf<{ seq: string }>(
    await tx.execute(sql`select nextval(pg_get_serial_sequence('change_log', 'seq'))::text as seq from generate_series(1, ${entries.length})`),
  );
  const seqs = reserved.map((r) => BigInt(r.seq)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let start = 0; start < entries.length; start += insertChunk) {
    const rows = entries.slice(start, start + insertChunk).map((entry, i) => ({
      seq: seqs[start + i]!,
      entity: entry.entity,
      entityId: entry.entityId,
      version: entry.version,
      op: entry.op,
      data: entry.data,
      enterpriseId: entry.scope.enterpriseId,
      branchId: entry.scope.branchId,
      provinceCode: entry.scope.provinceCode,
      communeCode: entry.scope.communeCode,
      mutationId: entry.mutationId ?? null,
      at,
    }));
    await tx.insert(changeLog).values(rows);
  }
  return seqs.map(String);
}
